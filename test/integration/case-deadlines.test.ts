/**
 * The policy's deadlines are timers on the job queue: a new case is due for
 * acknowledgement (and overdue half a window later), an acknowledgement
 * cancels those and starts the resolution target. A timer survives a restart,
 * and two workers never fire one twice.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated, pushed } from "../factories/webhooks.js";
import { formatUtc } from "../../src/cases/case-state.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR, peopleNotices } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const HOUR = 3_600_000;
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const MEMBER = "mod-omar";

describe(`case deadlines (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let clock: Date;
  const now = () => clock;
  let harness: Harness;

  beforeEach(async () => {
    github = fakeWorld();
    github.addTeamMember("acme", "coc-committee", MEMBER);
    github.configs.set("acme/.github", { committee: { escalation_team: "coc-officers" }, decisions: { reporter_feedback: "3d" } });
    // Real time, so the queue (which compares with the database's clock) holds the timers until a test moves them.
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
    harness = await startHarness({ database, gateway: github, now });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
  });

  const timers = async () =>
    (await database.db.$queryRawUnsafe<Array<{ key: string; run_at: Date }>>(
      `SELECT key, run_at FROM graphile_worker._private_jobs WHERE key LIKE 'deadline:%' ORDER BY run_at`,
    )).map((job) => ({ kind: job.key.split(":")[2], dueIn: (job.run_at.getTime() - clock.getTime()) / HOUR }));
  /** Moves the app's clock, and lets the queue run the timers due by then. */
  const advance = async (hours: number, drainers: Harness[] = [harness]) => {
    clock = new Date(clock.getTime() + hours * HOUR);
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'deadline:%' AND run_at <= $1`, clock);
    await Promise.all(drainers.map((h) => h.drain()));
  };
  const caseComments = () => caseAnswers(github);
  const inCase = async (body: string, sender = MEMBER) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: 9500 });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };

  it("schedules acknowledgement at 24 h and overdue at 36 h, and reminds the committee team in the case once each", async () => {
    expect(await timers()).toEqual([
      { kind: "acknowledge", dueIn: 24 },
      { kind: "acknowledge-overdue", dueIn: 36 },
    ]);
    await advance(24);
    expect(caseComments()).toEqual([expect.stringMatching(/^@acme\/coc-committee case COC-\d{4}-0001 is waiting to be acknowledged: .* within 1 day\./)]);
    await advance(0);
    expect(caseComments()).toHaveLength(1);
    await advance(12);
    expect(caseComments()[1]).toMatch(/^@acme\/coc-committee case COC-\d{4}-0001 is overdue for acknowledgement/);
    expect(await timers()).toEqual([]);
  });

  it("cancels the acknowledgement reminders on /coc ack and starts the resolution target, one week later", async () => {
    await advance(2);
    await inCase("/coc ack");
    expect(await timers()).toEqual([
      { kind: "resolve", dueIn: 7 * 24 },
      { kind: "status-notice", dueIn: 7 * 24 },
    ]);
    await advance(7 * 24);
    expect(caseComments().at(-1)).toMatch(/^@acme\/coc-committee case COC-\d{4}-0001 has reached its resolution target/);
    expect(caseComments().filter((c) => /waiting to be acknowledged|overdue/.test(c))).toEqual([]);
  });

  it("tells the reporter, each resolution period the case stays open, that it is not resolved yet and when they will hear next", async () => {
    await inCase("/coc ack");
    const acknowledgedAt = clock.getTime();
    await advance(7 * 24);
    const dated = (weeks: number) => formatUtc(new Date(acknowledgedAt + weeks * 7 * 24 * HOUR));
    const pending = () => peopleNotices(github).filter((n) => n.includes("is not resolved yet"));
    // The reporter cannot read the cases repository: the committee is asked to pass it on.
    expect(pending()).toEqual([
      expect.stringMatching(/^\*\*To do for the committee:\*\* GitHub has no private message, and `mod-maria` \(the reporter\) cannot read this repository/),
    ]);
    expect(pending()[0]).toContain(
      `> Your report (case COC-${new Date(acknowledgedAt).getUTCFullYear()}-0001) is not resolved yet: the conduct committee is still working on it. You will hear from it again by ${dated(2)}, or sooner if it is decided.`,
    );
    expect(await timers()).toEqual([{ kind: "status-notice", dueIn: 7 * 24 }]);
    await advance(7 * 24);
    expect(pending()).toHaveLength(2);
    expect(pending()[1]).toContain(`You will hear from it again by ${dated(3)}`);
    // A decision ends them.
    await inCase("/coc resolve no-violation");
    expect((await timers()).filter((t) => t.kind === "status-notice")).toEqual([]);
  });

  it("reminds once when the same timer runs again (a retried or re-queued job)", async () => {
    const [timer] = await database.db.$queryRawUnsafe<Array<{ payload: object }>>(
      `SELECT payload FROM graphile_worker._private_jobs WHERE key LIKE 'deadline:%:acknowledge'`,
    );
    await advance(24);
    expect(caseComments()).toHaveLength(1);
    // The same timer again, under another key, so the queue's own de-duplication cannot be what stops it.
    await database.db.$executeRawUnsafe(`SELECT graphile_worker.add_job('deadline', $1::json, job_key := 'again')`, JSON.stringify(timer!.payload));
    await harness.drain();
    expect(caseComments()).toHaveLength(1);
    expect(await database.db.auditEvent.count({ where: { action: "deadline.acknowledge" } })).toBe(1);
  });

  it("fires a timer scheduled before a restart, once, though two workers run side by side", async () => {
    // Another app process on the same database: the timer was scheduled by the first one.
    const restarted = await startHarness({ database, gateway: github, now });
    await advance(24, [restarted, harness]);
    expect(caseComments()).toHaveLength(1);
    expect(await database.db.auditEvent.count({ where: { action: "deadline.acknowledge" } })).toBe(1);
  });

  it("escalates a proposal with no decision after a week to the escalation team", async () => {
    github.addTeamMember("acme", "coc-committee", "mod-lena");
    await inCase("/coc ack");
    await advance(1);
    await inCase("/coc propose reminder");
    expect(await timers()).toContainEqual({ kind: "deadlock", dueIn: 7 * 24 });
    await advance(7 * 24);
    expect(caseComments().at(-1)).toMatch(/^@acme\/coc-officers case COC-\d{4}-0001 is deadlocked: a proposal has had no decision for 1 week\. It is escalated to you, and you decide it from now on/);
    expect(await database.db.case.findFirstOrThrow()).toMatchObject({ escalatedAt: clock, escalationReason: "deadlock" });
    expect(caseIssues(github)[0]!.labels).toContain("escalated");

    // The officers decide now: the committee's own votes no longer settle it, an officer's does.
    github.addTeamMember("acme", "coc-officers", "officer-olu");
    await inCase("/coc approve", "mod-lena");
    expect(caseComments().at(-1)).toContain("this case is escalated to the escalation team (`acme/coc-officers`), which decides it now");
    await inCase("/coc approve", "officer-olu");
    expect(caseComments().at(-1)).toContain("**Decided: `reminder`.**");
  });

  it("puts a deadlock back to the whole committee when there is no escalation team", async () => {
    github.configs.set("acme/.github", {});
    // GitHub tells the app of the change with a push to the owner's .github repository.
    await harness.deliver("push", pushed({ owner: "acme", repo: ".github" }));
    github.addTeamMember("acme", "coc-committee", "mod-lena");
    await inCase("/coc ack");
    await inCase("/coc propose reminder");
    await advance(7 * 24);
    expect(caseComments().at(-1)).toMatch(/^@acme\/coc-committee case COC-\d{4}-0001 is deadlocked: .* There is no escalation team \(`committee.escalation_team`\): the whole committee is asked to settle it\./);
    expect((await database.db.case.findFirstOrThrow()).escalatedAt).toBeNull();
  });

  it("enacts a decision once the reporter's time to comment has passed, and closes the case", async () => {
    await inCase("/coc ack");
    // The only member who is not recused: their proposal decides the case.
    await inCase("/coc resolve no-violation");
    expect(caseComments().at(-1)).toContain("The reporter may comment on it for 3 days before it is enacted");
    expect(await timers()).toEqual([{ kind: "enact", dueIn: 72 }]);
    await advance(72);
    expect(caseComments().at(-1)).toMatch(/^The reporter's time to comment has passed: the decision \(`no-violation`\) is enacted and the case is closed\.\n\n### Closing report for COC-/);
    expect(await database.db.case.findFirstOrThrow()).toMatchObject({ state: "closed", openContentKey: null });
    expect(caseIssues(github)[0]!.closed).toBe("completed");
  });
});
