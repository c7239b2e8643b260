/**
 * The sets of pages the app serves; each adds its own routes.
 */
import { appealPages } from "./appeal-routes.js";
import { reportPages } from "./report-routes.js";
import type { WebPages } from "./web-app.js";

export const APP_PAGE_SETS: WebPages[] = [appealPages, reportPages];
