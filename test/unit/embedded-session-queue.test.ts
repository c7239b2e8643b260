/**
 * The embedded database's session queue, on a scripted stand-in for PGlite's
 * raw protocol: who may use the session when, and that a connection that
 * leaves never keeps it. (The real thing under load is in
 * test/store/embedded-postgres.test.ts.)
 */
import type { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { EmbeddedSessionQueue } from "../../src/store/embedded-session-queue.js";

/** One backend message: type byte, length (counting itself), body. */
function frame(type: string, body: number[] = []): number[] {
  const length = body.length + 4;
  return [type.charCodeAt(0), (length >>> 24) & 255, (length >>> 16) & 255, (length >>> 8) & 255, length & 255, ...body];
}
const readyForQuery = (status: "I" | "T" | "E") => frame("Z", [status.charCodeAt(0)]);
const PARSE_COMPLETE = frame("1");

/** Answers each message when the test says so, with the bytes the test gives. */
class ScriptedSession {
  readonly received: string[] = [];
  private pending: Array<{ message: string; answer(bytes: number[]): void }> = [];
  inTransaction = false;
  readonly db = {
    runExclusive: <T>(fn: () => Promise<T>) => fn(),
    execProtocolRawStream: (message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) =>
      new Promise<void>((resolve) => {
        const text = String.fromCharCode(message[0]!);
        this.received.push(text);
        this.pending.push({
          message: text,
          answer: (bytes) => {
            // A stream may arrive in pieces; split it to prove the frames are followed across chunks.
            const cut = Math.floor(bytes.length / 2);
            options.onRawData(new Uint8Array(bytes.slice(0, cut)));
            options.onRawData(new Uint8Array(bytes.slice(cut)));
            resolve();
          },
        });
      }),
    isInTransaction: () => this.inTransaction,
    exec: async (sql: string) => {
      this.received.push(sql);
      this.inTransaction = false;
      return [];
    },
  } as unknown as PGlite;

  /** Answers the oldest message waiting; Sync is answered with ReadyForQuery by itself. */
  async answer(bytes: number[]): Promise<void> {
    await until(() => this.pending.length > 0);
    this.pending.shift()!.answer(bytes);
    await settle();
  }
  async answerSyncs(): Promise<void> {
    while (this.pending[0]?.message === "S") this.pending.shift()!.answer(readyForQuery(this.inTransaction ? "T" : "I"));
    await settle();
  }
}

const message = (type: string) => new Uint8Array(frame(type));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await settle();
  if (!condition()) throw new Error("condition never held");
}

describe("embedded session queue", () => {
  it("serves one connection's whole exchange before another's first message", async () => {
    const session = new ScriptedSession();
    const queue = new EmbeddedSessionQueue(session.db);
    const a = [queue.enqueue(1, message("P"), () => {})];
    const b = queue.enqueue(2, message("P"), () => {});
    await session.answer(PARSE_COMPLETE); // A's Parse: its exchange is open
    a.push(queue.enqueue(1, message("S"), () => {}));
    await session.answer(readyForQuery("I"));
    await session.answer(PARSE_COMPLETE);
    await Promise.all([...a, b]);
    expect(session.received).toEqual(["P", "S", "P"]);
  });

  it("keeps the session for a connection inside a transaction, and frees it when the transaction ends", async () => {
    const session = new ScriptedSession();
    const queue = new EmbeddedSessionQueue(session.db);
    const begin = queue.enqueue(1, message("Q"), () => {});
    await session.answer(readyForQuery("T"));
    await begin;
    const other = queue.enqueue(2, message("Q"), () => {});
    await settle();
    expect(session.received).toEqual(["Q"]); // waits while connection 1 is in its transaction
    const commit = queue.enqueue(1, message("Q"), () => {});
    await session.answer(readyForQuery("I"));
    await commit;
    await session.answer(readyForQuery("I"));
    await other;
    expect(session.received).toEqual(["Q", "Q", "Q"]);
  });

  it("ends the exchange of a connection that leaves while its message runs, and lets the others in", async () => {
    const session = new ScriptedSession();
    const queue = new EmbeddedSessionQueue(session.db);
    const parse = queue.enqueue(1, message("P"), () => {});
    const other = queue.enqueue(2, message("Q"), () => {});
    await until(() => session.received.length === 1);
    // The socket closes while its Parse is still being executed, as pglite-socket's handler reports it.
    queue.clearQueueForHandler(1);
    const cleared = queue.clearTransactionIfNeeded(1);
    await session.answer(PARSE_COMPLETE);
    await parse;
    await cleared;
    await session.answerSyncs();
    await session.answer(readyForQuery("I"));
    await other;
    expect(session.received).toEqual(["P", "S", "Q"]);
  });

  it("rolls back the open transaction of a connection that leaves", async () => {
    const session = new ScriptedSession();
    const queue = new EmbeddedSessionQueue(session.db);
    const begin = queue.enqueue(1, message("Q"), () => {});
    session.inTransaction = true;
    await session.answer(readyForQuery("T"));
    await begin;
    const other = queue.enqueue(2, message("Q"), () => {});
    queue.clearQueueForHandler(1);
    const cleared = queue.clearTransactionIfNeeded(1);
    await session.answerSyncs();
    await cleared;
    await session.answer(readyForQuery("I"));
    await other;
    expect(session.received).toEqual(["Q", "S", "ROLLBACK", "Q"]);
  });
});
