/**
 * Brings the ban register of a cases repository in step with the bans, as
 * they are when the action runs: opens the register issue on first use (a
 * create whose answer was lost is looked for first), pins it, and rewrites
 * its body. One at a time per cases repository. The register names people, so
 * like the notice board it waits while someone a held case is about can read
 * the cases repository.
 */
import { BAN_REGISTER_LABEL, BAN_REGISTER_MARKER, BAN_REGISTER_TITLE, banRegisterBody } from "../../messages/ban-register.js";
import { casesScope, hasHeldCase } from "../../store/cases.js";
import type { ActionKindSpec } from "../action-kind.js";
import { WaitingError } from "../action-error.js";
import { assertPrivate } from "../cases-repo-guard.js";
import { createOnce } from "../create-once.js";
import type { ActionRun } from "../perform-action.js";
import type { GitHubPort, RepoRef } from "../../github/port.js";

export const syncBanRegister: ActionKindSpec<"sync-ban-register"> = {
  kind: "sync-ban-register",
  priority: 50,
  maxAttempts: 100,
  queue: (action) => `ban-register:${casesScope(action.casesRepo)}`,
  async perform(action, run) {
    const { casesRepo } = action;
    const github = await run.gateway.forRepository(casesRepo);
    await assertPrivate(github, casesRepo);
    if (await hasHeldCase(run.db, casesRepo)) throw new WaitingError(`the ban register waits: the subject of a held case can read ${casesRepo.owner}/${casesRepo.repo}`);
    const issueNumber = await registerIssue(github, casesRepo, run);
    const body = banRegisterBody(await registerEntries(run, casesRepo), action.webOrigin, run.now());
    await github.rewriteIssueBody(casesRepo, issueNumber, (current) => (current.startsWith(BAN_REGISTER_MARKER) ? body : null));
  },
};

async function registerIssue(github: GitHubPort, casesRepo: RepoRef, run: ActionRun): Promise<number> {
  const scope = casesScope(casesRepo);
  const state = await run.db.banRegister.findUnique({ where: { scope } });
  let number = state?.issueNumber ?? null;
  if (number === null) {
    number = await createOnce({
      previouslyStarted: state?.createStartedAt != null,
      find: () => github.findOwnIssue(casesRepo, BAN_REGISTER_MARKER, BAN_REGISTER_LABEL.name),
      markStarted: async () => {
        await run.db.banRegister.upsert({ where: { scope }, create: { scope, createStartedAt: run.now() }, update: { createStartedAt: run.now() } });
      },
      create: async () => {
        await github.ensureLabel(casesRepo, BAN_REGISTER_LABEL);
        return github.createIssue(casesRepo, { title: BAN_REGISTER_TITLE, body: `${BAN_REGISTER_MARKER}\n## Ban register`, labels: [BAN_REGISTER_LABEL.name] });
      },
    });
    await run.db.banRegister.upsert({ where: { scope }, create: { scope, issueNumber: number }, update: { issueNumber: number } });
  }
  if (!state?.pinnedAt && (await github.pinIssue(casesRepo, number))) await run.db.banRegister.update({ where: { scope }, data: { pinnedAt: run.now() } });
  return number;
}

/** Every ban from this repository's cases, and every block made by hand in its owner's account; newest first. */
async function registerEntries(run: ActionRun, casesRepo: RepoRef) {
  return run.db.ban.findMany({
    where: { OR: [{ case: { casesScope: casesScope(casesRepo) } }, { caseId: null, account: casesRepo.owner.toLowerCase() }] },
    orderBy: { startsAt: "desc" },
    include: { case: { select: { code: true, casesOwner: true, casesRepo: true, issueNumber: true } } },
  });
}
