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

/** GitHub answers 422 when it will never accept the request as sent. */
export function isUnprocessable(error: unknown): boolean {
  return (error as { status?: number } | null)?.status === 422;
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentActionError || isUnprocessable(error);
}
