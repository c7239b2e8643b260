/** Who is recused from a case, as the case record says. Logins compare without regard to case. */
import type { CaseRecord } from "../../store/case-records.js";

export function isRecused(caseFile: Pick<CaseRecord, "recusals">, login: string): boolean {
  const wanted = login.toLowerCase();
  return caseFile.recusals.some((r) => r.login === wanted);
}
