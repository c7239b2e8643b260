/**
 * Creating something on GitHub exactly once. A create whose answer is lost (a
 * 5xx, a dropped connection, a crash) may still have been carried out, so it
 * is never resent blindly: the attempt is marked in the database before it is
 * sent, and a later attempt that finds the mark first looks for what the lost
 * answer may have created. The look costs a GitHub read only after a failure.
 */
export interface CreateOnce<T> {
  /** A previous attempt marked that it was about to send the create. */
  previouslyStarted: boolean;
  /** Finds what an earlier attempt created, or null. */
  find(): Promise<T | null>;
  /** Durably marks that the create is about to be sent. */
  markStarted(): Promise<void>;
  create(): Promise<T>;
}

export async function createOnce<T>(steps: CreateOnce<T>): Promise<T> {
  if (steps.previouslyStarted) {
    const existing = await steps.find();
    if (existing !== null) return existing;
  }
  await steps.markStarted();
  return steps.create();
}
