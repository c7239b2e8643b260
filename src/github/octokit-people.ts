/**
 * Who people are on GitHub, over REST: what they may do in a repository, which
 * account a login names now, whether they are in a team, and the email they
 * show on their public profile, the only address the app ever emails.
 */
import type { ProbotOctokit } from "probot";
import { isNotFound } from "./octokit-errors.js";
import type { AccountPermission, RepoPermission, RepoRef } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export async function readPermission(octokit: Octokit, { owner, repo }: RepoRef, login: string): Promise<RepoPermission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    return permissionOf(data);
  } catch (error) {
    if (isNotFound(error)) return "none";
    throw error;
  }
}

export async function readAccountPermission(octokit: Octokit, { owner, repo }: RepoRef, login: string): Promise<AccountPermission | null> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    const accountId = data.user?.id;
    if (typeof accountId !== "number") throw new Error("GitHub did not say whose permission it answered");
    return { permission: permissionOf(data), accountId };
  } catch (error) {
    // GitHub answers an account that is no collaborator with "none"; 404 means no account has the login.
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function readLoginOfAccount(octokit: Octokit, accountId: number): Promise<string | null> {
  try {
    const { data } = await octokit.rest.users.getById({ account_id: accountId });
    return data.login;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** GitHub gives `email` only when the person chose to show it on their profile, else null, whoever asks. */
export async function readPublicEmail(octokit: Octokit, login: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.users.getByUsername({ username: login });
    return typeof data.email === "string" && data.email.trim() !== "" ? data.email.trim() : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function readTeamMembership(octokit: Octokit, org: string, teamSlug: string, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username: login });
    return data.state === "active";
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export async function readTeamMembers(octokit: Octokit, org: string, teamSlug: string): Promise<string[]> {
  try {
    const members = await octokit.paginate(octokit.rest.teams.listMembersInOrg, { org, team_slug: teamSlug, per_page: 100 });
    return members.map((member) => member.login);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** role_name tells maintain and triage apart (`permission` folds them into write and read); a custom role counts as its base `permission`. */
function permissionOf(data: { role_name: string; permission: string }): RepoPermission {
  const role = ["maintain", "triage"].includes(data.role_name) ? data.role_name : data.permission;
  return (["admin", "maintain", "write", "triage", "read"] as const).find((known) => known === role) ?? "none";
}
