/**
 * A fresh, migrated database for one test file. Embedded PGlite by default;
 * when TEST_DATABASE_URL points at a PostgreSQL server, a throw-away database
 * is created there instead, so the same tests prove both back ends.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
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

export interface TestDatabaseOptions {
  migrate?: boolean;
  /**
   * Embedded: keep the database in a temporary data directory, as `npm start`
   * does, instead of in memory. Every commit then writes to disk, which is what
   * makes the embedded database slow under load; tests of load use this.
   */
  onDisk?: boolean;
  /**
   * A PostgreSQL server to create the database on, or null for embedded PGlite;
   * by default TEST_DATABASE_URL decides (a benchmark measures both in one run).
   */
  serverUrl?: string | null;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl === undefined ? process.env.TEST_DATABASE_URL : options.serverUrl;
  const { url, drop } = await freshDatabase(serverUrl || undefined, options.onDisk === true);
  if (options.migrate !== false) await prepareDatabase(url);
  const db = openDatabase(url);
  return {
    url,
    db,
    backend: serverUrl ? "postgresql" : "pglite",
    async close() {
      await db.$disconnect();
      await drop();
    },
  };
}

async function freshDatabase(serverUrl: string | undefined, onDisk: boolean): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!serverUrl) {
    const dataDir = onDisk ? await mkdtemp(join(tmpdir(), "coc-test-data-")) : undefined;
    const embedded = await startEmbeddedPostgres(dataDir ? { dataDir: join(dataDir, "pglite") } : {});
    return {
      url: embedded.url,
      async drop() {
        await embedded.stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
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

/** Empties everything a test may have written, the job queue included. */
export async function clearTestData(db: Database): Promise<void> {
  // Every table of the app's own (a table added later cannot be forgotten here), not the migrations record.
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => t.name).join(", ")} CASCADE`);
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
}

/**
 * One migrated database for the enclosing describe block, created before its
 * tests, emptied after each test and dropped at the end.
 */
export function useTestDatabase(options: Pick<TestDatabaseOptions, "onDisk"> = {}): Omit<TestDatabase, "close"> {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
  });
  afterEach(async () => {
    if (current) await clearTestData(current.db);
  });
  afterAll(async () => {
    await current?.close();
  });
  const open = (): TestDatabase => {
    if (!current) throw new Error("the test database is used before beforeAll ran");
    return current;
  };
  return {
    get url() {
      return open().url;
    },
    get db() {
      return open().db;
    },
    get backend() {
      return open().backend;
    },
  };
}
