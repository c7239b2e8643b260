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

const TYPED_LOGIN = /^@?([A-Za-z0-9][A-Za-z0-9_-]{0,38})$/;

/** The login in a word a committee member typed (`@octocat` or `octocat`); null when the word is not one. */
export function typedLogin(word: string): string | null {
  return TYPED_LOGIN.exec(word)?.[1] ?? null;
}
