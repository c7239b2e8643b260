/**
 * Sends a page: server-rendered HTML, escaped by Preact, never cached (pages
 * show a person's own case).
 */
import type { Response } from "express";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

export function sendPage(res: Response, status: number, page: VNode): void {
  res.status(status).set({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).send(`<!DOCTYPE html>${renderToString(page)}`);
}
