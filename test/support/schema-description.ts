/**
 * What PostgreSQL should look like after the migrations, derived from
 * prisma/schema.prisma. The schema is read by Prisma's own parser (the WASM
 * build of prisma-fmt, the same code `prisma generate` uses), so the check
 * sees exactly what Prisma sees; the DMMF is then mapped to the tables,
 * columns, indexes and foreign keys Prisma Migrate would create.
 * The database side is in database-description.ts; both produce this shape.
 */
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { readFile } from "node:fs/promises";
import { normalizeDefault } from "./database-description.js";

export interface SchemaDescription {
  /** PostgreSQL enum type name → labels, in declaration order. */
  enums: Record<string, string[]>;
  tables: Record<string, TableDescription>;
}

export interface TableDescription {
  columns: Record<string, ColumnDescription>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Every index except the primary key's, by index name. */
  indexes: Record<string, IndexDescription>;
  foreignKeys: Record<string, ForeignKeyDescription>;
}

export interface ColumnDescription {
  /** As PostgreSQL's format_type() prints it, or "enum <type>" for enum columns. */
  type: string;
  nullable: boolean;
  /** Normalised with normalizeDefault(); null when the database has no default. */
  default: string | null;
}

export interface IndexDescription {
  unique: boolean;
  /** In key order; descending keys carry " DESC". */
  columns: string[];
  method: string;
}

export interface ForeignKeyDescription {
  columns: string[];
  references: string;
  onDelete: string;
  onUpdate: string;
}

// The few DMMF properties this check reads (the full type lives in @prisma/dmmf, not installed).
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfEnum { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }
interface DmmfIndex { model: string; type: "id" | "unique" | "normal" | "fulltext"; dbName?: string; algorithm?: string; fields: { name: string; sortOrder?: "asc" | "desc" }[] }
interface Datamodel { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

export async function readPrismaSchema(): Promise<string> {
  return readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
}

export function describePrismaSchema(schema: string): SchemaDescription {
  const { datamodel } = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]], noColor: true }))) as { datamodel: Datamodel };
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, field: string) => {
    const f = model.fields.find((x) => x.name === field);
    if (!f) throw new Error(`${model.name}.${field} is not a field`);
    return f.dbName ?? f.name;
  };

  const tables: Record<string, TableDescription> = {};
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const description: TableDescription = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = models.get(field.type)!;
          const columns = field.relationFromFields.map((f) => columnOf(model, f));
          const required = field.relationFromFields.every((f) => model.fields.find((x) => x.name === f)!.isRequired);
          // The DMMF has no `@relation(map:)` name, so this assumes Prisma's default
          // name; a schema that sets one must teach this check about it.
          description.foreignKeys[constraintName(table, columns, "_fkey")] = {
            columns,
            references: `${tableOf(target)}(${(field.relationToFields ?? []).map((f) => columnOf(target, f)).join(", ")})`,
            // Prisma's documented defaults when the schema names no action.
            onDelete: sqlAction(field.relationOnDelete ?? (required ? "Restrict" : "SetNull")),
            onUpdate: sqlAction(field.relationOnUpdate ?? "Cascade"),
          };
        }
        continue;
      }
      const enumType = field.kind === "enum" ? enums.get(field.type)! : undefined;
      description.columns[field.dbName ?? field.name] = {
        type: (enumType ? `enum ${enumType.dbName ?? enumType.name}` : columnType(field)) + (field.isList ? "[]" : ""),
        // Prisma Migrate creates scalar-list columns without NOT NULL (prisma/orm#13880).
        nullable: field.isList || !field.isRequired,
        default: columnDefault(field, enumType),
      };
    }
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const keys = index.fields.map((f) => columnOf(model, f.name));
      if (index.type === "id") {
        description.primaryKey = { name: index.dbName ?? constraintName(table, [], "_pkey"), columns: keys };
        continue;
      }
      if (index.type === "fulltext") throw new Error("fulltext indexes do not exist on PostgreSQL");
      const name = index.dbName ?? constraintName(table, keys, index.type === "unique" ? "_key" : "_idx");
      description.indexes[name] = {
        unique: index.type === "unique",
        columns: keys.map((key, i) => (index.fields[i]!.sortOrder === "desc" ? `${key} DESC` : key)),
        method: (index.algorithm ?? "BTree").toLowerCase(),
      };
    }
    tables[table] = description;
  }
  const enumTypes = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { enums: enumTypes, tables };
}

/**
 * Prisma's default constraint names: table, then columns, joined by "_", cut
 * so that name plus suffix fits PostgreSQL's 63-byte identifier limit (names here are ASCII).
 */
function constraintName(table: string, columns: string[], suffix: string): string {
  const base = [table, ...columns].join("_");
  return base.slice(0, 63 - suffix.length) + suffix;
}

function sqlAction(action: string): string {
  const actions: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };
  const sql = actions[action];
  if (!sql) throw new Error(`unknown referential action ${action}`);
  return sql;
}

/** Types Prisma Migrate uses on PostgreSQL when a field has no @db attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text", Boolean: "boolean", Int: "integer", BigInt: "bigint", Float: "double precision",
  Decimal: "numeric(65,30)", DateTime: "timestamp(3) without time zone", Json: "jsonb", Bytes: "bytea",
};

/** @db.X attributes, spelled as format_type() prints the resulting column. */
function columnType(field: DmmfField): string {
  if (!field.nativeType) {
    const type = DEFAULT_TYPES[field.type];
    if (!type) throw new Error(`no PostgreSQL type known for Prisma type ${field.type}`);
    return type;
  }
  const [name, args] = field.nativeType;
  const params = args.length ? `(${args.join(",")})` : "";
  const simple: Record<string, string> = {
    Text: "text", Uuid: "uuid", Xml: "xml", Inet: "inet", Citext: "citext", Oid: "oid", Money: "money",
    Boolean: "boolean", SmallInt: "smallint", Integer: "integer", BigInt: "bigint", Real: "real",
    DoublePrecision: "double precision", Date: "date", Json: "json", JsonB: "jsonb", ByteA: "bytea",
  };
  if (simple[name]) return simple[name];
  switch (name) {
    case "VarChar": return `character varying${params}`;
    case "Char": return `character${params || "(1)"}`;
    case "Bit": return `bit${params || "(1)"}`;
    case "VarBit": return `bit varying${params}`;
    case "Decimal": return `numeric${params}`;
    case "Timestamp": return `timestamp${params} without time zone`;
    case "Timestamptz": return `timestamp${params} with time zone`;
    case "Time": return `time${params} without time zone`;
    case "Timetz": return `time${params} with time zone`;
    default: throw new Error(`@db.${name} is not mapped by the schema drift check yet`);
  }
}

/**
 * The default Prisma Migrate writes into the database, in normalizeDefault()'s
 * form. uuid(), cuid() and the like are filled in by Prisma Client, and
 * @updatedAt by the client too, so those columns have no database default.
 */
function columnDefault(field: DmmfField, enumType: DmmfEnum | undefined): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (Array.isArray(value)) throw new Error(`list default on ${field.name} is not mapped by the schema drift check yet`);
  if (typeof value === "object" && value !== null) {
    const { name, args } = value as { name: string; args: unknown[] };
    if (name === "autoincrement") return "autoincrement()";
    if (name === "now") return "now()";
    if (name === "dbgenerated") return typeof args[0] === "string" ? normalizeDefault(args[0]) : null;
    return null;
  }
  if (enumType) {
    const member = enumType.values.find((v) => v.name === value);
    return `'${member?.dbName ?? String(value)}'`;
  }
  return `'${String(value)}'`;
}
