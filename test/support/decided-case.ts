/**
 * A decided case for the appeal tests: the committee case of committee-case.ts
 * (troll-tom's flagged comment), acknowledged and decided `warning` by one
 * member (`quorum: single`), and the app's pages served over HTTP on the same
 * database and in-memory GitHub, for the subject to appeal from.
 */
import { afterEach, beforeEach } from "vitest";
import type { TrustedConfigOptions } from "../../src/config/trusted-config.js";
import { MEMBER, useCommitteeCase } from "./committee-case.js";
import { startPagesServer, type PagesServer } from "./pages-server.js";

export function useDecidedCase(options: { settings?: TrustedConfigOptions } = {}) {
  const committee = useCommitteeCase(options);
  let pages: PagesServer;
  beforeEach(async () => {
    committee.github.configs.set("acme/.github", { committee: { quorum: "single" } });
    await committee.refreshConfig();
    await committee.inCase("/coc ack");
    await committee.inCase("/coc propose warning repeated insults in the thread", MEMBER);
    pages = await startPagesServer({ db: committee.database.db, github: committee.github });
  });
  afterEach(async () => {
    await pages.stop();
  });
  return {
    committee,
    /** The app's pages, for this test. */
    get pages() {
      return pages;
    },
  };
}
