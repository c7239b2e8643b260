/**
 * Submission limits of the appeal and report pages, counted per signed-in
 * GitHub account in the database, so that every replica counts together.
 * rate-limiter-flexible does the counting; only the table is ours.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "./database.js";

export interface SubmissionLimiter {
  /** Counts one submission by the account; resolves with how long to wait when it is one too many, else null. */
  consume(accountId: string): Promise<{ retryAfterSeconds: number } | null>;
}

export function databaseSubmissionLimiter(db: Database, limit: { points: number; perSeconds: number }): SubmissionLimiter {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: "webRateLimit",
    keyPrefix: "submit",
    points: limit.points,
    duration: limit.perSeconds,
  });
  return {
    async consume(accountId) {
      try {
        await limiter.consume(accountId);
        return null;
      } catch (refusal) {
        // The library rejects with a RateLimiterRes when the limit is reached, and with an Error when the store fails.
        if (refusal instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
        throw refusal;
      }
    },
  };
}
