/**
 * Tells a case's reporter or subject something. GitHub has no private
 * message, so the notice goes by the first channel that reaches them, and
 * nothing of the case ever goes anywhere public:
 *
 * 1. a comment in the case issue mentioning them, when they can read the
 *    cases repository;
 * 2. an email to the public email of their GitHub profile, when email is set
 *    up (`SMTP_URL`, `MAIL_FROM`); the case records what was sent and when,
 *    never the address;
 * 3. otherwise a task in the case for the committee to deliver it by hand,
 *    saying why the app could not email it.
 *
 * The case shows one comment for the notice, even when GitHub's answer is
 * lost. The email is marked as started before it is sent. An attempt that
 * finds the mark but no record in the case cannot know whether the mail
 * server took the email before the crash: it sends it again, with the same
 * Message-ID (made from the action's id), so mail systems can recognise the
 * copy. A second copy of the same notice harms nobody; a notice never sent
 * would. A mail server that refuses the recipient or the message for good
 * (5xx) turns the notice into the committee's task; any other failure is
 * retried. On the case's queue, after the case file.
 */
import { messageIdFor, EmailRefusedError } from "../../mail/mailer.js";
import { noticeEmail } from "../../messages/notice-email.js";
import { deliverByHandTask, emailedRecord } from "../../messages/people-notices.js";
import type { ActionKindSpec, ActionOf } from "../action-kind.js";
import type { ActionRun } from "../perform-action.js";
import { caseIssueOf, postCommentOnce } from "../post-comment-once.js";

type Notice = ActionOf<"deliver-notice">;

export const deliverNotice: ActionKindSpec<"deliver-notice"> = {
  kind: "deliver-notice",
  priority: 42,
  maxAttempts: 100,
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const { repo, issueNumber, code, casesOwner } = await caseIssueOf(run, action.caseId);
    const github = await run.gateway.forRepository(repo);
    // The person as they are now: a renamed subject is followed by account, and an account gone reads nothing.
    const login = action.accountId === undefined ? action.to : await github.loginOfAccount(action.accountId);
    const access = login === null ? null : await github.getAccountPermission(repo, login);
    const readsCase = access !== null && access.permission !== "none";
    // Asked only when it could be used: without a mailer the notice goes exactly as it did before email existed.
    const address = login !== null && !readsCase && run.mailer ? await github.getPublicEmail(login) : null;
    const person = { ...action, to: login ?? action.to };
    await postCommentOnce(
      github,
      repo,
      issueNumber,
      async () => (readsCase ? `@${person.to} ${person.body}` : await emailOrTask(person, run, address, { code, community: casesOwner })),
      run,
    );
  },
};

/** Emails the notice when email is set up and the person shows an address; returns what the case shows of it. */
async function emailOrTask(action: Notice, run: ActionRun, address: string | null, found: { code: string; community: string }): Promise<string> {
  const { mailer } = run;
  if (!mailer) return deliverByHandTask(action.to, action.about, action.body);
  if (address === null) return deliverByHandTask(action.to, action.about, action.body, { why: "no-public-email" });
  try {
    const email = noticeEmail(found.code, action.body, found.community, mailer.from);
    await mailer.send({ to: address, ...email, messageId: messageIdFor(`coc-notice.${run.actionId}`, mailer.from) });
  } catch (error) {
    if (error instanceof EmailRefusedError) return deliverByHandTask(action.to, action.about, action.body, { why: "refused", replyCode: error.replyCode });
    throw error;
  }
  return emailedRecord(action.to, action.about, action.body, run.now());
}
