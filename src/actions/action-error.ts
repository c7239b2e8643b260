/**
 * Failures an action can report. A `WaitingError` means "not yet": the action
 * is retried later without being counted as a fault worth logging loudly.
 */
export class WaitingError extends Error {
  override readonly name = "WaitingError";
}
