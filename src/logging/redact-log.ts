/**
 * Keeps case content out of the logs. A `/coc flag` comment and its reason
 * travel in webhook payloads, and Probot and @octokit/webhooks attach the
 * whole delivery to the errors they log: a webhook whose signature does not
 * match (every delivery while WEBHOOK_SECRET is rotated, and anything posted
 * to the public URL) and a handler that throws. Every logger the app builds
 * uses these serializers, so such a line says only which delivery it was:
 *
 *   {"level":50,"name":"event","id":"72d3…","msg":"database unavailable","err":{"type":"Error",
 *    "message":"database unavailable","delivery":"72d3…","event":"issue_comment","action":"created",
 *    "installation":4242,"repository":"acme/widgets","stack":"    at …"}}
 */
import type { LoggerOptions } from "pino";

/** What a log line may say about a webhook delivery. */
export interface DeliverySummary {
  delivery?: string;
  event?: string;
  action?: string;
  installation?: number;
  repository?: string;
}

export interface ErrorSummary extends DeliverySummary {
  type: string;
  message: string;
  status?: number;
  /** The inner errors of an AggregateError (@octokit/webhooks wraps every failure in one). */
  errors?: Array<Pick<ErrorSummary, "type" | "message" | "status" | "stack">>;
  /** Stack frames only: the first lines of a stack repeat the message, which may quote input. */
  stack?: string;
}

const MAX_MESSAGE = 200;
const MAX_FIELD = 100;

/**
 * The first line of an error message, without quoted text, capped: messages
 * can quote their input (V8's JSON.parse error quotes the text it could not
 * read; database errors print the query's arguments on later lines).
 */
export function shortMessage(message: unknown): string {
  const text = typeof message === "string" ? message : "";
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  const unquoted = firstLine.trim().replace(/"[^"]*"?/g, '"…"');
  return unquoted.length > MAX_MESSAGE ? `${unquoted.slice(0, MAX_MESSAGE)}…` : unquoted;
}

/**
 * Names the delivery an event object stands for. Fields are read from the
 * payload only once it is an object, that is after its signature was checked
 * and it was parsed: an unverified payload is still the raw text and is never
 * read.
 */
export function summarizeDelivery(event: unknown): DeliverySummary {
  if (!isRecord(event)) return {};
  const payload = isRecord(event.payload) ? event.payload : {};
  const installation = isRecord(payload.installation) ? payload.installation.id : undefined;
  const repository = isRecord(payload.repository) ? payload.repository.full_name : undefined;
  return dropUndefined({
    delivery: text(event.id),
    event: text(event.name),
    action: text(payload.action),
    installation: typeof installation === "number" && Number.isInteger(installation) ? installation : undefined,
    repository: text(repository),
  });
}

/** An error as a log line may show it: type, short message, status and the delivery it belongs to, nothing else. */
export function summarizeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error, message: shortMessage(typeof error === "string" ? error : "") };
  const inner = error instanceof AggregateError ? (error.errors as unknown[]) : [];
  return dropUndefined({
    type: error.name,
    message: shortMessage(error.message),
    status: statusOf(error) ?? inner.map(statusOf).find((s) => s !== undefined),
    ...summarizeDelivery([error, ...inner].map(deliveryOf).find((event) => event !== undefined)),
    errors: inner.length > 0 ? inner.map(summarizeInner) : undefined,
    // An aggregate's own frames are the webhook library's; where it failed is in its inner errors.
    stack: inner.length > 0 ? undefined : framesOf(error.stack),
  });
}

/**
 * pino options for every logger of the app: serializers for the keys Probot
 * and @octokit/webhooks put deliveries under (`err`, `event`), and a hook that
 * gives an error logged without a message a short one, since pino would
 * otherwise copy the whole error message into `msg`.
 */
export const redactingLogOptions: Pick<LoggerOptions, "serializers" | "hooks" | "redact"> = {
  serializers: { err: summarizeError, error: summarizeError, event: summarizeDelivery },
  // Probot logs every HTTP request with its headers and address: the pages' session cookie, and the one-time
  // sign-in code and state in the callback's query, must not be in the logs.
  redact: {
    paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]', "req.url", "req.query"],
    censor: (value, path) => (path.at(-1) === "url" && typeof value === "string" ? withoutQuery(value) : "[redacted]"),
  },
  hooks: {
    logMethod(args, method) {
      const [first, second] = args as unknown[];
      // Probot's line for each request: "GET /auth/callback?code=… 303 - 12ms".
      if (typeof second === "string" && HTTP_LINE.test(second)) return method.call(this, first as object, withoutQuery(second));
      // Probot's request logging (octokit-plugin-probot-request-logging.js) puts the body of every
      // GitHub request at the top of a debug line: case files are such bodies. Keep the method and URL only.
      if (typeof second === "string" && second.startsWith("GitHub request: ")) return method.call(this, second);
      const error = first instanceof Error ? first : isRecord(first) && first.err instanceof Error ? first.err : undefined;
      if (error && typeof second !== "string") return method.call(this, first as object, shortMessage(error.message));
      return method.apply(this, args);
    },
  },
};

const HTTP_LINE = /^[A-Z]+ \/\S*\?/;

/** A request line or URL with its query replaced by `?…`. */
function withoutQuery(text: string): string {
  return text.replace(/\?\S*/, "?…");
}

function summarizeInner(error: unknown): Pick<ErrorSummary, "type" | "message" | "status" | "stack"> {
  const { type, message, status, stack } = summarizeError(error);
  return dropUndefined({ type, message, status, stack });
}

/**
 * The delivery an error was attached to: @octokit/webhooks sets `event` on the
 * errors it throws, and for a wrong signature sets it on an AggregateError to
 * the inner error, whose own `event` is the delivery.
 */
function deliveryOf(error: unknown): Record<string, unknown> | undefined {
  const event = isRecord(error) ? error.event : undefined;
  if (event instanceof Error) return deliveryOf(event);
  return isRecord(event) ? event : undefined;
}

function statusOf(error: unknown): number | undefined {
  return isRecord(error) && typeof error.status === "number" ? error.status : undefined;
}

function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack.split("\n").filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join("\n") : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return value.length > MAX_FIELD ? `${value.slice(0, MAX_FIELD)}…` : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
