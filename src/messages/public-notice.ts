/**
 * The one thing the app itself says in public about a decision, where the
 * policy asks for it (`decisions.public_notice: minimal`): a short note, in a
 * thread whose content the committee found in breach of the code, that the
 * conversation was moderated. It names no one and gives no reason: everyone
 * in the thread, the person reported and the reporter included, reads it.
 * The text is fixed here, never composed from a case.
 */
export const MINIMAL_PUBLIC_NOTICE =
  "Conduct in this conversation was reviewed under this project's Code of Conduct, and the conduct committee acted on it. " +
  "If you have a concern about conduct here, contact the committee privately.";
