import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations, type MigrationFile } from "../../src/store/migrations.js";
import { migrationsDirectory } from "../../src/store/prepare-database.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

describe(`migrations (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  let database: TestDatabase;
  let client: pg.Client;
  let files: MigrationFile[];

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    files = await readMigrations(migrationsDirectory());
  });
  afterAll(async () => {
    await client.end();
    await database.close();
  });

  it("applies every migration once and records it the way Prisma does", async () => {
    expect(await applyMigrations(client, files)).toEqual(files.map((f) => f.name));
    expect(await applyMigrations(client, files)).toEqual([]);
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum, finished: true, applied_steps_count: 1 })));
    expect(files[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(applyMigrations(client, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const broken: MigrationFile = { name: "99999999999999_broken", sql: "CREATE TABLE half_done (id int); SELECT * FROM missing_table;", checksum: "f".repeat(64) };
    await expect(applyMigrations(client, [...files, broken])).rejects.toThrow(/99999999999999_broken failed/);
    const table = await client.query(`SELECT to_regclass('half_done') AS t`);
    expect(table.rows[0].t).toBeNull();
    const recorded = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(recorded.rowCount).toBe(0);
  });
});
