/**
 * What a live PostgreSQL (or PGlite) database actually contains, read from
 * pg_catalog, in the same shape as schema-description.ts derives from the
 * Prisma schema, so one toEqual() shows any drift between the two.
 * Only the connection's current schema is read: graphile-worker keeps its
 * tables in its own schema, and Prisma's _prisma_migrations bookkeeping table
 * is not part of the data model.
 */
import type pg from "pg";
import type { ColumnDescription, ForeignKeyDescription, IndexDescription, SchemaDescription, TableDescription } from "./schema-description.js";

type Queryable = Pick<pg.ClientBase, "query">;

const IGNORED_TABLES = ["_prisma_migrations"];

// Every query restricts to ordinary/partitioned tables of the current schema
// and casts identifiers (type `name`) to text, which node-postgres parses.
const TABLES = `
  SELECT c.oid, c.relname::text AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> ALL($1::text[])`;

const COLUMNS = `
  WITH t AS (${TABLES})
  SELECT t.table, a.attname::text AS column,
         CASE WHEN ty.typtype = 'e' THEN 'enum ' || ty.typname
              WHEN el.typtype = 'e' THEN 'enum ' || el.typname || '[]'
              ELSE format_type(a.atttypid, a.atttypmod) END AS type,
         NOT a.attnotnull AS nullable,
         CASE WHEN a.attidentity <> '' THEN 'identity'
              WHEN a.attgenerated <> '' THEN 'generated ' || pg_get_expr(d.adbin, d.adrelid)
              ELSE pg_get_expr(d.adbin, d.adrelid) END AS default
    FROM t JOIN pg_attribute a ON a.attrelid = t.oid
    JOIN pg_type ty ON ty.oid = a.atttypid
    LEFT JOIN pg_type el ON el.oid = ty.typelem AND ty.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attnum > 0 AND NOT a.attisdropped`;

// Key columns in key order, by column name (an expression key by its text),
// with DESC when the key sorts descending (bit 0 of indoption).
const INDEXES = `
  WITH t AS (${TABLES})
  SELECT t.table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
         am.amname::text AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
         ARRAY(SELECT COALESCE(a.attname::text, pg_get_indexdef(x.indexrelid, k, true))
                      || CASE WHEN (x.indoption[k - 1]::int & 1) = 1 THEN ' DESC' ELSE '' END
                 FROM generate_series(1, x.indnkeyatts) k
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]
                ORDER BY k)::text[] AS columns
    FROM t JOIN pg_index x ON x.indrelid = t.oid
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_am am ON am.oid = i.relam`;

const FOREIGN_KEYS = `
  WITH t AS (${TABLES})
  SELECT t.table, con.conname::text AS name, ref.relname::text AS ref_table,
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
         ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
         con.confdeltype AS on_delete, con.confupdtype AS on_update
    FROM t JOIN pg_constraint con ON con.conrelid = t.oid AND con.contype = 'f'
    JOIN pg_class ref ON ref.oid = con.confrelid`;

const ENUMS = `
  SELECT ty.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
   WHERE n.nspname = current_schema() GROUP BY ty.typname`;

/** pg_constraint's one-letter referential actions. */
const ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function describeDatabase(client: Queryable): Promise<SchemaDescription> {
  const params = [IGNORED_TABLES];
  const tables: Record<string, TableDescription> = {};
  for (const row of (await client.query<{ table: string }>(TABLES, params)).rows) {
    tables[row.table] = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
  }
  const columns = await client.query<ColumnDescription & { table: string; column: string }>(COLUMNS, params);
  for (const { table, column, type, nullable, default: value } of columns.rows) {
    tables[table]!.columns[column] = { type, nullable, default: normalizeDefault(value) };
  }
  const indexes = await client.query<IndexDescription & { table: string; name: string; primary: boolean; predicate: string | null }>(INDEXES, params);
  for (const { table, name, unique, primary, method, predicate, columns: keys } of indexes.rows) {
    if (primary) tables[table]!.primaryKey = { name, columns: keys };
    // Prisma never creates partial indexes; a WHERE clause shows up as drift in the method.
    else tables[table]!.indexes[name] = { unique, columns: keys, method: predicate ? `${method} WHERE ${predicate}` : method };
  }
  const foreignKeys = await client.query<{ table: string; name: string; ref_table: string; columns: string[]; ref_columns: string[]; on_delete: string; on_update: string }>(FOREIGN_KEYS, params);
  for (const fk of foreignKeys.rows) {
    const description: ForeignKeyDescription = {
      columns: fk.columns,
      references: `${fk.ref_table}(${fk.ref_columns.join(", ")})`,
      onDelete: ACTIONS[fk.on_delete] ?? fk.on_delete,
      onUpdate: ACTIONS[fk.on_update] ?? fk.on_update,
    };
    tables[fk.table]!.foreignKeys[fk.name] = description;
  }
  const enums = (await client.query<{ name: string; labels: string[] }>(ENUMS)).rows;
  return { enums: Object.fromEntries(enums.map((e) => [e.name, e.labels])), tables };
}

/**
 * One spelling per default, whichever way it was written: Prisma writes now()
 * as CURRENT_TIMESTAMP and autoincrement() as a serial column (a sequence's
 * nextval), and PostgreSQL prints literals with a cast ('open'::case_state,
 * 0, '-1'::integer), so literals become their quoted value without the cast.
 */
export function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (/^nextval\('[^']+'::regclass\)$/.test(expression)) return "autoincrement()";
  if (expression === "CURRENT_TIMESTAMP" || expression === "now()") return "now()";
  const quoted = /^'((?:[^']|'')*)'(?:::[^']+)?$/.exec(expression);
  if (quoted) return `'${quoted[1]!.replaceAll("''", "'")}'`;
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(expression)) return `'${expression}'`;
  return expression;
}
