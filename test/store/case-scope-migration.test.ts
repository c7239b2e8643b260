/**
 * The migration that makes case codes unique per cases repository keeps the
 * cases recorded before it: each gets the scope of its own cases repository,
 * and two repositories may then both hold a COC-2026-0001.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../src/store/migrations.js";
import { migrationsDirectory } from "../../src/store/prepare-database.js";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/test-database.js";

describe(`case codes per cases repository, migrated (${testBackend})`, () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.close();
  });

  it("fills the scope of existing cases and allows the same code in another cases repository", async () => {
    const files = await readMigrations(migrationsDirectory());
    const upTo = files.findIndex((f) => f.name.endsWith("_case_files_hardening"));
    expect(upTo).toBeGreaterThan(0);
    await applyMigrations(client, files.slice(0, upTo));
    await client.query(
      `INSERT INTO cases (id, code, cases_owner, cases_repo, subject_login, content_key, updated_at)
       VALUES (gen_random_uuid(), 'COC-2026-0001', 'Acme', 'CoC-Cases', 'troll-tom', 'k1', now())`,
    );
    await applyMigrations(client, files);
    const { rows } = await client.query(`SELECT cases_scope FROM cases`);
    expect(rows).toEqual([{ cases_scope: "acme/coc-cases" }]);

    await client.query(
      `INSERT INTO cases (id, code, cases_owner, cases_repo, cases_scope, subject_login, content_key, updated_at)
       VALUES (gen_random_uuid(), 'COC-2026-0001', 'globex', 'coc-cases', 'globex/coc-cases', 'troll-tom', 'k2', now())`,
    );
    await expect(
      client.query(
        `INSERT INTO cases (id, code, cases_owner, cases_repo, cases_scope, subject_login, content_key, updated_at)
         VALUES (gen_random_uuid(), 'COC-2026-0001', 'acme', 'coc-cases', 'acme/coc-cases', 'troll-tom', 'k3', now())`,
      ),
    ).rejects.toThrow(/cases_cases_scope_code_key/);
  });
});
