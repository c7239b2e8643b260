/**
 * The words of moderation the committee uses on content: why a comment is
 * hidden and why a conversation is locked, in the terms GitHub offers, and
 * where a cooldown's interaction limits apply.
 */
import type { RepoRef } from "./repository.js";

/** GitHub's lock reasons, as its REST API names them. */
export type LockReason = "off-topic" | "too heated" | "resolved" | "spam";

export type HideClassifier = "ABUSE" | "SPAM" | "OFF_TOPIC" | "OUTDATED" | "DUPLICATE" | "RESOLVED";

/** Where GitHub's interaction limits apply: one public repository, or every public repository of an organization. */
export type InteractionPlace = { kind: "repository"; repo: RepoRef } | { kind: "organization"; org: string };
