/**
 * `/appeal/<case code>`: a sanctioned person sees the decisions about them in
 * the case and appeals one, once, within `appeals.window`. Only the case's
 * subject, signed in with the GitHub account the case is about, sees anything:
 * anyone else gets the same answer as for a code that does not exist. The
 * appeal is recorded with its post in the case (for the reviewers) and its
 * audit event in one transaction.
 */
import type { Request, Response, Router } from "express";
import { appealableDecisions, appealOpen, type AppealableDecision } from "../cases/appealable.js";
import type { CocConfig } from "../config/schema.js";
import type { RepoRef } from "../github/port.js";
import { appealFiledText, decisionInWords } from "../messages/appeals.js";
import { appealName, appealsOfCase, casesOfSubject, decisionFactsOf, recordAppeal, type SubjectCase } from "../store/appeals.js";
import { frameOf } from "./frame.js";
import { AppealPage, type CaseAppeals } from "./pages/appeal-page.js";
import { ErrorPage } from "./pages/notice-pages.js";
import { sendPage } from "./render.js";
import type { WebContext, WebPages } from "./web-app.js";

const CODE = /^[A-Za-z0-9-]{1,64}$/;

/** The configuration that governs a cases repository's cases (the owner's `appeals` keys). */
export type ConfigOf = (casesRepo: RepoRef) => Promise<CocConfig>;

export function appealPages(configOf: ConfigOf): WebPages {
  return (router: Router, context: WebContext) => {
    const signIn = context.requireAccount("Sign in with the GitHub account the decision is about, to see it and appeal it.");

    router.get("/appeal/:code", signIn, async (req, res) => {
      const found = await casesFor(req, context, configOf);
      if (!found) return notFound(req, res, context);
      sendPage(res, 200, AppealPage({ frame: frameOf(req, context.makeToken), cases: found.map((f) => f.view), now: context.now() }));
    });

    router.post("/appeal/:code", signIn, async (req, res) => {
      const found = await casesFor(req, context, configOf);
      if (!found) return notFound(req, res, context);
      const body = req.body as { decision?: unknown; appeal?: unknown };
      const key = typeof body.decision === "string" ? body.decision : "";
      const text = typeof body.appeal === "string" ? body.appeal.replaceAll("\r\n", "\n").trim() : "";
      const target = found.find((f) => f.view.decisions.some((d) => d.key === key));
      const decision = target?.view.decisions.find((d) => d.key === key);
      const again = (status: number, error: string) =>
        sendPage(res, status, AppealPage({ frame: frameOf(req, context.makeToken), cases: found.map((f) => f.view), now: context.now(), draft: { decisionKey: key, text, error } }));
      if (!target || !decision) return again(422, "Choose the decision to appeal from this page, then send your appeal again.");
      const problem = draftProblem(decision, target.view, text, context.now());
      if (problem) return again(422, problem);
      const account = req.session.account!;
      const limited = await context.limiter.consume(account.id);
      if (limited) return again(429, `You have sent many forms in the last hour. Wait ${Math.ceil(limited.retryAfterSeconds / 60)} minutes, then send it again; your text is kept below.`);

      const reviewers = target.config.appeals.team ? `@${target.subject.casesOwner}/${target.config.appeals.team}` : null;
      const filedAt = context.now();
      const recorded = await recordAppeal(
        context.db,
        { caseId: target.subject.id, decisionKey: key, appellant: account, body: text },
        (number) => ({
          actions: [{ kind: "case-comment", caseId: target.subject.id, body: appealFiledText({ name: appealName(number), decision, appellant: account.login, body: text, reviewers, filedAt }) }],
          audit: [{ actor: account.login, action: "appeal.filed", detail: { appeal: appealName(number), decision: decisionInWords(decision), characters: text.length } }],
        }),
        filedAt,
      );
      if (!recorded) return again(409, "This decision was appealed already: each decision can be appealed once. The appeal and its answer are shown on this page.");
      context.log.info("an appeal was filed on the appeal page");
      res.redirect(303, `/appeal/${target.view.code}#appeal-${appealName(recorded.number)}`);
    });
  };
}

function draftProblem(decision: AppealableDecision, view: CaseAppeals, text: string, now: Date): string | null {
  if (view.appeals.some((a) => a.decisionKey === decision.key)) return "This decision was appealed already: each decision can be appealed once.";
  if (!appealOpen(decision, now)) return "The time to appeal this decision has ended.";
  if (text === "") return "Write your appeal: say why the decision should change.";
  if ([...text].length > view.maxLength) return `Your appeal has ${[...text].length} characters; the limit is ${view.maxLength}. Shorten it and send it again.`;
  return null;
}

interface FoundCase {
  subject: SubjectCase;
  config: CocConfig;
  view: CaseAppeals;
}

/** The signed-in person's cases under the code, with what they can appeal; null when there are none. */
async function casesFor(req: Request, context: WebContext, configOf: ConfigOf): Promise<FoundCase[] | null> {
  const code = String(req.params.code ?? "");
  if (!CODE.test(code)) return null;
  const subjects = await casesOfSubject(context.db, code, req.session.account!);
  if (subjects.length === 0) return null;
  return Promise.all(
    subjects.map(async (subject) => {
      const config = await configOf({ owner: subject.casesOwner, repo: subject.casesRepo });
      const [facts, appeals] = await Promise.all([decisionFactsOf(context.db, subject.id), appealsOfCase(context.db, subject.id)]);
      // A decision voided or lifted after its appeal was filed (an overturn does that) still shows, with the appeal.
      const decisions = appealableDecisions(facts, config.appeals.window, new Set(appeals.map((a) => a.decisionKey)));
      return { subject, config, view: { code: subject.code, community: subject.casesOwner, decisions, appeals, maxLength: config.appeals.max_length } };
    }),
  );
}

function notFound(req: Request, res: Response, context: WebContext): void {
  sendPage(
    res,
    404,
    ErrorPage({
      frame: frameOf(req, context.makeToken),
      story: {
        title: "No decision about you under this code",
        message: "There is no case with this code about the GitHub account you are signed in with. Check the code in the notice you received, and that you signed in with the account it was sent to.",
      },
    }),
  );
}
