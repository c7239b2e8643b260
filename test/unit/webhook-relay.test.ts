/**
 * WEBHOOK_PROXY_URL under the app's own server: the relay is started from the
 * channel to the app's webhook path, delivers what the channel sends, and is
 * stopped with the server. The last test runs smee-client itself against a
 * channel served on loopback, the way smee.io serves one.
 */
import { sign } from "@octokit/webhooks-methods";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RelayOptions } from "../../src/server/webhook-relay.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { WEBHOOK_SECRET } from "../support/probot-harness.js";
import { credentials, startTestServer, type ServerHarness } from "../support/server-harness.js";

const CHANNEL = "https://smee.io/RelayTestChannel";

/** Records what the server asked of its relay. */
class RecordingRelay {
  static made: RecordingRelay[] = [];
  state: "created" | "started" | "stopped" = "created";
  constructor(readonly options: RelayOptions) {
    RecordingRelay.made.push(this);
  }
  async start() {
    this.state = "started";
  }
  async stop() {
    this.state = "stopped";
  }
}

class UnreachableRelay extends RecordingRelay {
  override async start(): Promise<void> {
    throw Object.assign(new Event("error"), { message: "getaddrinfo ENOTFOUND smee.io" });
  }
}

describe("the webhook relay", () => {
  let server: ServerHarness | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    RecordingRelay.made = [];
  });

  it("relays WEBHOOK_PROXY_URL to the app's webhook path and stops with the server", async () => {
    server = await startTestServer({
      appFn: () => {},
      env: (port) => ({ ...credentials(port), WEBHOOK_PROXY_URL: CHANNEL }),
      extra: { Relay: RecordingRelay },
    });
    expect(RecordingRelay.made.map((relay) => [relay.options.source, relay.options.target, relay.state])).toEqual([
      [CHANNEL, `http://127.0.0.1:${server.port}/api/github/webhooks`, "started"],
    ]);

    await server.stop();
    expect(RecordingRelay.made[0]!.state).toBe("stopped");
    await expect(fetch(`${server.url}/ping`)).rejects.toThrow(); // and the server no longer answers
    server = undefined;
  });

  it("follows WEBHOOK_PATH", async () => {
    server = await startTestServer({
      appFn: () => {},
      env: (port) => ({ ...credentials(port), WEBHOOK_PROXY_URL: CHANNEL, WEBHOOK_PATH: "/hooks" }),
      extra: { Relay: RecordingRelay },
    });
    expect(RecordingRelay.made.map((relay) => relay.options.target)).toEqual([`http://127.0.0.1:${server.port}/hooks`]);
  });

  it("starts no relay without WEBHOOK_PROXY_URL, nor during the setup flow", async () => {
    server = await startTestServer({ appFn: () => {}, extra: { Relay: RecordingRelay } });
    await server.stop();
    server = await startTestServer({
      appFn: () => {},
      env: (port) => ({ HOST: "127.0.0.1", PORT: String(port), WEBHOOK_PROXY_URL: CHANNEL }),
      // The setup flow would create a channel of its own; here it cannot reach one, and carries on without.
      extra: { Relay: RecordingRelay, createChannel: () => Promise.reject(new Error("offline")) },
    });
    expect(RecordingRelay.made).toEqual([]);
  });

  it("stops the app from starting, with a clear message, when the channel cannot be reached", async () => {
    let port = 0;
    await expect(
      startTestServer({
        appFn: () => {},
        env: (p) => ({ ...credentials((port = p)), WEBHOOK_PROXY_URL: CHANNEL }),
        extra: { Relay: UnreachableRelay },
      }),
    ).rejects.toThrow("The webhook relay did not connect to WEBHOOK_PROXY_URL: getaddrinfo ENOTFOUND smee.io");
    expect(RecordingRelay.made[0]!.state).toBe("stopped");
    await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();
  });

  describe("with smee-client", () => {
    let channel: Server | undefined;
    afterEach(async () => {
      channel?.closeAllConnections();
      await new Promise((resolve) => channel?.close(resolve) ?? resolve(undefined));
    });

    it("delivers a webhook sent to the channel, and disconnects on stop", async () => {
      // A channel as smee.io serves it: server-sent events, one per webhook, headers and body as JSON.
      let subscriber: ServerResponse | undefined;
      let disconnected = false;
      channel = createServer((request, response) => {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        response.write(": ready\n\n");
        subscriber = response;
        request.on("close", () => (disconnected = true));
      });
      await new Promise<void>((resolve) => channel!.listen(0, "127.0.0.1", resolve));
      const source = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/RelayTestChannel`;

      const received: string[] = [];
      server = await startTestServer({
        appFn: (app) => app.on("issue_comment.created", async (context) => void received.push(context.id)),
        // startServer relays any URL; only the settings check insists on https.
        env: (port) => ({ ...credentials(port), WEBHOOK_PROXY_URL: source }),
      });
      expect(subscriber).toBeDefined();

      const payload = issueCommentCreated({ body: "/coc flag" });
      const body = JSON.stringify(payload);
      const headers = { "x-github-event": "issue_comment", "x-github-delivery": "relayed-1", "x-hub-signature-256": await sign(WEBHOOK_SECRET, body) };
      subscriber!.write(`data: ${JSON.stringify({ ...headers, body: payload })}\n\n`);

      const relayed = await server.waitForLine((line) => line.name === "relay" && /^POST /.test(line.msg ?? ""));
      expect(relayed.msg).toBe(`POST http://127.0.0.1:${server.port}/api/github/webhooks - 200`);
      expect(received).toEqual(["relayed-1"]);

      await server.stop();
      server = undefined;
      for (let waited = 0; !disconnected && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(disconnected).toBe(true);
    });
  });
});
