/**
 * The private report pages. `GET /report` shows the form to someone signed in
 * with GitHub; `POST /report` checks it, keeps the report in the database at
 * once with the job that files it, and sends the reporter to their receipt,
 * `/report/<receipt id>`, which only they can open: for anyone else it is the
 * same "page not found" as an address that never existed.
 */
import type { Request, Response } from "express";
import { DEFAULT_SAFETY_GUIDANCE, MAX_ACCOUNT_LENGTH } from "../config/reports-schema.js";
import { communityOf, type Community } from "../reports/community-settings.js";
import { checkReportForm, emptyReportForm, firstContentLink, readReportForm, type FieldErrors, type ReportFormValues } from "../reports/report-form.js";
import { loadReceipt, recordPrivateReport, reportLinks } from "../store/private-reports.js";
import { frameOf } from "./frame.js";
import { ErrorPage } from "./pages/notice-pages.js";
import { ReceiptPage } from "./pages/receipt-page.js";
import { ReportFormPage } from "./pages/report-form-page.js";
import { sendPage } from "./render.js";
import type { WebContext, WebPages } from "./web-app.js";

const PURPOSE = "Sign in with GitHub to report conduct to the conduct committee privately, or to see a report you sent.";

/** What a form error says when the community behind the link cannot take reports through the app. */
const COMMUNITY_PROBLEM: Record<Exclude<Community["kind"], "ok" | "unknown">, string> = {
  "not-installed": "The app is not installed on the repository of the first link to GitHub content, so it cannot open a case there.",
  "turned-off": "The app is turned off in the repository of the first link to GitHub content, so it cannot open a case there.",
  "invalid-config": "The Code of Conduct settings of the repository of the first link cannot be read just now, so no case can be opened there.",
};
const ELSEWHERE = " Write to the contact given in your community's Code of Conduct instead.";

export const reportPages: WebPages = (router, context) => {
  const signedIn = context.requireAccount(PURPOSE);
  const form = (req: Request, res: Response, status: number, values: ReportFormValues, errors: FieldErrors, reports = DEFAULTS) =>
    sendPage(res, status, ReportFormPage({ frame: frameOf(req, context.makeToken), values, errors, maxLength: reports.max_length, safety: reports.safety, webHost: context.app.webHost }));

  router.get("/report", signedIn, (req, res) => form(req, res, 200, emptyReportForm(), {}));

  router.post("/report", signedIn, async (req, res) => {
    const account = req.session.account!;
    const values = readReportForm(req.body);
    const checked = checkReportForm(values, { webHost: context.app.webHost, maxLength: MAX_ACCOUNT_LENGTH });
    if (!checked.ok) return form(req, res, 422, values, checked.errors);
    // Counted only for reports that are complete: each one asks GitHub about its repository.
    const refusal = await context.limiter.consume(account.id);
    if (refusal) return tooMany(req, res, context, values, refusal.retryAfterSeconds);
    const community = await communityOf(context.app, checked.target);
    if (community.kind !== "ok" && community.kind !== "unknown") return form(req, res, 422, values, { where: COMMUNITY_PROBLEM[community.kind] + ELSEWHERE });
    // The community may ask for a shorter account than the form's own limit.
    const again = checkReportForm(values, { webHost: context.app.webHost, maxLength: community.reports.max_length });
    if (!again.ok) return form(req, res, 422, values, again.errors, community.reports);
    const id = await recordPrivateReport(context.db, { accountId: account.id, login: account.login }, again.fields, context.now());
    context.app.wakeWorker();
    res.redirect(303, `/report/${id}?sent=1`);
  });

  router.get("/report/:id", signedIn, async (req, res, next) => {
    const receipt = await loadReceipt(context.db, String(req.params.id), req.session.account!.id);
    // Someone else's receipt is answered exactly as an address that does not exist.
    if (!receipt) return next();
    const content = receipt.report.inDanger ? firstContentLink(reportLinks(receipt.report), context.app.webHost) : null;
    const community = content ? await communityOf(context.app, content.target) : null;
    const safety = !receipt.report.inDanger ? null : community && "reports" in community ? community.reports.safety : DEFAULT_SAFETY_GUIDANCE;
    sendPage(res, 200, ReceiptPage({ frame: frameOf(req, context.makeToken), receipt, safety, justSent: req.query.sent === "1" }));
  });
};

const DEFAULTS = { max_length: MAX_ACCOUNT_LENGTH, safety: DEFAULT_SAFETY_GUIDANCE };

function tooMany(req: Request, res: Response, context: WebContext, values: ReportFormValues, retryAfterSeconds: number): void {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  res.set("retry-after", String(retryAfterSeconds));
  sendPage(
    res,
    429,
    ErrorPage({
      frame: frameOf(req, context.makeToken),
      story: {
        title: "Too many reports for now",
        message: `You have sent many reports in the last hour, so this one was not sent. Please send it again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}; if someone is in danger, use the contact given in your community's Code of Conduct now.`,
        unsent: values.what_happened.trim() === "" ? undefined : values.what_happened,
        next: { href: "/report", label: "Open the report form" },
      },
    }),
  );
}
