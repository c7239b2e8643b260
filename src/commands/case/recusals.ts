/**
 * Who is recused from a case: members who recused themselves (`/coc recuse`),
 * and, automatically, the subject, every reporter and every affected party
 * (`/coc affected`). Logins compare without regard to case.
 */
import type { CaseRecord } from "../../store/case-records.js";

export function isRecused(caseFile: Pick<CaseRecord, "recusals" | "affectedParties" | "subjectLogin" | "reports">, login: string): boolean {
  const wanted = login.toLowerCase();
  return (
    caseFile.recusals.some((r) => r.login === wanted) ||
    caseFile.affectedParties.some((p) => p.login === wanted) ||
    caseFile.subjectLogin.toLowerCase() === wanted ||
    caseFile.reports.some((r) => r.reporterLogin.toLowerCase() === wanted)
  );
}
