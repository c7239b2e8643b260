/**
 * A private report's receipt, for its reporter alone: the case code once the
 * case is opened ("being opened" until then), where the case stands
 * (received, acknowledged, decided, closed), the acknowledgement, and what the
 * committee's notices told the reporter. Nothing of the subject's other cases,
 * the committee's deliberation or other reporters.
 */
import { formatUtc } from "../../cases/case-state.js";
import { plainText } from "../../messages/safe-markdown.js";
import type { Receipt } from "../../store/private-reports.js";
import { reportLinks } from "../../store/private-reports.js";
import { Layout, type Frame } from "./layout.js";

/** Where a report stands, in the four words the reporter is shown. */
export type ReportStanding = "received" | "acknowledged" | "decided" | "closed";

export function standingOf(state: string | undefined): ReportStanding {
  if (state === "acknowledged" || state === "decision_proposed") return "acknowledged";
  if (state === "decided" || state === "closed") return state;
  return "received";
}

const STANDING_TEXT: Record<ReportStanding, string> = {
  received: "Received: the committee has not acknowledged it yet.",
  acknowledged: "Acknowledged: the committee is working on it.",
  decided: "Decided: the committee has reached a decision.",
  closed: "Closed: the case is finished.",
};

export function ReceiptPage(props: { frame: Frame; receipt: Receipt; safety: string | null; justSent: boolean }) {
  const { report, notices } = props.receipt;
  const standing = standingOf(report.case?.state);
  return (
    <Layout title="Your private report" frame={props.frame}>
      {props.justSent && <p role="status">Thank you: your report was received. Keep this page's address to come back to it; only you can open it, signed in as now.</p>}
      {report.status === "failed" && (
        <p role="alert">
          The app could not open a case from this report: {report.failure} It is kept here. Please tell the committee through
          the contact given in your community's Code of Conduct.
        </p>
      )}
      <dl class="facts">
        <dt>Sent</dt>
        <dd>{formatUtc(report.createdAt)}</dd>
        <dt>Case</dt>
        <dd>{report.case ? report.case.code : report.status === "failed" ? "not opened" : "being opened: reload this page in a moment"}</dd>
        <dt>Status</dt>
        <dd>{report.status === "failed" ? "Not filed." : STANDING_TEXT[standing]}</dd>
        {report.case?.acknowledgedAt && (
          <>
            <dt>Acknowledged</dt>
            <dd>{formatUtc(report.case.acknowledgedAt)}</dd>
          </>
        )}
      </dl>
      {props.safety && (
        <div class="safety" role="note">
          <h2>If someone is in danger</h2>
          <p>{props.safety}</p>
        </div>
      )}
      <h2>Messages from the committee</h2>
      {notices.length === 0 ? (
        <p>None yet. You will find them here, and the committee may also reach you by email or in another way.</p>
      ) : (
        <ul>
          {notices.map((notice) => (
            <li>
              <p class="aside">{formatUtc(notice.at)}</p>
              <blockquote>{plainText(notice.body)}</blockquote>
            </li>
          ))}
        </ul>
      )}
      <h2>What you sent</h2>
      <blockquote>{report.whatHappened}</blockquote>
      <ul>
        {reportLinks(report).map((link) => (
          <li>{link}</li>
        ))}
      </ul>
    </Layout>
  );
}
