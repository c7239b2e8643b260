/**
 * Brings a database up to date before the app serves anything: the app's own
 * migrations (prisma/migrations) and the job queue's schema.
 */
import { runMigrations } from "graphile-worker";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { applyMigrations, readMigrations } from "./migrations.js";

/** prisma/migrations, found from this file whether it runs from src/ (tests) or dist/src/ (built). */
export function migrationsDirectory(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const root = here.includes("/dist/") ? new URL("../../../", import.meta.url) : new URL("../../", import.meta.url);
  return fileURLToPath(new URL("prisma/migrations", root));
}

export async function prepareDatabase(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let applied: string[];
  try {
    applied = await applyMigrations(client, await readMigrations(migrationsDirectory()));
  } finally {
    await client.end();
  }
  await runMigrations({ connectionString, logger: undefined });
  return applied;
}
