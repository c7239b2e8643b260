/**
 * The job that files a private report: it opens or joins the case about the
 * report's first content link exactly as `/coc flag` of that link would (the
 * content hidden first, its evidence and edit history kept), with the signed-in
 * reporter as the reporter, their account of what happened in the case file,
 * and the committee members they excluded recused. When it cannot be filed
 * (the content is gone, the app is not installed there any more), the receipt
 * says so.
 */
import type { JobAttempt } from "../actions/job-queue.js";
import { runActionsNow } from "../actions/run-action-task.js";
import type { WorkerDeps } from "../actions/worker.js";
import { reportContent } from "../commands/report-content.js";
import { UserError } from "../commands/user-error.js";
import { loadTrustedConfig } from "../config/trusted-config.js";
import { describeError } from "../errors/describe-error.js";
import type { GitHubPort } from "../github/port.js";
import { linkPrivateReport, loadPrivateReport, markPrivateReportFailed, privateReportKey, reportLinks } from "../store/private-reports.js";
import { firstContentLink } from "./report-form.js";

export function makeFilePrivateReportTask(deps: WorkerDeps) {
  return async function filePrivateReport(payload: unknown, attempt: JobAttempt): Promise<void> {
    const id = (payload as { id?: unknown }).id;
    if (typeof id !== "string") throw new Error("file-private-report job without an id");
    const report = await loadPrivateReport(deps.db, id);
    if (!report || report.status !== "received") return;
    const log = deps.log.child({ privateReport: id });
    const fail = (why: string) => markPrivateReportFailed(deps.db, id, why, deps.now());
    const content = firstContentLink(reportLinks(report), deps.webHost);
    if (!content) return fail(`none of its links points to an issue, pull request, comment or review on ${deps.webHost}.`);
    try {
      const github = await installationFor(deps, content.target);
      if (!github) return fail("the app is not installed on the repository of its first link.");
      const config = await loadTrustedConfig(github, content.target, deps.settings);
      if (!config.ok) return fail("the Code of Conduct settings of that repository cannot be read.");
      if (!config.config.enabled) return fail("the app is turned off in that repository.");
      const now = deps.now();
      await reportContent(
        { db: deps.db, gateway: deps.gateway, github, config: config.config, webHost: deps.webHost, now, runNow: (ids) => runActionsNow(deps, ids) },
        {
          target: content.target,
          reporterLogin: report.reporterLogin,
          reason: "",
          reportKey: privateReportKey(id),
          sourceUrl: content.link,
          source: "form",
          command: null,
          alsoRecord: (tx, outcome) => linkPrivateReport(tx, report, outcome, now),
        },
      );
    } catch (error) {
      if (error instanceof UserError) return fail(error.message);
      log.error(describeError(error), "a private report could not be filed yet");
      if (attempt.attempts < attempt.maxAttempts) throw error;
      return fail("the app could not reach GitHub for a long time.");
    }
  };
}

async function installationFor(deps: WorkerDeps, repo: { owner: string; repo: string }): Promise<GitHubPort | null> {
  try {
    return await deps.gateway.forRepository(repo);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
