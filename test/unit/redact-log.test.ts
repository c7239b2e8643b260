/**
 * The app's logger, fed the shapes Probot, @octokit/webhooks and Octokit log,
 * writes no content: checked on the JSON lines it really writes.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLog } from "../../src/logging/create-log.js";
import { shortMessage } from "../../src/logging/redact-log.js";

const SECRET = "the-reason-nobody-may-read";

async function capture(level: "info" | "debug" = "info") {
  const text: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const log = await createLog({ level, format: "json", destination });
  const flushed = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return text.map((line) => JSON.parse(line) as Record<string, any>);
  };
  return { log, text, flushed };
}

describe("the app's logger", () => {
  it("keeps a GitHub request's method, URL and status and drops its body (Probot logs it at debug)", async () => {
    const { log, text, flushed } = await capture("debug");
    // What Probot's request logging plugin writes after every GitHub request.
    log.child({ name: "octokit" }).debug({ title: "COC-2026-0001", body: `Evidence: ${SECRET}` }, "GitHub request: POST /repos/acme/coc-cases/issues - 201");
    const [line] = await flushed();
    expect(line).toMatchObject({ level: 20, msg: "GitHub request: POST /repos/acme/coc-cases/issues - 201" });
    expect(line).not.toHaveProperty("body");
    expect(text.join("\n")).not.toContain(SECRET);
  });

  it("shows an Octokit request error by its status and first line, without the request it carried", async () => {
    const { log, text, flushed } = await capture();
    const error = Object.assign(new Error("Validation Failed\nbody is too long"), {
      name: "HttpError",
      status: 422,
      request: { method: "POST", url: "https://api.github.com/repos/acme/coc-cases/issues", body: `{"body":"${SECRET}"}` },
      response: { data: { message: SECRET } },
    });
    log.error({ err: error }, "writing the case file failed");
    const [line] = await flushed();
    expect(line!.msg).toBe("writing the case file failed");
    expect(line!.err).toMatchObject({ type: "HttpError", message: "Validation Failed", status: 422 });
    expect(Object.keys(line!.err).sort()).toEqual(["message", "stack", "status", "type"]);
    expect(text.join("\n")).not.toContain(SECRET);
  });

  it("names the delivery of an event it is given, from its verified payload only", async () => {
    const { log, text, flushed } = await capture("debug");
    const payload = { action: "created", installation: { id: 7 }, repository: { full_name: "acme/widgets" }, comment: { body: SECRET } };
    log.debug({ event: { id: "d-1", name: "issue_comment", payload } }, "Webhook received");
    log.debug({ event: { id: "d-2", name: "issue_comment", payload: JSON.stringify(payload) } }, "unverified");
    const [verified, unverified] = await flushed();
    expect(verified!.event).toEqual({ delivery: "d-1", event: "issue_comment", action: "created", installation: 7, repository: "acme/widgets" });
    expect(unverified!.event).toEqual({ delivery: "d-2", event: "issue_comment" });
    expect(text.join("\n")).not.toContain(SECRET);
  });

  it("writes Probot's pretty format too, still without content", async () => {
    const text: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        text.push(chunk.toString());
        done();
      },
    });
    const log = await createLog({ format: "pretty", destination });
    log.error(Object.assign(new Error("boom"), { event: { id: "d-3", name: "issue_comment", payload: { comment: { body: SECRET } } } }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(text.join("")).toContain("boom");
    expect(text.join("")).toContain("d-3");
    expect(text.join("")).not.toContain(SECRET);
  });
});

describe("shortMessage", () => {
  it("drops the text V8 quotes from input it could not parse", () => {
    let message = "";
    try {
      JSON.parse(`${SECRET} is not JSON`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(SECRET.slice(0, 8)); // V8 quotes the start of the input
    expect(shortMessage(message)).not.toContain(SECRET.slice(0, 8));
    expect(shortMessage(message)).toMatch(/^Unexpected token/);
  });

  it("keeps the first non-empty line, at most 200 characters", () => {
    expect(shortMessage("\n\nInvalid `prisma.case.create()` invocation in\n/app/dist/x.js:1:1\n→ data")).toBe("Invalid `prisma.case.create()` invocation in");
    expect(shortMessage("x".repeat(500))).toBe(`${"x".repeat(200)}…`);
    expect(shortMessage(undefined)).toBe("");
  });
});
