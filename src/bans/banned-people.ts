/**
 * The people the app bans itself, kept in memory so that every webhook can
 * ask "is the author of this comment banned here?" for free: no database
 * query and no GitHub call per delivery. Where GitHub cannot block someone
 * (`/coc ban 1w` on a personal account, a member of the organization, the
 * optional permission not granted) the app hides what they write and closes
 * what they open; this set is how a webhook knows whom that applies to.
 *
 * Kept current across replicas without any channel between them: each
 * process reloads the set with one query every `BANS_REFRESH_MS` (2 s), so
 * a ban recorded by another replica is enforced here within seconds. This
 * process also reloads at once when it decides a ban is the app's to enforce
 * or lifts one (see `bansChanged` in `ActionDeps`). A reload that fails is
 * logged and the last set kept: a database hiccup must not unban anyone.
 */
import type { Logger } from "probot";
import { loginKey } from "../cases/logins.js";
import { describeError } from "../errors/describe-error.js";
import type { AppEnforcedBan } from "../store/bans.js";

/** How often each process reloads the set: how long another replica's new ban may go unenforced here. */
export const BANS_REFRESH_MS = 2_000;

export interface BannedPeopleOptions {
  /** Loads every ban the app enforces, in force now (`loadAppEnforcedBans`). */
  load: () => Promise<AppEnforcedBan[]>;
  log: Pick<Logger, "warn">;
  now: () => Date;
}

export class BannedPeople {
  /** `account\nid` → bans that know the person's GitHub account id (two cases may ban one person). */
  private byId = new Map<string, AppEnforcedBan[]>();
  /** `account\nlogin` → bans under that login. */
  private byLogin = new Map<string, AppEnforcedBan[]>();
  private latest: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: BannedPeopleOptions) {}

  /** How many bans the set holds (expired ones included until the next reload). */
  get size(): number {
    let count = 0;
    for (const bans of this.byLogin.values()) count += bans.length;
    return count;
  }

  /**
   * The ban the app enforces on this author in the account's repositories, if any. With the account
   * id GitHub gives, a renamed person is still found, and someone who took a banned person's old
   * login is not; a ban recorded without an id is matched by login. Costs a map lookup.
   */
  find(account: string, login: string, id: number | null): AppEnforcedBan | null {
    const where = account.toLowerCase();
    const now = this.options.now().getTime();
    // A ban may run out between reloads: checked here, so it ends on time in every replica.
    const inForce = (ban: AppEnforcedBan) => ban.endsAt === null || ban.endsAt.getTime() > now;
    const underLogin = this.byLogin.get(keyOf(where, loginKey(login))) ?? [];
    if (id === null) return underLogin.find(inForce) ?? null;
    const underId = this.byId.get(keyOf(where, String(id))) ?? [];
    return underId.find(inForce) ?? underLogin.find((ban) => ban.subjectId === null && inForce(ban)) ?? null;
  }

  /**
   * Reloads the set; resolves once it holds what the database held after this call. A reload
   * already under way may have read the table before the change the caller knows of, so one more
   * is queued behind it (and shared by every caller meanwhile). Never rejects.
   */
  refresh(): Promise<void> {
    if (!this.queued) {
      const next = this.latest.then(() => {
        this.queued = null;
        return this.reload();
      });
      this.queued = next;
      this.latest = next;
    }
    return this.queued;
  }

  /** Reloads every `intervalMs` until `stop()`; the timer never keeps the process alive. */
  start(intervalMs = BANS_REFRESH_MS): void {
    this.stop();
    this.timer = setInterval(() => void this.refresh(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async reload(): Promise<void> {
    let bans: AppEnforcedBan[];
    try {
      bans = await this.options.load();
    } catch (error) {
      this.options.log.warn({ error: describeError(error) }, "could not reload the bans the app enforces; the last known set stays in use");
      return;
    }
    const byId = new Map<string, AppEnforcedBan[]>();
    const byLogin = new Map<string, AppEnforcedBan[]>();
    for (const ban of bans) {
      const account = ban.account.toLowerCase();
      if (ban.subjectId !== null) add(byId, keyOf(account, ban.subjectId.toString()), ban);
      add(byLogin, keyOf(account, loginKey(ban.subjectLogin)), ban);
    }
    this.byId = byId;
    this.byLogin = byLogin;
  }
}

function add(map: Map<string, AppEnforcedBan[]>, key: string, ban: AppEnforcedBan): void {
  const list = map.get(key);
  if (list) list.push(ban);
  else map.set(key, [ban]);
}

// A newline appears in neither a login nor an account id, so keys of different accounts never collide.
const keyOf = (account: string, who: string) => `${account}\n${who}`;
