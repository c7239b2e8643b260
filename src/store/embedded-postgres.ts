/**
 * Embedded PostgreSQL for a zero-install start: when DATABASE_URL is unset,
 * `npm start` runs PGlite in-process, persisted under the data directory, and
 * serves it over the PostgreSQL wire protocol on a loopback port. The app, the
 * job queue and Prisma then use the same `pg` path as with a real server.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdir } from "node:fs/promises";

export interface EmbeddedPostgres {
  /** Connection string for `pg`, Prisma and graphile-worker. */
  url: string;
  stop(): Promise<void>;
}

/**
 * @param dataDir directory to persist to, or undefined for an in-memory database (tests)
 * @param maxConnections PGlite has one session; the socket server multiplexes this
 *   many client connections onto it (the app pool plus the job queue's listener).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; maxConnections?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: 0,
    maxConnections: options.maxConnections ?? 20,
  });
  await server.start();
  const port = boundPort(server);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** PGLiteSocketServer reports the requested port; with port 0 the OS picks one, so read it back. */
function boundPort(server: PGLiteSocketServer): number {
  const address = (server as unknown as { server?: { address(): { port: number } | string | null } }).server?.address();
  if (address && typeof address === "object") return address.port;
  throw new Error("embedded PostgreSQL did not report a listening port");
}
