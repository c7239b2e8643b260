/**
 * Emergency acts: one member acts at once, another signs it off, or the app
 * reverts it when the time is up. An act on what is so already is refused,
 * and a revert undoes only what its act changed: a later command on the same
 * content stands, and removed text comes back only over the removal notice.
 */
import { describe, expect, it } from "vitest";
import { removalNotice } from "../../src/messages/removal-notice.js";
import { abusiveComment } from "../support/fake-world.js";
import { MEMBER, OTHER_MEMBER, useCommitteeCase } from "../support/committee-case.js";
import { testBackend } from "../support/test-database.js";

const THREAD = "acme/widgets#7";
const REF = { kind: "issue_comment", owner: "acme", repo: "widgets", number: 7, commentId: 555 } as const;
const ORIGINAL = "You are all idiots. @mod-maria see #12 and @acme/core";
/** A refusal as the case shows it: echoed references carry a zero-width joiner, so they link nowhere. */
const REFUSED = (sender: string, reason: string) => `@${sender} the \`/coc\` command did not run: ${reason.replace(/#(?=\d)/g, "#\u200d")}`;
const HEAD = (kind: string) => `The emergency act (\`${kind}\` by \`${MEMBER}\`) was not signed off in time`;

describe(`emergency acts (${testBackend})`, () => {
  const world = useCommitteeCase();
  const { database, inCase, lastAnswer, contentWrites, passHours, retryActions } = world;
  const github = () => world.github;
  /** What the case said when the act was reverted (the acknowledgement reminders come due meanwhile too). */
  const revertSaid = () => world.answers().filter((answer) => answer.startsWith("The emergency act"));
  const body = () => github().contents.get("acme/widgets:ic555")!.body;
  const reverted = async () => (await database.db.auditEvent.findFirstOrThrow({ where: { action: "emergency.reverted" } })).detail;

  it("keeps an emergency act another member signs off in time", async () => {
    await inCase("/coc emergency lock");
    expect(github().locks.get(THREAD)).toBe("too heated");
    expect(lastAnswer()).toMatch(/emergency act: the flagged comment is being locked\. Another committee member who is not recused must write `\/coc signoff` by/);
    await inCase("/coc signoff");
    expect(lastAnswer()).toContain("another committee member must sign off your own emergency act.");
    await inCase("/coc signoff", OTHER_MEMBER);
    expect(lastAnswer()).toBe(`@${OTHER_MEMBER} you signed off the emergency act; it stays.`);
    await passHours(72);
    expect(github().locks.get(THREAD)).toBe("too heated");
    expect(revertSaid()).toEqual([]);
  });

  it("unlocks after 72 hours nobody signed off, and says so in the case", async () => {
    await inCase("/coc emergency lock");
    await passHours(71);
    expect(github().locks.has(THREAD)).toBe(true);
    await passHours(1);
    expect(github().locks.has(THREAD)).toBe(false);
    expect(revertSaid()).toEqual([`${HEAD("lock")}, so the app reverted it: \`${THREAD}\` is unlocked again.`]);
    expect(await database.db.emergencyAct.findFirstOrThrow()).toMatchObject({ revertedAt: world.clock, signedOffAt: null });
    expect(await reverted()).toMatchObject({ kind: "lock", target: THREAD, undone: "lock", left: null, because: null });
  });

  it("waits for its act to be carried out before it reverts it: the act coming after would stay", async () => {
    github().failNext.set("ensureThreadLocked", 1);
    await inCase("/coc emergency lock");
    await passHours(72);
    expect(contentWrites()).toEqual([]);
    expect(revertSaid()).toEqual([]);
    await retryActions();
    expect(contentWrites().map((w) => w.verb)).toEqual(["lock", "unlock"]);
    expect(github().locks.has(THREAD)).toBe(false);
    expect(revertSaid()).toHaveLength(1);
  });

  it("undoes nothing for an act GitHub refused for good: whatever the thread's state, the act did not make it so", async () => {
    github().refuseNext.set("ensureThreadLocked", 1);
    await inCase("/coc emergency lock");
    expect(await database.db.action.findFirst({ where: { kind: "lock-thread" }, select: { status: true } })).toEqual({ status: "failed" });
    github().locks.set(THREAD, "off-topic"); // a maintainer locks it meanwhile
    await passHours(72);
    expect(github().locks.get(THREAD)).toBe("off-topic");
    expect(revertSaid()).toEqual([`${HEAD("lock")}; nothing of it was left to revert: the app could not carry the act out on \`${THREAD}\`, so it changed nothing there.`]);
  });

  it("refuses to lock a conversation that is locked already, so that no revert can unlock it", async () => {
    github().locks.set(THREAD, "off-topic"); // a maintainer's lock
    await inCase("/coc emergency lock");
    expect(lastAnswer()).toBe(REFUSED(MEMBER, `\`${THREAD}\` is already locked.`));
    expect(await database.db.emergencyAct.count()).toBe(0);
    await passHours(72);
    expect(github().locks.get(THREAD)).toBe("off-topic");
    expect(contentWrites()).toEqual([]);
  });

  it("leaves the conversation locked when the committee locked it again after the emergency act, and says why", async () => {
    await inCase("/coc emergency lock");
    await inCase("/coc lock spam");
    await passHours(72);
    expect(github().locks.get(THREAD)).toBe("spam");
    expect(contentWrites().map((w) => w.verb)).toEqual(["lock", "lock"]);
    expect(revertSaid()).toEqual([
      `${HEAD("lock")}, but the app left \`${THREAD}\` locked: the committee locked it again after the emergency act (a later \`/coc lock\`), and that stands.`,
    ]);
    expect(await reverted()).toMatchObject({ kind: "lock", undone: null, left: "lock", because: "done-again" });
  });

  it("leaves a timed lock the committee put on after the emergency act to end by itself", async () => {
    await inCase("/coc emergency lock");
    await inCase("/coc lock too-heated for 96h");
    await passHours(72);
    expect(github().locks.has(THREAD)).toBe(true);
    expect(revertSaid()[0]).toContain(`the app left \`${THREAD}\` locked: the committee locked it again`);
    await passHours(24);
    expect(github().locks.has(THREAD)).toBe(false);
  });

  it("has nothing to revert when the committee unlocked the conversation after the emergency act", async () => {
    await inCase("/coc emergency lock");
    await inCase("/coc unlock");
    await passHours(72);
    expect(contentWrites().map((w) => w.verb)).toEqual(["lock", "unlock"]);
    expect(revertSaid()).toEqual([
      `${HEAD("lock")}; nothing of it was left to revert: \`${THREAD}\` was unlocked after the emergency act (a later \`/coc unlock\`, or the end of a timed lock).`,
    ]);
    expect(await reverted()).toMatchObject({ undone: null, left: null, because: "undone-since" });
  });

  it("refuses to close a thread that is closed already", async () => {
    github().closedThreads.add(THREAD);
    await inCase("/coc emergency close");
    expect(lastAnswer()).toBe(REFUSED(MEMBER, `\`${THREAD}\` is already closed.`));
    expect(await database.db.emergencyAct.count()).toBe(0);
    expect(contentWrites()).toEqual([]);
  });

  it("reopens a thread it closed, but not one the committee closed again after it", async () => {
    await inCase("/coc emergency close");
    await passHours(72);
    expect(github().closedThreads.has(THREAD)).toBe(false);
    expect(revertSaid()).toEqual([`${HEAD("close")}, so the app reverted it: \`${THREAD}\` is open again.`]);

    await inCase("/coc emergency close");
    await inCase("/coc close");
    await passHours(72);
    expect(github().closedThreads.has(THREAD)).toBe(true);
    expect(revertSaid()[1]).toBe(`${HEAD("close")}, but the app left \`${THREAD}\` closed: the committee closed it again after the emergency act (a later \`/coc close\`), and that stands.`);
  });

  it("refuses to hide content that is hidden already, by the flag or by someone on GitHub", async () => {
    await inCase("/coc emergency hide");
    expect(lastAnswer()).toBe(REFUSED(MEMBER, "the flagged comment is already hidden."));
    const other = abusiveComment({ ref: { ...REF, commentId: 556 }, nodeId: "IC_556", url: "https://github.com/acme/widgets/issues/7#issuecomment-556" });
    github().addContent(other);
    github().hidden.set("IC_556", "SPAM"); // minimized by a maintainer, not by the app
    await inCase(`/coc emergency hide ${other.url}`);
    expect(lastAnswer()).toBe(REFUSED(MEMBER, "the linked comment is already hidden."));
    expect(await database.db.emergencyAct.count()).toBe(0);
  });

  it("keeps content hidden that the committee hid again after the emergency hide", async () => {
    await inCase("/coc unhide");
    await inCase("/coc emergency hide");
    await inCase("/coc hide");
    await passHours(72);
    expect(github().hidden.has("IC_abusive555")).toBe(true);
    expect(revertSaid()).toEqual([
      `${HEAD("hide")}, but the app left the flagged comment hidden: it was hidden again after the emergency act (a later \`/coc hide\`, or a new flag), and that stands.`,
    ]);
  });

  it("puts the removed text back when nobody changed it since", async () => {
    await inCase("/coc emergency remove");
    expect(body()).toBe(removalNotice());
    await passHours(72);
    expect(contentWrites()).toEqual([
      { verb: "replace-body", ref: REF, body: removalNotice() },
      { verb: "replace-body", ref: REF, body: ORIGINAL },
    ]);
    expect(revertSaid()).toEqual([`${HEAD("remove")}, so the app reverted it: the flagged comment has its original text again.`]);
    expect(await reverted()).toMatchObject({ kind: "remove", target: "IC_abusive555", undone: "remove", left: null, because: null });
  });

  it("puts the text back once, and says so once, when GitHub's answer to the write was lost", async () => {
    await inCase("/coc emergency remove");
    github().loseAnswerNext.set("replaceContentBody", 1);
    await passHours(72);
    expect(body()).toBe(ORIGINAL);
    expect(revertSaid()).toEqual([]);
    await retryActions();
    expect(contentWrites().map((w) => ("body" in w ? w.body : w.verb))).toEqual([removalNotice(), ORIGINAL]);
    expect(revertSaid()).toEqual([`${HEAD("remove")}, so the app reverted it: the flagged comment has its original text again.`]);
    expect(await database.db.auditEvent.count({ where: { action: "emergency.reverted" } })).toBe(1);
  });

  it("never writes the removed text over what its author wrote since", async () => {
    await inCase("/coc emergency remove");
    github().addContent(abusiveComment({ body: "Sorry, that was out of line." })); // the author edits the notice away
    await passHours(72);
    expect(body()).toBe("Sorry, that was out of line.");
    expect(contentWrites()).toEqual([{ verb: "replace-body", ref: REF, body: removalNotice() }]);
    expect(revertSaid()).toEqual([
      `${HEAD("remove")}, but the app left the flagged comment as it is: its text changed after the removal, and putting the original back would overwrite the newer text.`,
    ]);
    expect(await reverted()).toMatchObject({ kind: "remove", undone: null, left: "remove", because: "edited-since" });
  });

  it("has nothing to put back into content deleted since", async () => {
    await inCase("/coc emergency remove");
    github().contents.delete("acme/widgets:ic555");
    await passHours(72);
    expect(contentWrites()).toHaveLength(1);
    expect(revertSaid()).toEqual([`${HEAD("remove")}; nothing of it was left to revert: the flagged comment no longer exists.`]);
  });

  it("leaves the text removed when the committee removed it after the emergency act, and refuses to remove it twice", async () => {
    await inCase("/coc emergency remove");
    await inCase("/coc remove");
    await inCase("/coc emergency remove", OTHER_MEMBER);
    expect(lastAnswer()).toBe(REFUSED(OTHER_MEMBER, "the flagged comment is already removed."));
    await passHours(72);
    expect(body()).toBe(removalNotice());
    expect(revertSaid()).toEqual([
      `${HEAD("remove")}, but the app left the flagged comment removed: the committee removed it again after the emergency act (a later \`/coc remove\`), and that stands.`,
    ]);
  });
});
