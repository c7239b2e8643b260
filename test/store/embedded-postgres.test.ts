/**
 * The zero-install path of `npm start`: an embedded PostgreSQL kept under the
 * data directory survives a restart with its data and its migrations, and its
 * one session serves many connections at once without mixing up their queries.
 */
import pg from "pg";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/store/embedded-postgres.js";
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

describe.runIf(!process.env.TEST_DATABASE_URL)("embedded PostgreSQL with many connections", () => {
  let embedded: EmbeddedPostgres;
  beforeEach(async () => {
    embedded = await startEmbeddedPostgres();
  });
  afterEach(async () => {
    await embedded.stop();
  });

  it("gives each connection its own answers while another connection runs transactions", async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    const transactions = new pg.Client({ connectionString: embedded.url });
    await transactions.connect();
    let stop = false;
    // Each transaction holds the session across round trips, so the other connections' queries pile up behind it.
    const busy = (async () => {
      while (!stop) {
        await transactions.query("BEGIN");
        await transactions.query("SELECT $1::int", [1]);
        await transactions.query("COMMIT");
      }
    })();
    // Two shapes of parameterised query: one bound to the other's statement fails or answers wrongly.
    const answers = await Promise.allSettled(
      Array.from({ length: 200 }, async (_, i) => {
        const { rows } = i % 2 === 0 ? await pool.query("SELECT $1::int AS n", [i]) : await pool.query("SELECT $1::int AS n, $2::text AS s", [i, `q${i}`]);
        return rows[0] as { n: number } | undefined;
      }),
    );
    stop = true;
    await busy;
    await transactions.end();
    await pool.end();
    const wrong = answers.flatMap((answer, i) =>
      answer.status === "rejected" ? [`${i}: ${String(answer.reason)}`] : answer.value?.n === i ? [] : [`${i}: got ${JSON.stringify(answer.value)}`],
    );
    expect(wrong).toEqual([]);
  });

  it("rolls back the transaction of a connection that goes away, and lets the others in", async () => {
    const setup = new pg.Client({ connectionString: embedded.url });
    await setup.connect();
    await setup.query("CREATE TABLE notes (body text)");
    const leaving = new pg.Client({ connectionString: embedded.url });
    await leaving.connect();
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO notes VALUES ($1)", ["never committed"]);
    leaving.on("error", () => {});
    // Gone without COMMIT or Terminate, as when the process holding it is killed.
    (leaving as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const { rows } = await setup.query("SELECT count(*)::int AS n FROM notes");
    expect(rows).toEqual([{ n: 0 }]);
    await setup.end();
  });
});
