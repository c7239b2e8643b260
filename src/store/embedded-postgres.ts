/**
 * Embedded PostgreSQL for a zero-install start: when DATABASE_URL is unset,
 * `npm start` runs PGlite in-process, persisted under the data directory, and
 * serves it over the PostgreSQL wire protocol. The app, the job queue and
 * Prisma then use the same `pg` path as with a real server.
 *
 * The embedded server has no passwords, so it listens on a Unix socket inside
 * a directory only this user can enter, never on a TCP port that every local
 * user could reach: the database holds every case.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedSessionQueue } from "./embedded-session-queue.js";

export interface EmbeddedPostgres {
  /** Connection string for `pg`, Prisma and graphile-worker. */
  url: string;
  stop(): Promise<void>;
}

/** libpq's socket naming: the client finds `<dir>/.s.PGSQL.<port>`. */
const SOCKET_PORT = 5432;

/**
 * @param dataDir directory to persist to, or undefined for an in-memory database (tests)
 * @param maxConnections PGlite has one session; the socket server multiplexes this
 *   many client connections onto it (the app pool plus the job queue's listener).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; maxConnections?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await chmod(options.dataDir, 0o700);
  }
  // A short private directory: socket paths are limited to about 100 bytes.
  const socketDir = await mkdtemp(join(tmpdir(), "coc-pg-"));
  await chmod(socketDir, 0o700);
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = await serveSocket(db, join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), options.maxConnections ?? 20);
  return {
    url: `postgresql://postgres:postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

/**
 * The wire-protocol server: pglite-socket's connection handler (framing,
 * start-up, SSL refusal) with our session queue in place of its own, which
 * mixes up concurrent queries (see embedded-session-queue.ts).
 */
async function serveSocket(db: PGlite, path: string, maxConnections: number): Promise<{ stop(): Promise<void> }> {
  const queue = new EmbeddedSessionQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    // The handler only calls enqueue, clearQueueForHandler and clearTransactionIfNeeded on its queue.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as PGLiteSocketHandlerOptions["queryQueue"], closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
