/**
 * The sets of pages the app serves; each adds its own routes.
 */
import type { WebPages } from "./web-app.js";

export const APP_PAGE_SETS: WebPages[] = [];
