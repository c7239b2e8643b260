/**
 * The hand-written migrations must build exactly the database that
 * prisma/schema.prisma describes: Prisma's schema engine (`prisma migrate
 * diff`) cannot run here, so this test is the drift check. It migrates a fresh
 * database, reads it back from pg_catalog and compares it with the schema as
 * Prisma's own parser reads it: enums, tables, column types, nullability,
 * defaults, primary keys, indexes and foreign keys, including their names.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDatabase } from "../support/database-description.js";
import { describePrismaSchema, readPrismaSchema, type SchemaDescription } from "../support/schema-description.js";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/test-database.js";

/** Dotted paths at which two descriptions differ, so the self-test can say what it expects to see. */
function differences(expected: unknown, actual: unknown, path = ""): string[] {
  if (typeof expected !== "object" || typeof actual !== "object" || expected === null || actual === null) {
    return Object.is(expected, actual) ? [] : [path];
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].flatMap((key) =>
    differences((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
  );
}

describe(`schema drift (${testBackend})`, () => {
  let database: TestDatabase;
  let client: pg.Client;
  let expected: SchemaDescription;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    expected = describePrismaSchema(await readPrismaSchema());
  });
  afterAll(async () => {
    await client?.end();
    await database?.close();
  });

  it("the migrated database matches prisma/schema.prisma", async () => {
    expect(await describeDatabase(client)).toEqual(expected);
  });

  it("reads the schema through Prisma's parser, with Prisma's types and names", () => {
    // Spot checks that the expected side is not vacuous; the full comparison is above.
    expect(expected.enums).toEqual({ case_state: ["new", "acknowledged", "decision_proposed", "decided", "closed"], action_status: ["pending", "done", "failed"] });
    expect(expected.tables.audit_events?.columns.seq).toEqual({ type: "bigint", nullable: false, default: "autoincrement()" });
    expect(expected.tables.actions?.columns).toMatchObject({
      case_id: { type: "uuid", nullable: true, default: null },
      status: { type: "enum action_status", nullable: false, default: "'pending'" },
      payload: { type: "jsonb", nullable: false, default: null },
      created_at: { type: "timestamp(3) without time zone", nullable: false, default: "now()" },
    });
    expect(expected.tables.case_counters?.primaryKey).toEqual({ name: "case_counters_pkey", columns: ["scope", "year"] });
    expect(expected.tables.actions?.indexes.actions_status_kind_idx).toEqual({ unique: false, columns: ["status", "kind"], method: "btree" });
    expect(expected.tables.reports?.foreignKeys.reports_case_id_fkey).toEqual({
      columns: ["case_id"],
      references: "cases(id)",
      onDelete: "RESTRICT",
      onUpdate: "CASCADE",
    });
  });

  it("reports drift when the database differs from the schema", async () => {
    // DDL is transactional in PostgreSQL: break the database, look, roll back.
    await client.query("BEGIN");
    try {
      await client.query(`ALTER TABLE "cases" ALTER COLUMN "subject_login" DROP NOT NULL`);
      await client.query(`DROP INDEX "actions_status_kind_idx"`);
      await client.query(`ALTER TABLE "actions" ALTER COLUMN "attempts" SET DEFAULT 1`);
      await client.query(`ALTER TABLE "reports" DROP CONSTRAINT "reports_case_id_fkey",
        ADD CONSTRAINT "reports_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
      await client.query(`ALTER TYPE "case_state" ADD VALUE 'archived'`);
      const drifted = await describeDatabase(client);
      expect(differences(expected, drifted).sort()).toEqual([
        "enums.case_state.5",
        "tables.actions.columns.attempts.default",
        "tables.actions.indexes.actions_status_kind_idx",
        "tables.cases.columns.subject_login.nullable",
        "tables.reports.foreignKeys.reports_case_id_fkey.onDelete",
      ]);
      expect(() => expect(drifted).toEqual(expected)).toThrow();
    } finally {
      await client.query("ROLLBACK");
    }
    expect(await describeDatabase(client)).toEqual(expected);
  });
});
