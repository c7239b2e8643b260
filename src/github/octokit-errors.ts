/** How GitHub says that something is gone, over REST and over GraphQL. */

/** REST answers 404/410 for gone content; GraphQL answers 200 with a NOT_FOUND error. */
export function isNotFound(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  if (status === 404 || status === 410) return true;
  const errors = (error as { errors?: Array<{ type?: string }> }).errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === "NOT_FOUND");
}

