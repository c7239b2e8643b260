/**
 * The world the stand-in tests start from: organisation "acme" with a public
 * `widgets` repository, a private `coc-cases` repository, a moderator, an
 * abusive comment on widgets#7 and the moderator's `/coc flag` command for it.
 */
import type { StandInWorld } from "./github-stand-in-world.js";

export function seedFlaggedComment(world: StandInWorld, abuse: { body: string; edits?: Array<{ editedAt: string; editor: string; diff: string }> }) {
  world.addAccount("acme", { installationId: 4242 });
  const widgets = world.addRepository("acme", "widgets", { private: false });
  const cases = world.addRepository("acme", "coc-cases", { private: true });
  world.setPermission(widgets, "mod-maria", "maintain");
  const comment = world.addIssueComment(widgets, 7, { author: "troll-tom", ...abuse });
  const link = `https://github.com/acme/widgets/issues/7#issuecomment-${comment.id}`;
  const command = world.addIssueComment(widgets, 7, { author: "mod-maria", body: `/coc flag ${link} personal attack`, id: 9001, nodeId: "IC_command9001" });
  return { widgets, cases, abuse: comment, command };
}
