/**
 * Finds the installation that can act on a repository and hands out a port for
 * it. A flag may point into another repository, and the cases repository may
 * belong to another account, so actions resolve their installation by repo.
 */
import type { Probot } from "probot";
import { OctokitGitHub } from "./octokit-adapter.js";
import type { AppIdentity, GitHubGateway, GitHubPort, RepoRef } from "./port.js";

export class ProbotGitHubGateway implements GitHubGateway, AppIdentity {
  /** owner login (lower-case) → installation id; installations are per account. */
  private readonly installations = new Map<string, number>();
  private login: Promise<string> | undefined;

  constructor(private readonly app: Pick<Probot, "auth">) {}

  /** Webhooks name their installation; remembering it saves a lookup. */
  remember(owner: string, installationId: number): void {
    this.installations.set(owner.toLowerCase(), installationId);
  }

  async forRepository({ owner, repo }: RepoRef): Promise<GitHubPort> {
    const key = owner.toLowerCase();
    let installationId = this.installations.get(key);
    if (installationId === undefined) {
      const appOctokit = await this.app.auth();
      const { data } = await appOctokit.rest.apps.getRepoInstallation({ owner, repo });
      installationId = data.id;
      this.installations.set(key, installationId);
    }
    const octokit = await this.app.auth(installationId);
    return new OctokitGitHub(octokit, this, await this.unpacedReader(installationId));
  }

  /**
   * The same installation's Octokit for GraphQL queries, without the throttling
   * plugin: it paces every GraphQL request 1 s apart per installation, queries
   * included, as if they were writes (GitHub asks that of writes only), which
   * would hold back the writes that hide abusive content. Built the way Probot
   * builds an installation's Octokit, with the same options and retries, pacing
   * off.
   */
  private async unpacedReader(installationId: number): Promise<Pick<Octokit, "graphql">> {
    const appOctokit = await this.app.auth();
    return (await appOctokit.auth({
      type: "installation",
      installationId,
      factory: ({ octokit, octokitOptions, ...otherOptions }: InstallationFactoryOptions) => {
        const Reader = octokit.constructor as new (options: Record<string, unknown>) => Octokit;
        return new Reader({ ...octokitOptions, throttle: { enabled: false }, auth: { ...octokitOptions.auth, otherOptions, installationId } });
      },
    })) as Octokit;
  }

  /** Asked of GitHub once (as the app) and only when needed: after a create whose answer was lost. */
  botLogin(): Promise<string> {
    this.login ??= this.app
      .auth()
      .then((appOctokit) => appOctokit.rest.apps.getAuthenticated())
      .then(({ data }) => {
        if (!data?.slug) throw new Error("GitHub did not say the app's slug");
        return `${data.slug}[bot]`;
      });
    // A failed lookup is asked again next time rather than remembered.
    this.login.catch(() => (this.login = undefined));
    return this.login;
  }
}

type Octokit = Awaited<ReturnType<Probot["auth"]>>;

interface InstallationFactoryOptions {
  octokit: Octokit;
  octokitOptions: Record<string, unknown> & { auth?: Record<string, unknown> };
}
