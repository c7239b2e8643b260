/**
 * Parses comment bodies on a long-lived worker thread, one at a time, each
 * within a time and a memory bound, so the app keeps answering webhooks and
 * `GET /ping` while a moderator's 64 KiB comment of footnotes or tables is
 * read. A parse that runs past a bound is stopped by ending its thread (a
 * running parse cannot be interrupted any other way), a fresh thread takes
 * over, and the caller learns that the body was not read: such a body holds
 * no trustworthy command, the rule the grammar applies to pathological input.
 */
import { Worker } from "node:worker_threads";
import type { FromParserThread, ParseAnswer, ParseRequest } from "./parse-request.js";

/**
 * Per body. The heaviest real comments measured take one to two seconds
 * (`npm run bench`) and most take a millisecond; beyond this, a body is treated
 * as hostile.
 */
export const PARSE_TIMEOUT_MS = 5_000;

/**
 * Heap of the parser thread. The most memory-hungry 64 KiB comment measured
 * holds about 250 MB at once; with less room than four times that, garbage
 * collection starts to slow the parse down.
 */
export const PARSER_HEAP_MB = 1_024;

export type ParseOutcome = ({ ok: true } & ParseAnswer) | { ok: false; reason: "timeout" | "out-of-memory" };

export interface BoundedParserOptions {
  timeoutMs?: number;
  heapMb?: number;
  /** The thread's entry module; the default sits beside this module. */
  workerUrl?: URL;
}

// Compiled, this module sits beside parser-worker.js; run from the TypeScript sources (under vitest), beside parser-worker.ts.
const DEFAULT_WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./parser-worker.ts" : "./parser-worker.js", import.meta.url);

interface Job {
  id: number;
  request: ParseRequest;
  resolve(outcome: ParseOutcome): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  current?: Job;
  timer?: NodeJS.Timeout;
}

export class BoundedParser {
  readonly #timeoutMs: number;
  readonly #heapMb: number;
  readonly #workerUrl: URL;
  // Waiting jobs stay here, not in the thread's inbox, so a bound is only counted from the moment a parse starts.
  readonly #queue: Job[] = [];
  #thread: Thread | undefined;
  #nextId = 1;

  constructor(options: BoundedParserOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS;
    this.#heapMb = options.heapMb ?? PARSER_HEAP_MB;
    this.#workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  }

  parse(request: ParseRequest): Promise<ParseOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Ends the thread; parses not yet answered fail. */
  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    const closed = new Error("the parser thread was closed");
    for (const job of this.#queue.splice(0)) job.reject(closed);
    if (!thread) return;
    clearTimeout(thread.timer);
    thread.current?.reject(closed);
    await thread.worker.terminate();
  }

  #dispatch(): void {
    if (!this.#thread) {
      if (this.#queue.length === 0) return;
      this.#thread = this.#start();
    }
    const thread = this.#thread;
    if (thread.ready && !thread.current) {
      const job = this.#queue.shift();
      if (job) {
        thread.current = job;
        thread.timer = setTimeout(() => this.#stop(thread, "timeout"), this.#timeoutMs);
        thread.worker.postMessage({ id: job.id, request: job.request });
      }
    }
    // A thread with work keeps the process alive until it answers; an idle one must not.
    if (thread.current || this.#queue.length > 0) thread.worker.ref();
    else thread.worker.unref();
  }

  #start(): Thread {
    const worker = new Worker(this.#workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.#heapMb } });
    const thread: Thread = { worker, ready: false };
    worker.on("message", (message: FromParserThread) => {
      if (this.#thread !== thread) return;
      if ("ready" in message) {
        thread.ready = true;
      } else if (thread.current?.id === message.id) {
        const job = thread.current;
        thread.current = undefined;
        clearTimeout(thread.timer);
        if ("answer" in message) job.resolve({ ok: true, ...message.answer });
        else job.reject(new Error(`the parser thread failed on a comment (${message.failure})`));
      }
      this.#dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (this.#thread !== thread) return;
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY" && thread.current) this.#stop(thread, "out-of-memory");
      else this.#fail(thread, error);
    });
    worker.on("exit", (code) => {
      if (this.#thread === thread) this.#fail(thread, new Error(`exit code ${code}`));
    });
    return thread;
  }

  /** The current parse went past a bound: answer that, and carry on with a fresh thread. */
  #stop(thread: Thread, reason: "timeout" | "out-of-memory"): void {
    const job = thread.current;
    clearTimeout(thread.timer);
    void thread.worker.terminate();
    // Replaced at once, so the next comment does not wait for a thread to start.
    this.#thread = this.#start();
    job?.resolve({ ok: false, reason });
    this.#dispatch();
  }

  /**
   * The thread died for another reason. Its parse fails rather than passing
   * for a comment without commands, so the comment job is retried. A thread
   * that never started fails everything waiting: the next would fail alike.
   */
  #fail(thread: Thread, cause: Error): void {
    this.#thread = undefined;
    clearTimeout(thread.timer);
    void thread.worker.terminate();
    const failure = new Error(`the parser thread stopped: ${cause.message}`);
    thread.current?.reject(failure);
    if (!thread.ready) for (const job of this.#queue.splice(0)) job.reject(failure);
    this.#dispatch();
  }
}
