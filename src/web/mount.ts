/**
 * Puts the pages on Probot's own HTTP server, beside the webhooks and
 * `/ping`: a handler that takes the paths of the pages and leaves every other
 * path to Probot (which answers 404).
 */
import type { Express } from "express";
import type { ApplicationFunctionOptions } from "probot";

type Handler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];

const PAGE_PATH = /^\/(?:appeal|report)(?:\/|$)|^\/(?:auth|assets)\//;

export function pagesHandler(web: Express): Handler {
  return (req, res) => {
    const path = (req.url ?? "").split("?", 1)[0] ?? "";
    if (!PAGE_PATH.test(path)) return false;
    web(req as never, res as never);
    return true;
  };
}
