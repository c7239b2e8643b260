/**
 * A fresh, migrated database for one test file. Embedded PGlite by default;
 * when TEST_DATABASE_URL points at a PostgreSQL server, a throw-away database
 * is created there instead, so the same tests prove both back ends.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/store/database.js";
import { startEmbeddedPostgres } from "../../src/store/embedded-postgres.js";
import { prepareDatabase } from "../../src/store/prepare-database.js";

export interface TestDatabase {
  url: string;
  db: Database;
  backend: "pglite" | "postgresql";
  close(): Promise<void>;
}

export const testBackend: "pglite" | "postgresql" = process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const { url, drop } = await freshDatabase();
  if (options.migrate !== false) await prepareDatabase(url);
  const db = openDatabase(url);
  return {
    url,
    db,
    backend: testBackend,
    async close() {
      await db.$disconnect();
      await drop();
    },
  };
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `coc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
