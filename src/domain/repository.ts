/**
 * A repository as the app's core names it: by owner and name, as GitHub
 * spells them (GitHub compares them without regard to case).
 */
export interface RepoRef {
  owner: string;
  repo: string;
}
