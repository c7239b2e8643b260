/**
 * Organization blocks in the in-memory fake, as GitHub keeps them: who each
 * organization blocks. Tests can take the app's `organization_user_blocking`
 * permission away, make an account a person's, or make GitHub refuse to block
 * someone (a member of the organization).
 */
import type { InMemoryFaults } from "./in-memory-faults.js";
import type { BlockAnswer, BlockRefusal } from "./port.js";

export type BlockWrite = { verb: "block"; org: string; login: string } | { verb: "unblock"; org: string; login: string };

export class InMemoryBlocks {
  /** `org` → blocked logins, lower-cased. */
  readonly blocked = new Map<string, Set<string>>();
  permitted = true;
  /** Accounts that are people, not organizations. */
  readonly userAccounts = new Set<string>();
  /** `org/login` of people GitHub will not block (members of the organization). */
  readonly unblockable = new Set<string>();

  constructor(
    private readonly faults: InMemoryFaults,
    private readonly record: (write: BlockWrite) => void,
  ) {}

  isBlocked(org: string, login: string): boolean {
    return this.blocked.get(org.toLowerCase())?.has(login.toLowerCase()) ?? false;
  }

  async block(org: string, login: string): Promise<BlockAnswer<{ already: boolean }>> {
    this.faults.called("blockUser");
    const refused = this.refusal(org);
    if (refused) return refused;
    if (this.isBlocked(org, login)) return { ok: true, value: { already: true } };
    if (this.unblockable.has(`${org}/${login}`.toLowerCase())) return { ok: false, refusal: "cannot-block", message: "Validation Failed: blocking an organization member is not allowed" };
    const set = this.blocked.get(org.toLowerCase()) ?? new Set<string>();
    this.blocked.set(org.toLowerCase(), set.add(login.toLowerCase()));
    this.record({ verb: "block", org: org.toLowerCase(), login: login.toLowerCase() });
    return { ok: true, value: { already: false } };
  }

  async unblock(org: string, login: string): Promise<BlockAnswer<null>> {
    this.faults.called("unblockUser");
    const refused = this.refusal(org);
    if (refused) return refused;
    this.blocked.get(org.toLowerCase())?.delete(login.toLowerCase());
    this.record({ verb: "unblock", org: org.toLowerCase(), login: login.toLowerCase() });
    return { ok: true, value: null };
  }

  async list(org: string): Promise<BlockAnswer<string[]>> {
    this.faults.called("listBlockedUsers");
    const refused = this.refusal(org);
    if (refused) return refused;
    return { ok: true, value: [...(this.blocked.get(org.toLowerCase()) ?? [])] };
  }

  private refusal(org: string): { ok: false; refusal: BlockRefusal; message: string } | null {
    if (this.userAccounts.has(org.toLowerCase())) return { ok: false, refusal: "not-an-organization", message: "Not Found" };
    if (!this.permitted) return { ok: false, refusal: "no-permission", message: "Resource not accessible by integration" };
    return null;
  }
}
