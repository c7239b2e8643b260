/**
 * Bounds what people who may not use `/coc` commands can make the app spend.
 * Deciding that someone may not costs GitHub requests (their permission,
 * their teams), and each repository asks again; after `LIMIT` refusals in
 * `WINDOW_MS` within one account, further commands from that person are
 * ignored without asking GitHub anything, until the window passes.
 */
import { cacheKeys } from "../github/cache-keys.js";
import type { CacheStore } from "../store/github-cache.js";

export const SENDER_LIMIT = 10;
export const SENDER_WINDOW_MS = 10 * 60_000;

export class SenderLimit {
  constructor(private readonly cache: CacheStore) {}

  async exhausted(owner: string, login: string): Promise<boolean> {
    const { value: count } = await this.cache.get(cacheKeys.deniedSender(owner, login));
    return typeof count === "number" && count >= SENDER_LIMIT;
  }

  async refused(owner: string, login: string): Promise<void> {
    await this.cache.count(cacheKeys.deniedSender(owner, login), SENDER_WINDOW_MS);
  }
}
