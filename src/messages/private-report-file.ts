/**
 * What a case file shows of a report sent through the private report form:
 * whether someone is in danger and the conduct goes on, the reporter's wish
 * to stay unknown to the subject, the committee members they asked to exclude,
 * and everything they wrote, quoted inertly (fenced, or escaped on one line),
 * so that nothing a reporter types can mention, link or pass for the app's own
 * words.
 */
import type { StoredPrivateReport } from "../store/private-reports.js";
import { excludedLogins, reportLinks } from "../store/private-reports.js";
import type { Block } from "./message-packer.js";
import { inlineSafe, quietLogin, quietUrl } from "./safe-markdown.js";

const ONGOING: Record<string, string> = { yes: "yes", no: "no", unsure: "the reporter is not sure" };

export function privateReportBlocks(report: StoredPrivateReport): Block[] {
  const excluded = excludedLogins(report);
  const links = reportLinks(report);
  const facts = [
    "",
    "#### Sent through the private report form",
    "",
    ...(report.inDanger ? ["**The reporter says someone is in danger.** They were shown the community's safety guidance."] : []),
    ...(report.inDanger ? [""] : []),
    `- Someone in danger: ${report.inDanger ? "yes" : "no"}`,
    `- Still going on: ${ONGOING[report.ongoing] ?? "not said"}`,
    `- When: ${inlineSafe(report.happenedWhen)}`,
    report.anonymous
      ? "- Anonymity: **the reporter asks not to be named to the subject.** The app never names reporters in its notices to the subject; keep to it in anything the committee writes or says."
      : "- Anonymity: not asked for.",
    excluded.length > 0
      ? `- Committee members the reporter asked to exclude (recused in this case): ${excluded.map(quietLogin).join(", ")}`
      : "- Committee members the reporter asked to exclude: none",
    `- Links given (${links.length}):`,
    ...links.map((link) => `  - ${quietUrl(link)}`),
    "",
    "**What happened**, as the reporter wrote it:",
    "",
  ].join("\n");
  return [
    { kind: "text", text: facts },
    { kind: "evidence", text: report.whatHappened },
    { kind: "text", text: "\n**People involved and witnesses**, as the reporter wrote it:\n" },
    { kind: "evidence", text: report.people },
    { kind: "text", text: "\n**The outcome the reporter would like**, as they wrote it:\n" },
    { kind: "evidence", text: report.desiredOutcome },
  ];
}
