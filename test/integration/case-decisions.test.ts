/**
 * Decisions by consensus in a case: a proposal, the committee's votes under
 * the configured quorum rule (recused members left out), the decision, and
 * its enactment: a decision that needs nothing more closes the case, one that
 * needs a sanction is recorded and waits.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { MINIMAL_PUBLIC_NOTICE } from "../../src/messages/public-notice.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR, peopleNotices, PROJECT, writesIn } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const [ANA, BEN, CY] = ["mod-ana", "mod-ben", "mod-cy"];

describe(`decisions in a case (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let nextComment = 40_000;

  const start = async (ownerConfig: object = {}) => {
    github.configs.set("acme/.github", ownerConfig);
    harness = await startHarness({ database, gateway: github, now: () => NOW });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    await inCase("/coc ack", ANA);
  };

  beforeEach(() => {
    github = fakeWorld();
    // The moderator who flagged is on the committee too: as a reporter, they are recused from the vote.
    for (const login of [ANA, BEN, CY, MODERATOR]) github.addTeamMember("acme", "coc-committee", login);
  });

  const inCase = async (body: string, sender: string) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };
  const lastAnswer = () => caseAnswers(github).at(-1)!;
  const stored = () => database.db.case.findFirstOrThrow();

  it("decides when every member who is not recused approves, then closes the case as completed", async () => {
    await start();
    await inCase("/coc propose no-violation the comment quoted a film", ANA);
    expect(lastAnswer()).toContain("Votes: 1 of 3 approvals needed (every member who is not recused, 3 eligible).");
    expect(lastAnswer()).toContain("- not voted yet: `mod-ben`, `mod-cy`");
    expect((await stored()).state).toBe("decision_proposed");
    expect(caseIssues(github)[0]!.labels).toContain("state: decision proposed");
    // The status block at the top of the case issue follows the case.
    expect(caseIssues(github)[0]!.body).toMatch(
      /^<!-- coc-case:COC-2026-0001 -->\n<!-- coc-status:begin -->\n> \*\*State: decision proposed: the vote is open\*\* · Decided by: the committee team · Acknowledged: `mod-ana`, 2026-03-04 10:00 UTC · Handled by: nobody yet\n> Proposal: `no-violation` by `mod-ana`; `\/coc status` shows the votes\n<!-- coc-status:end -->\n## Case COC-2026-0001\n/,
    );

    await inCase("/coc approve", BEN);
    expect((await stored()).state).toBe("decision_proposed");
    await inCase("/coc status", CY);
    expect(lastAnswer()).toContain("**Proposal:** `no-violation` by `mod-ana`");
    expect(lastAnswer()).toContain("- not voted yet: `mod-cy`");
    expect(lastAnswer()).toContain("escalated as deadlocked");
    await inCase("/coc approve", CY);
    expect(lastAnswer()).toContain("**Decided: `no-violation`.** It needs nothing more done, so the case is closed.");
    // The closing report, with the facts the committee's officers are owed.
    expect(lastAnswer()).toContain("### Closing report for COC-2026-0001");
    expect(lastAnswer()).toContain("| Where | `acme/widgets` |");
    expect(lastAnswer()).toContain("| A violation? | no |");
    expect(lastAnswer()).toContain("| Response | `no-violation` (No breach of the code; nothing further is done.): the comment quoted a film |");
    expect(await stored()).toMatchObject({ state: "closed", decidedAt: NOW, closedAt: NOW, openContentKey: null });
    expect(caseIssues(github)[0]).toMatchObject({ closed: "completed", labels: ["coc-case", "state: closed"] });
    expect(caseIssues(github)[0]!.body).toContain("> **State: closed** · Decided by: the committee team");
    expect(caseIssues(github)[0]!.body).toContain("> Decision: `no-violation`, 2026-03-04 10:00 UTC; closed 2026-03-04 10:00 UTC\n<!-- coc-status:end -->");
    const decided = await database.db.auditEvent.findFirstOrThrow({ where: { action: "case.decided" } });
    expect(decided.detail).toEqual({ outcome: "no-violation", approvals: [ANA, BEN, CY], objections: [] });

    // Its reporter, on the committee too, may still read where it stands.
    await inCase("/coc status", MODERATOR);
    expect(lastAnswer()).toContain("| State | closed |");
  });

  it("is blocked by an objection under unanimity, and a withdrawn proposal opens the case for another", async () => {
    await start();
    await inCase("/coc propose warning", ANA);
    await inCase("/coc object too harsh for a first report", BEN);
    expect(lastAnswer()).toContain("- object: `mod-ben`");
    expect(lastAnswer()).toContain("As the votes stand the proposal cannot pass");
    await inCase("/coc withdraw", BEN);
    expect(lastAnswer()).toContain("Only @\u200dmod-ana, who proposed it, can withdraw this proposal");
    await inCase("/coc withdraw", ANA);
    expect((await stored()).state).toBe("acknowledged");
    await inCase("/coc propose reminder", BEN);
    expect((await stored()).state).toBe("decision_proposed");
  });

  it("decides at once with /coc resolve under the single rule, and enacts the ban it decides", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc resolve temporary-ban 30d second insult this month", CY);
    const decided = caseAnswers(github).find((a) => a.includes("**Decided:"))!;
    expect(decided).toContain("**Decided: `temporary-ban` for 30 days.** It is enacted, so the case is closed.");
    expect(decided).toContain("`troll-tom` is banned in `acme` until ");
    expect(lastAnswer()).toMatch(/^\*\*Ban of `troll-tom` in `acme`:\*\* blocked in the organization until .* \(30 days\)\.$/);
    expect(github.blocks.isBlocked("acme", "troll-tom")).toBe(true);
    expect(decided).toContain("| Response | `temporary-ban` for 30 days (The subject is banned for a set time, then let back in.): second insult this month |");
    expect(await stored()).toMatchObject({ state: "closed", decidedAt: NOW, closedAt: NOW });
    expect(await database.db.ban.findFirstOrThrow()).toMatchObject({ account: "acme", subjectLogin: "troll-tom", issuedBy: "app", endsAt: new Date(NOW.getTime() + 30 * 86_400_000) });
  });

  it("refuses votes from recused members and mistyped outcomes, with the valid ones", async () => {
    await start();
    await inCase("/coc propose nope", ANA);
    expect(lastAnswer()).toContain("did not run:");
    expect(lastAnswer()).toContain("no-violation");
    await inCase("/coc propose reminder", ANA);
    await inCase("/coc approve", MODERATOR);
    expect(lastAnswer()).toBe(
      `@${MODERATOR} the \`/coc\` command did not run: you take no part in this case (recused, or its subject, a reporter or an affected party), so you cannot use \`/coc approve\` in it.`,
    );
    await inCase("/coc approve", ANA);
    expect(lastAnswer()).toContain("Your proposal already counts as your approval.");
  });

  it("reopens a closed case, its issue and its resolution target; a second reopen is refused", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc resolve no-violation", ANA);
    expect((await stored()).state).toBe("closed");
    expect(lastAnswer()).toContain("### Closing report");
    await inCase("/coc reopen the same person did it again", BEN);
    expect(await stored()).toMatchObject({ state: "acknowledged", reopenedAt: NOW, closedAt: null, openContentKey: expect.stringContaining("issuecomment-555") });
    expect(caseIssues(github)[0]!.closed).toBeUndefined();
    expect(caseIssues(github)[0]!.labels).toContain("state: acknowledged");
    await inCase("/coc reopen", BEN);
    expect(lastAnswer()).toContain("only a closed case can be reopened");
  });

  it("runs each command of one comment on the case as the commands before it left it", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc recuse I know the subject\n/coc resolve no-violation", ANA);
    expect(lastAnswer()).toContain("you take no part in this case");
    expect((await stored()).state).toBe("acknowledged");
    await inCase("/coc resolve no-violation\n/coc resolve warning", BEN);
    expect(lastAnswer()).toContain("This case is closed.");
    expect(await database.db.proposal.count({ where: { status: "decided" } })).toBe(1);
    expect(await database.db.auditEvent.count({ where: { action: "case.decided" } })).toBe(1);
  });

  it("lets the escalation team follow a case, and leaves deciding to the committee team", async () => {
    github.addTeamMember("acme", "coc-officers", "officer-olu");
    await start({ committee: { escalation_team: "coc-officers" } });
    await inCase("/coc propose reminder", ANA);
    await inCase("/coc approve", "officer-olu");
    expect(lastAnswer()).toContain(
      "only members of the committee team can use `/coc approve` here; the escalation team can use `/coc status` and `/coc note` until a case is escalated to it.",
    );
    await inCase("/coc status", "officer-olu");
    expect(lastAnswer()).toContain("**Proposal:** `reminder`");
  });

  it("hands a case to the escalation team with /coc escalate; that team decides it from then on", async () => {
    for (const officer of ["officer-olu", "officer-pat"]) github.addTeamMember("acme", "coc-officers", officer);
    await start({ committee: { escalation_team: "coc-officers" } });
    await inCase("/coc propose reminder", ANA);
    await inCase("/coc escalate two of us cannot agree", BEN);
    expect(lastAnswer()).toBe(
      "@mod-ben the case is escalated. @acme/coc-officers: the committee hands case COC-2026-0001 to you, and you decide it from now on (`/coc status` shows where it stands).",
    );
    expect(await stored()).toMatchObject({ escalatedAt: NOW, escalationReason: "committee" });
    expect(caseIssues(github)[0]!.labels).toContain("escalated");
    const escalated = await database.db.auditEvent.findFirstOrThrow({ where: { action: "case.escalated" } });
    expect(escalated).toMatchObject({ actor: BEN, detail: { reason: "committee", team: "coc-officers", why: "two of us cannot agree" } });

    // The committee may still act on the content, but no longer decides.
    await inCase("/coc approve", CY);
    expect(lastAnswer()).toContain("this case is escalated to the escalation team (`acme/coc-officers`), which decides it now");
    await inCase("/coc claim", CY);
    expect(lastAnswer()).toContain("you handle this case");
    await inCase("/coc escalate", "officer-olu");
    expect(lastAnswer()).toContain("this case is already escalated to the escalation team (`acme/coc-officers`).");

    // The open proposal is now counted among the officers: its committee proposer's approval no longer counts.
    await inCase("/coc status", "officer-olu");
    expect(lastAnswer()).toContain("| Decided by | the escalation team (`acme/coc-officers`), since 2026-03-04T10:00:00.000Z: the committee handed it over |");
    expect(lastAnswer()).toContain("- not voted yet: `officer-olu`, `officer-pat`");
    await inCase("/coc approve", "officer-olu");
    expect((await stored()).state).toBe("decision_proposed");
    await inCase("/coc approve", "officer-pat");
    expect(lastAnswer()).toContain("**Decided: `reminder`.**");
    const decided = await database.db.auditEvent.findFirstOrThrow({ where: { action: "case.decided" } });
    expect(decided.detail).toMatchObject({ approvals: ["officer-olu", "officer-pat"] });
  });

  it("records who was affected: a committee member among them takes no part, and the case goes to the escalation team", async () => {
    github.addTeamMember("acme", "coc-officers", "officer-olu");
    await start({ committee: { escalation_team: "coc-officers", member_involved: "escalate" } });
    await inCase("/coc affected @mod-cy new-contributor", BEN);
    expect(lastAnswer()).toBe(
      "@mod-ben recorded as affected: `mod-cy`, `new-contributor`. `mod-cy` is on the committee, so they take no part in this case.\n\n" +
        "@acme/coc-officers: case COC-2026-0001 affects a member of the conduct committee, so it is escalated to you (`committee.member_involved: escalate`): " +
        "you decide it, and that member takes no part. `/coc status` shows where it stands; `/coc help` lists the commands.",
    );
    expect(await stored()).toMatchObject({ escalatedAt: NOW, escalationReason: "member-involved" });
    await inCase("/coc claim", CY);
    expect(lastAnswer()).toContain("you take no part in this case (recused, or its subject, a reporter or an affected party)");
    await inCase("/coc status", "officer-olu");
    expect(lastAnswer()).toContain("| Affected | `mod-cy`, `new-contributor` |");

    // Who is affected decides who votes: on an escalated case that is the escalation team's to say.
    await inCase("/coc affected remove @new-contributor", BEN);
    expect(lastAnswer()).toContain("this case is escalated to the escalation team (`acme/coc-officers`), which decides it now");
    await inCase("/coc affected remove @new-contributor", "officer-olu");
    expect(lastAnswer()).toBe("@officer-olu no longer recorded as affected: `new-contributor`.");
    await inCase("/coc affected https://evil.example/x", "officer-olu");
    expect(lastAnswer()).toContain("`https://evil.example/x` is not a GitHub login");
    expect((await database.db.affectedParty.findMany()).map((p) => p.login)).toEqual(["mod-cy"]);
  });

  it("lists the affected, and whether anyone's safety was threatened, in the closing report", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc affected @new-contributor", ANA);
    expect((await stored()).escalatedAt).toBeNull();
    await inCase("/coc safety maybe", ANA);
    expect(lastAnswer()).toContain("answer yes or no: `/coc safety <yes|no> [note]`.");
    await inCase("/coc safety yes threats in a direct message", BEN);
    await inCase("/coc safety no on reflection, a figure of speech", ANA);
    expect(lastAnswer()).toBe("@mod-ana recorded: nobody's safety was threatened.");
    expect((await database.db.caseNote.findMany({ orderBy: { createdAt: "asc" } })).map((n) => n.body)).toEqual([
      "threats in a direct message",
      "on reflection, a figure of speech",
    ]);
    await inCase("/coc resolve reminder", ANA);
    expect(lastAnswer()).toContain("| Affected parties | `new-contributor` |");
    expect(lastAnswer()).toContain("| Safety threatened? | no |");
  });

  it("lets the escalation team withdraw a proposal whose proposer no longer decides the case", async () => {
    github.addTeamMember("acme", "coc-officers", "officer-olu");
    await start({ committee: { escalation_team: "coc-officers" } });
    await inCase("/coc propose reminder", ANA);
    await inCase("/coc escalate", BEN);
    await inCase("/coc withdraw", ANA);
    expect(lastAnswer()).toContain("this case is escalated to the escalation team (`acme/coc-officers`), which decides it now");
    await inCase("/coc withdraw", "officer-olu");
    expect(lastAnswer()).toBe("@officer-olu you withdrew the proposal (`reminder`); the case is open for another.");
    expect((await stored()).state).toBe("acknowledged");
  });

  it("goes to the escalation team when nobody on the committee is left to decide", async () => {
    await start({ committee: { escalation_team: "coc-officers" } });
    await inCase("/coc recuse", ANA);
    await inCase("/coc recuse", BEN);
    expect((await stored()).escalatedAt).toBeNull();
    await inCase("/coc recuse I work with the subject", CY);
    expect(lastAnswer()).toContain(
      "@acme/coc-officers: nobody on the committee is left to decide case COC-2026-0001 (every member is recused or involved), so it is escalated to you",
    );
    expect(await stored()).toMatchObject({ escalatedAt: NOW, escalationReason: "no-eligible-members" });
  });

  it("does not let a vote's voters change by naming them affected while it is open", async () => {
    await start();
    await inCase("/coc propose reminder", ANA);
    await inCase("/coc affected @mod-cy @new-contributor", BEN);
    expect(lastAnswer()).toContain("`mod-cy` votes on the open proposal: naming them affected, or taking them off, would change who decides it.");
    expect(await database.db.affectedParty.count()).toBe(0);
    await inCase("/coc affected @new-contributor", BEN);
    expect(lastAnswer()).toBe("@mod-ben recorded as affected: `new-contributor`.");
  });

  it("refuses /coc escalate without an escalation team", async () => {
    await start();
    await inCase("/coc escalate", ANA);
    expect(lastAnswer()).toContain("there is no escalation team to hand this case to: `committee.escalation_team` is not set.");
    expect((await stored()).escalatedAt).toBeNull();
  });

  it("posts the minimal public notice where the policy asks, only for a breach, naming nobody", async () => {
    await start({ committee: { quorum: "single" }, decisions: { public_notice: "minimal" } });
    await inCase("/coc resolve reminder heated, not targeted", ANA);
    const publicComments = () => writesIn(github, PROJECT).filter((w) => w.verb === "comment");
    expect(publicComments()).toEqual([
      {
        verb: "comment",
        repo: "acme/widgets",
        issueNumber: 7,
        body: expect.stringMatching(new RegExp(`^<!-- coc-reply:[0-9a-f-]+ -->\\n${escapeRegExp(MINIMAL_PUBLIC_NOTICE)}$`)),
      },
    ]);
    for (const name of [MODERATOR, "troll-tom", ANA, "heated"]) expect(JSON.stringify(publicComments())).not.toContain(name);

    // A case that finds no breach says nothing in public, and a case closed again with one says nothing more.
    await inCase("/coc reopen", ANA);
    await inCase("/coc resolve no-violation", ANA);
    expect((await stored()).state).toBe("closed");
    expect(publicComments()).toHaveLength(1);
    await inCase("/coc reopen", ANA);
    await inCase("/coc resolve public-reprimand", ANA);
    expect((await stored()).state).toBe("closed");
    expect(publicComments()).toHaveLength(1);
  });

  it("says nothing in public by default", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc resolve reminder", ANA);
    expect((await stored()).state).toBe("closed");
    expect(writesIn(github, PROJECT).filter((w) => w.verb === "comment")).toEqual([]);
  });

  it("tells the reporter of the acknowledgement and the decision, and the subject of the decision, never who reported", async () => {
    // The reporter can read the cases repository: told there. The subject cannot: the committee is asked to tell them.
    github.setPermission(CASES, MODERATOR, "read");
    await start({ committee: { quorum: "single" } });
    expect(peopleNotices(github)).toEqual([
      `@${MODERATOR} Your report (case COC-2026-0001) was received and acknowledged by the conduct committee on 2026-03-04 10:00 UTC. The committee aims to resolve it by 2026-03-11 10:00 UTC.`,
    ]);
    await inCase("/coc resolve reminder heated, not targeted", ANA);
    const [, toReporter, toSubject] = peopleNotices(github);
    expect(toReporter).toBe(`@${MODERATOR} The conduct committee decided on your report (case COC-2026-0001): \`reminder\` (A public reminder of the expected conduct, without naming anyone.).`);
    expect(toSubject).toMatch(/^\*\*To do for the committee:\*\* GitHub has no private message, and `troll-tom` \(the subject\) cannot read this repository\./);
    expect(toSubject).toContain("> The conduct committee decided on case COC-2026-0001, about your conduct: `reminder`");
    // Escaped as Markdown renders it inert: GitHub shows "heated, not targeted".
    expect(toSubject).toContain("The committee's reason: heated\\, not targeted.");
    expect(toSubject).not.toContain(MODERATOR);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
