/**
 * The report settings of the community a report is about: read from the
 * trusted configuration of the repository its first content link is in, the
 * way `/coc flag` reads it. A report is never refused because GitHub cannot be
 * reached: the defaults apply meanwhile, and the job that files it asks again.
 */
import type { ContentRef } from "../commands/content-link.js";
import { defaultCocConfig, type CocConfig } from "../config/schema.js";
import { loadTrustedConfig, type TrustedConfigOptions } from "../config/trusted-config.js";
import type { GitHubGateway } from "../github/port.js";

export type Community =
  | { kind: "ok"; reports: CocConfig["reports"] }
  /** GitHub could not be asked now: the defaults, and the job finds out. */
  | { kind: "unknown"; reports: CocConfig["reports"] }
  | { kind: "not-installed" | "turned-off" | "invalid-config" };

export async function communityOf(access: { gateway: GitHubGateway; configOptions: TrustedConfigOptions }, target: ContentRef): Promise<Community> {
  const unknown: Community = { kind: "unknown", reports: defaultCocConfig().reports };
  try {
    const github = await access.gateway.forRepository(target);
    const config = await loadTrustedConfig(github, target, access.configOptions);
    if (!config.ok) return { kind: "invalid-config" };
    if (!config.config.enabled) return { kind: "turned-off" };
    return { kind: "ok", reports: config.config.reports };
  } catch (error) {
    return (error as { status?: number }).status === 404 ? { kind: "not-installed" } : unknown;
  }
}
