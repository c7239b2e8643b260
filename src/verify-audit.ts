/**
 * Process entry for `npm run audit:verify`: checks the whole audit log's hash
 * chain and says whether it is intact, or which event is the first one that
 * was altered, removed or reordered. Exits 1 when the chain is broken.
 *
 * Uses DATABASE_URL, or the embedded database under DATA_DIR (stop the app
 * first: the embedded database serves one process at a time).
 */
import { join } from "node:path";
import { loadDotenv } from "./load-dotenv.js";
import { readEnv } from "./env.js";
import { verifyAuditLog } from "./store/audit-log.js";
import { openDatabase } from "./store/database.js";
import { startEmbeddedPostgres } from "./store/embedded-postgres.js";

async function verify(): Promise<number> {
  loadDotenv();
  const env = readEnv();
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(env.DATA_DIR, "pglite") });
  const db = openDatabase(env.DATABASE_URL ?? embedded!.url);
  try {
    const verdict = await verifyAuditLog(db);
    if (verdict.ok) {
      console.log(`Audit log intact: ${verdict.count} events, last hash ${verdict.lastHash}`);
      return 0;
    }
    console.error(`Audit log BROKEN at event ${verdict.brokenAt} (after ${verdict.count} intact events): ${verdict.reason}`);
    return 1;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

verify().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
