/**
 * Shares the embedded database's single session among the app's connections
 * (Prisma's pool, the job queue's pool and its listener) so that each
 * connection gets its own answers, even when webhooks, jobs and transactions
 * arrive all at once.
 *
 * PGlite has one PostgreSQL session. The socket server's own queue
 * (@electric-sql/pglite-socket 0.2.17) takes turns per protocol *message* and
 * keeps a connection's turn only inside a transaction; but a parameterised
 * query is several messages (Parse, Bind, Describe, Execute, Sync) that share
 * the session's unnamed statement and portal. Interleaved with another
 * connection's, a query binds to someone else's statement: an error, or
 * silently another query's rows — an intake that answers GitHub 200 without
 * having queued anything. (Upstream: electric-sql/pglite issue 1046.) This
 * queue gives a connection the session from its first message until the
 * session is idle again: ReadyForQuery with status "idle", i.e. after its Sync
 * or simple query and outside any transaction.
 */
import type { PGlite } from "@electric-sql/pglite";

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Sync: ends an extended-protocol exchange that a client left unfinished. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/** The queue object the socket handler of @electric-sql/pglite-socket calls. */
export class EmbeddedSessionQueue {
  private readonly queue: Pending[] = [];
  /** The connection whose exchange or transaction is open; only it may use the session. */
  private owner: number | null = null;
  /** The connection whose message PGlite is executing now. */
  private inFlight: number | null = null;
  /** The in-flight connection left meanwhile: its exchange is ended as soon as that message is done. */
  private leftInFlight = false;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.run();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its queued messages are dropped. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]!;
      if (item.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      item.reject(new Error("connection closed"));
    }
  }

  /**
   * A connection went away while it held the session: finish its exchange and
   * roll back its transaction, so the next connection starts from a clean
   * session, then let the others in.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.inFlight === handlerId) {
      // Its last message is still running and would hand the session back to it: run() ends it instead.
      this.leftInFlight = true;
      return;
    }
    if (this.owner !== handlerId) return;
    try {
      await this.endExchange();
    } finally {
      void this.run();
    }
  }

  /** Leaves the session as a new connection expects it: no exchange open, no transaction. */
  private async endExchange(): Promise<void> {
    try {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
    }
  }

  private next(): Pending | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((p) => p.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const watcher = new ReadyForQueryWatcher();
        let bytes = 0;
        let failure: { error: unknown } | undefined;
        this.inFlight = item.handlerId;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item!.message, {
              onRawData: (chunk) => {
                bytes += chunk.length;
                watcher.feed(chunk);
                item!.onData(chunk);
              },
            }),
          );
        } catch (error) {
          failure = { error };
        } finally {
          this.inFlight = null;
        }
        // After a failure the session's state is unknown: it stays with this connection, whose client
        // fails and disconnects, which ends the exchange (clearTransactionIfNeeded).
        this.owner = !failure && watcher.status === IDLE ? null : item.handlerId;
        if (failure) item.reject(failure.error);
        else item.resolve(bytes);
        if (this.leftInFlight) {
          this.leftInFlight = false;
          // A failure here leaves nothing better to do than to let the next connection try.
          if (this.owner !== null) await this.endExchange().catch(() => {});
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * Follows the backend's message frames (type byte, 4-byte length, body) across
 * output chunks and remembers the status byte of the last ReadyForQuery:
 * "I" idle, "T" in a transaction, "E" in a failed transaction. One client
 * message gets at most one ReadyForQuery; a notice after it changes nothing.
 */
class ReadyForQueryWatcher {
  /** Status byte of the last ReadyForQuery, or null when none was seen. */
  status: number | null = null;
  private header: number[] = [];
  private bodyLeft = 0;
  private bodyType = 0;

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - i);
        if (this.bodyType === READY_FOR_QUERY) this.status = chunk[i + take - 1]!;
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      this.header.push(chunk[i]!);
      i++;
      if (this.header.length < 5) continue;
      const [type, a, b, c, d] = this.header as [number, number, number, number, number];
      this.header = [];
      this.bodyType = type;
      // The length counts itself (4 bytes) but not the type byte.
      this.bodyLeft = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
    }
  }
}
