/**
 * GitHub accounts in the in-memory fake: a login names an account with a
 * stable id, and a rename leaves the old login naming nobody while the id
 * stays. Tests use it to act out a subject who renames their account, and to
 * give a person a public email on their profile.
 */

/** The account id the fake gives a login it has not seen renamed: stable, so test content can carry it. */
export function fakeAccountId(login: string): number {
  let hash = 7;
  for (const char of login.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_007;
  return hash;
}

export class InMemoryAccounts {
  /** Logins renamed away (no account has them now), and accounts by their login after a rename. */
  private readonly renamedAway = new Set<string>();
  private readonly renamedTo = new Map<string, number>();
  private readonly seen = new Map<number, string>();
  private readonly publicEmails = new Map<number, string>();

  /** @returns the renamed account's id */
  rename(from: string, to: string): number {
    const id = this.idOf(from);
    if (id === null) throw new Error(`no account ${from}`);
    this.renamedAway.add(from.toLowerCase());
    this.renamedTo.set(to.toLowerCase(), id);
    return id;
  }

  /** The id of the account that has this login now; null when none has. */
  idOf(login: string): number | null {
    const lower = login.toLowerCase();
    if (this.renamedAway.has(lower)) return null;
    const id = this.renamedTo.get(lower) ?? fakeAccountId(lower);
    this.seen.set(id, lower);
    return id;
  }

  /** Kept by account, as on GitHub: the email follows the person through a rename. */
  setPublicEmail(login: string, email: string | null): void {
    const id = this.idOf(login);
    if (id === null) throw new Error(`no account ${login}`);
    if (email === null) this.publicEmails.delete(id);
    else this.publicEmails.set(id, email);
  }

  publicEmailOf(login: string): string | null {
    const id = this.idOf(login);
    return id === null ? null : (this.publicEmails.get(id) ?? null);
  }

  /** The login an account has now, as far as the fake has seen it. */
  loginOf(accountId: number): string | null {
    for (const [login, id] of this.renamedTo) if (id === accountId) return login;
    const login = this.seen.get(accountId);
    return login !== undefined && !this.renamedAway.has(login) ? login : null;
  }
}
