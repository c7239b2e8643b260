/**
 * The words of moderation the committee uses on content: why a comment is
 * hidden and why a conversation is locked, in the terms GitHub offers.
 */
/** GitHub's lock reasons, as its REST API names them. */
export type LockReason = "off-topic" | "too heated" | "resolved" | "spam";

export type HideClassifier = "ABUSE" | "SPAM" | "OFF_TOPIC" | "OUTDATED" | "DUPLICATE" | "RESOLVED";
