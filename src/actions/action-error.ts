/**
 * Failures an action can report. A `WaitingError` means "not yet": the action
 * is retried later without being counted as a fault worth logging loudly. A
 * `PermanentActionError` means retrying cannot help (GitHub refused what was
 * sent): the action is given up at once and the log says why, instead of
 * being retried unchanged for weeks.
 */
export class WaitingError extends Error {
  override readonly name = "WaitingError";
}

export class PermanentActionError extends Error {
  override readonly name = "PermanentActionError";
}

/**
 * GitHub answers 422 when it will never accept the request as sent, except for
 * its content-creation limit ("was submitted too quickly"), which passes.
 */
export function isUnprocessable(error: unknown): boolean {
  const { status, message } = (error ?? {}) as { status?: number; message?: string };
  return status === 422 && !/too quickly|rate limit/i.test(message ?? "");
}

/** A 422 about the body itself (too long, or refused as written): sending a shorter body may pass. */
export function isBodyRefused(error: unknown): boolean {
  return isUnprocessable(error) && /\bbody\b/i.test((error as { message?: string }).message ?? "");
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentActionError || isUnprocessable(error);
}
