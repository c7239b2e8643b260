/**
 * The dependencies a test's own worker runs jobs with: the app's wiring
 * (src/app-deps.ts) around a test's GitHub, with a quiet log.
 */
import type { Logger } from "probot";
import type { WorkerDeps } from "../../src/actions/worker.js";
import { buildAppDeps } from "../../src/app-deps.js";
import type { GitHubGateway } from "../../src/github/port.js";
import type { Database } from "../../src/store/database.js";
import { quietLog } from "./probot-harness.js";

export function workerDeps(db: Database, gateway: GitHubGateway, log: Logger = quietLog as never): WorkerDeps {
  return buildAppDeps({ db, gateway, webHost: "github.com", log }).deps;
}
