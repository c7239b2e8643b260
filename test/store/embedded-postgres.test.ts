/**
 * The zero-install path of `npm start`: an embedded PostgreSQL kept under the
 * data directory survives a restart with its data and its migrations.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { startEmbeddedPostgres } from "../../src/store/embedded-postgres.js";
import { readMigrations } from "../../src/store/migrations.js";
import { migrationsDirectory, prepareDatabase } from "../../src/store/prepare-database.js";

describe.runIf(!process.env.TEST_DATABASE_URL)("embedded PostgreSQL under a data directory", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps data and applied migrations across a restart", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "coc-data-"));
    const first = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite") });
    const all = (await readMigrations(migrationsDirectory())).map((m) => m.name);
    expect(all[0]).toBe("20261122000000_foundation");
    expect(await prepareDatabase(first.url)).toEqual(all);
    const db = openDatabase(first.url);
    await db.delivery.create({ data: { id: "delivery-before-restart", event: "issue_comment" } });
    await db.$disconnect();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite") });
    expect(await prepareDatabase(second.url)).toEqual([]);
    const reopened = openDatabase(second.url);
    expect(await reopened.delivery.findUnique({ where: { id: "delivery-before-restart" } })).toMatchObject({ event: "issue_comment" });
    await reopened.$disconnect();
    await second.stop();
  });
});
