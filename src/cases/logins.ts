/**
 * GitHub logins as the committee types them: `@Octocat`, `octocat` and
 * `OCTOCAT` are one person, because GitHub treats logins case-insensitively
 * and people copy them with or without the `@`.
 */

/** The form logins are compared in: no leading `@`, lower case. */
export function loginKey(login: string): string {
  return login.trim().replace(/^@/, "").toLowerCase();
}

export function sameLogin(a: string, b: string): boolean {
  return loginKey(a) === loginKey(b);
}

/** Logins once each, first spelling kept, in the order given. */
export function uniqueLogins(logins: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const login of logins) {
    const key = loginKey(login);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    unique.push(login.trim().replace(/^@/, ""));
  }
  return unique;
}
