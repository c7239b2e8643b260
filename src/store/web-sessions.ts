/**
 * Where the appeal and report pages keep who is signed in: an express-session
 * store on the `web_sessions` table. The cookie carries only a signed random
 * id, so signing out deletes the row and an old cookie, replayed, is nobody's.
 * Every replica reads the same rows.
 */
import session from "express-session";
import type { Prisma } from "../generated/prisma/client.js";
import type { Database } from "./database.js";

/** How often, at most, a write also sweeps out the sessions that have expired. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** A session whose cookie sets no expiry (none of ours) still ends. */
const FALLBACK_TTL_MS = 8 * 3_600_000;

type Callback<T = void> = (error?: unknown, value?: T) => void;

export class DatabaseSessionStore extends session.Store {
  #lastSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db.webSession
      .findUnique({ where: { sid } })
      .then((row) => callback(undefined, row && row.expiresAt > this.now() ? (row.data as unknown as session.SessionData) : null))
      .catch((error: unknown) => callback(error));
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    const expiresAt = this.#expiryOf(data);
    const json = JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue;
    this.db.webSession
      .upsert({ where: { sid }, create: { sid, data: json, expiresAt }, update: { data: json, expiresAt } })
      .then(() => this.#sweepNowAndThen())
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.db.webSession
      .updateMany({ where: { sid }, data: { expiresAt: this.#expiryOf(data) } })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db.webSession
      .deleteMany({ where: { sid } })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  }

  #expiryOf(data: session.SessionData): Date {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires) : new Date(this.now().getTime() + FALLBACK_TTL_MS);
  }

  async #sweepNowAndThen(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now.getTime();
    await this.db.webSession.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
