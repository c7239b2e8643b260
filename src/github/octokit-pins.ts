/**
 * Pins an issue at the top of its repository's issue list (GraphQL
 * `pinIssue`), for the ban register. GitHub pins at most three issues per
 * repository; when that is full, or pinning is refused, the issue simply stays
 * unpinned: it is still found by its label.
 */
import type { ProbotOctokit } from "probot";
import type { RepoRef } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

const PIN = `mutation Pin($id: ID!) {
  pinIssue(input: { issueId: $id }) { issue { id } }
}`;

/** @returns whether the issue is pinned now */
export async function pinIssue(octokit: Octokit, { owner, repo }: RepoRef, issueNumber: number): Promise<boolean> {
  const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: issueNumber });
  try {
    await octokit.graphql(PIN, { id: data.node_id });
    return true;
  } catch (error) {
    // A GraphQL refusal (the pins are full, or pinning is not allowed here) is final; a failed request is retried.
    const errors = (error as { errors?: Array<{ type?: string }> }).errors;
    // GitHub's rate limit comes back as a GraphQL error too: that one is retried.
    if (Array.isArray(errors) && errors.length > 0 && !errors.some((e) => e.type === "RATE_LIMITED")) return false;
    throw error;
  }
}
