/**
 * The sets of pages the app serves; each adds its own routes.
 */
import { appealPages, type ConfigOf } from "./appeal-routes.js";
import type { WebPages } from "./web-app.js";

export interface PageSetDeps {
  configOf: ConfigOf;
}

export function appPageSets(deps: PageSetDeps): WebPages[] {
  return [appealPages(deps.configOf)];
}
