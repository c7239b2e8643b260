/**
 * Cooldowns through the webhook path: `/coc cooldown` sets GitHub's
 * interaction limit on the case's repository, another repository of the
 * account or the whole organization, `/coc cooldown off` lifts it, and the
 * `cooldown` outcome is enacted by the app. Each refusal GitHub would give
 * (a private repository, the optional permission not granted, an account-wide
 * limit in force, a personal account) gets a reply that says what to do.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const [ANA, BEN] = ["mod-ana", "mod-ben"];
const DAY = 86_400_000;

describe(`cooldowns (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let nextComment = 70_000;
  const clock = new Date(Math.floor(Date.now() / 1000) * 1000);

  const start = async (ownerConfig: object = {}) => {
    github.configs.set("acme/.github", ownerConfig);
    harness = await startHarness({ database, gateway: github, now: () => clock });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    await inCase("/coc ack", ANA);
    github.writes.length = 0;
  };

  beforeEach(() => {
    github = fakeWorld();
    for (const login of [ANA, BEN]) github.addTeamMember("acme", "coc-committee", login);
    github.addRepository({ owner: "acme", repo: "gadgets" }, { private: false });
    github.addRepository({ owner: "acme", repo: "secret-plans" }, { private: true });
  });

  const inCase = async (body: string, sender: string) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };
  const lastAnswer = () => caseAnswers(github).at(-1)!;
  const limitWrites = () => github.writes.filter((w) => w.verb === "set-interaction-limit" || w.verb === "remove-interaction-limit");

  it("cools the case's repository down for GitHub's length, and lifts it early with /coc cooldown off", async () => {
    await start();
    await inCase("/coc cooldown 24h heated thread", ANA);
    expect(lastAnswer()).toBe(
      `@${ANA} cooling down \`acme/widgets\` for one day (only collaborators may comment or open issues and pull requests); GitHub lifts it by itself at ${utc(clock.getTime() + DAY)}. \`/coc cooldown off\` lifts it sooner.`,
    );
    expect(limitWrites()).toEqual([{ verb: "set-interaction-limit", place: "acme/widgets", limit: "collaborators_only", expiry: "one_day" }]);
    const [row] = await database.db.cooldown.findMany();
    expect(row).toMatchObject({ account: "acme", repo: "widgets", limit: "collaborators_only", expiry: "one_day", setBy: ANA, liftedAt: null, refusal: null });

    await inCase("/coc cooldown off", BEN);
    expect(lastAnswer()).toBe(`@${BEN} lifting the interaction limit in \`acme/widgets\`.`);
    expect(limitWrites().at(-1)).toEqual({ verb: "remove-interaction-limit", place: "acme/widgets" });
    expect(await database.db.cooldown.findFirstOrThrow()).toMatchObject({ liftedBy: BEN });
    await inCase("/coc cooldown off", BEN);
    expect(lastAnswer()).toContain("no interaction limit is in force in `acme/widgets`.");
    const audit = await database.db.auditEvent.findMany({ where: { action: { startsWith: "cooldown." } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ["cooldown.set", { place: "acme/widgets", limit: "collaborators_only", expiry: "one_day", reason: "heated thread" }],
      ["cooldown.lifted", { place: "acme/widgets" }],
    ]);
  });

  it("cools another repository of the account, or the whole organization, with the limit given", async () => {
    await start();
    await inCase("/coc cooldown gadgets 3d contributors_only", ANA);
    expect(lastAnswer()).toContain("cooling down `acme/gadgets` for three days (only people who contributed before may comment");
    await inCase("/coc cooldown org one_week existing_users raid", ANA);
    expect(lastAnswer()).toContain("cooling down the `acme` organization for one week (only accounts older than a day may comment");
    expect(limitWrites()).toEqual([
      { verb: "set-interaction-limit", place: "acme/gadgets", limit: "contributors_only", expiry: "three_days" },
      { verb: "set-interaction-limit", place: "org:acme", limit: "existing_users", expiry: "one_week" },
    ]);
    // The organization's limit now overrides the repository's: GitHub would answer 409, so the app says why first.
    await inCase("/coc cooldown off gadgets", ANA);
    expect(lastAnswer()).toContain("a limit for the whole account is in force until");
    expect(lastAnswer()).toContain("`/coc cooldown off org`");
    await inCase("/coc cooldown off org", ANA);
    expect(limitWrites().at(-1)).toEqual({ verb: "remove-interaction-limit", place: "org:acme" });
  });

  it("refuses what GitHub cannot do, with what to do instead, and records nothing", async () => {
    await start();
    await inCase("/coc cooldown 2d", ANA);
    expect(lastAnswer()).toContain("`2d` is not a length GitHub offers for interaction limits. Use 24h (or 1d), 3d, 1w (or 7d), 30d, 180d");
    await inCase("/coc cooldown secret-plans 1w", ANA);
    expect(lastAnswer()).toContain("`acme/secret-plans` is private: GitHub's interaction limits apply only to public repositories");
    await inCase("/coc cooldown other-org/widgets 1w", ANA);
    expect(lastAnswer()).toContain("`other-org/widgets` is outside `acme`, the account this case belongs to.");
    await inCase("/coc cooldown nowhere 1w", ANA);
    expect(lastAnswer()).toContain("`acme/nowhere` does not exist, or the app is not installed on it.");
    github.interactions.permitted = false;
    await inCase("/coc cooldown 1w", ANA);
    expect(lastAnswer()).toContain("cooldowns need the optional `administration` permission");
    expect(lastAnswer()).toContain("Settings → Moderation options → Interaction limits");
    github.interactions.permitted = true;
    github.interactions.userAccounts.add("acme");
    await inCase("/coc cooldown org 1w", ANA);
    expect(lastAnswer()).toContain("this account is a person's, not an organization: GitHub lets only its owner set a limit for all of it.");
    expect(limitWrites()).toEqual([]);
    expect(await database.db.cooldown.count()).toBe(0);
  });

  it("enacts the cooldown outcome, closing the case; GitHub's refusal is said in the case once", async () => {
    await start({ committee: { quorum: "single" } });
    github.interactions.permitted = false;
    await inCase("/coc resolve cooldown 1w the thread keeps flaring up", ANA);
    const decided = caseAnswers(github).find((a) => a.includes("**Decided: `cooldown`"))!;
    expect(decided).toContain(
      "**Decided: `cooldown` in the case's repository for one week (only collaborators may comment or open issues and pull requests).** It is enacted, so the case is closed.",
    );
    expect(decided).toContain("Cooldown: cooling down `acme/widgets` for one week");
    expect((await database.db.case.findFirstOrThrow()).state).toBe("closed");
    // The permission was not granted: the case says so, with what to do, once.
    const refused = caseAnswers(github).filter((a) => a.startsWith("**The cooldown of `acme/widgets` was not set:**"));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain("the optional `administration` permission");
    expect(await database.db.cooldown.findFirstOrThrow()).toMatchObject({ refusal: "no-permission", setBy: "app" });
    expect(limitWrites()).toEqual([]);
  });

  it("sets the cooldown a decision calls for", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc resolve cooldown org 30d contributors_only brigading", ANA);
    expect(limitWrites()).toEqual([{ verb: "set-interaction-limit", place: "org:acme", limit: "contributors_only", expiry: "one_month" }]);
    expect(await database.db.cooldown.findFirstOrThrow()).toMatchObject({ account: "acme", repo: null, expiry: "one_month", refusal: null });
    expect(caseAnswers(github).some((a) => a.includes("| Response | `cooldown` across the organization for one month"))).toBe(true);
  });
});

function utc(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace(/:\d\d\.\d{3}Z$/, " UTC");
}
