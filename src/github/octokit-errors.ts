/** How GitHub says that something is gone, over REST and over GraphQL. */

/** REST answers 404/410 for gone content; GraphQL answers 200 with a NOT_FOUND error. */
export function isNotFound(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  if (status === 404 || status === 410) return true;
  const errors = (error as { errors?: Array<{ type?: string }> }).errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === "NOT_FOUND");
}


/**
 * GitHub's 403 for what the app may not do (an optional permission not granted), told apart from the 403 of its rate
 * limits, which carry `retry-after` or `x-ratelimit-remaining: 0` and are retried.
 */
export function isPermissionRefusal(error: unknown): boolean {
  const { status, message, response } = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } };
  if (status !== 403) return false;
  const rateLimited = /rate limit/i.test(message ?? "") || response?.headers?.["retry-after"] !== undefined || response?.headers?.["x-ratelimit-remaining"] === "0";
  return !rateLimited;
}
