import { describe, expect, it } from "vitest";
import { performAction } from "../../src/actions/perform-action.js";
import type { PlannedAction } from "../../src/actions/planned-action.js";
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { Mailer, OutgoingEmail } from "../../src/mail/mailer.js";
import type { Database } from "../../src/store/database.js";

const hide: PlannedAction = { kind: "hide-content", repo: { owner: "acme", repo: "widgets" }, nodeId: "IC_1", classifier: "ABUSE" };
const noDatabase = {} as Database; // hiding needs no database
const run = (github: InMemoryGitHub) => ({
  db: noDatabase,
  gateway: github,
  mailer: null,
  now: () => new Date(),
  actionId: "a1",
  writeStarted: false,
  markWriteStarted: async () => {},
});

describe("performAction", () => {
  it("hides content through the port", async () => {
    const github = new InMemoryGitHub();
    await performAction(hide, run(github));
    expect(github.writes).toEqual([{ verb: "hide", nodeId: "IC_1", classifier: "ABUSE" }]);
  });

  it("starts no GitHub call once its job has timed out", async () => {
    const github = new InMemoryGitHub();
    const controller = new AbortController();
    controller.abort(new Error("job timed out"));
    await expect(performAction(hide, run(github), controller.signal)).rejects.toThrow("job timed out");
    expect(github.writes).toEqual([]);
  });

  it("hands the job's signal to every create, so one held back by GitHub's pacing is dropped at the timeout", async () => {
    const github = new InMemoryGitHub();
    const seen: Array<AbortSignal | undefined> = [];
    const createComment = github.createComment.bind(github);
    github.createComment = async (repo, issueNumber, body, options) => {
      seen.push(options?.signal);
      return createComment(repo, issueNumber, body);
    };
    const reply: PlannedAction = { kind: "reply", repo: { owner: "acme", repo: "coc-cases" }, issueNumber: 3, body: "done" };
    const controller = new AbortController();
    await performAction(reply, run(github), controller.signal);
    expect(seen).toEqual([controller.signal]);
  });

  describe("with a mailer", () => {
    const notice: PlannedAction = { kind: "deliver-notice", caseId: "c1", to: "troll-tom", about: "subject", body: "The conduct committee decided on case COC-2026-0001." };
    const oneCase = { case: { findUnique: async () => ({ casesOwner: "acme", casesRepo: "coc-cases", issueNumber: 1, code: "COC-2026-0001" }) } } as unknown as Database;
    const recordingMailer = () => {
      const sent: Array<{ email: OutgoingEmail; signal: AbortSignal | undefined }> = [];
      const mailer: Mailer = { from: { name: null, address: "coc@example.org" }, send: async (email, options) => void sent.push({ email, signal: options?.signal }) };
      return { mailer, sent };
    };

    it("hands the job's signal to the mailer, so an email still being sent at the timeout is abandoned", async () => {
      const github = new InMemoryGitHub();
      github.setPublicEmail("troll-tom", "tom@example.net");
      const { mailer, sent } = recordingMailer();
      const controller = new AbortController();
      await performAction(notice, { ...run(github), db: oneCase, mailer }, controller.signal);
      expect(sent.map(({ email, signal }) => [email.to, signal])).toEqual([["tom@example.net", controller.signal]]);
    });

    it("starts no email once its job has timed out", async () => {
      const github = new InMemoryGitHub();
      github.setPublicEmail("troll-tom", "tom@example.net");
      const { mailer, sent } = recordingMailer();
      const controller = new AbortController();
      // The job times out while GitHub answers the last read before the email.
      const getPublicEmail = github.getPublicEmail.bind(github);
      github.getPublicEmail = async (login) => {
        const address = await getPublicEmail(login);
        controller.abort(new Error("job timed out"));
        return address;
      };
      await expect(performAction(notice, { ...run(github), db: oneCase, mailer }, controller.signal)).rejects.toThrow("job timed out");
      expect(sent).toEqual([]);
      expect(github.writes).toEqual([]);
    });
  });
});
