/**
 * The app's logger: the one Probot would build from LOG_LEVEL, LOG_FORMAT,
 * LOG_LEVEL_IN_STRING, LOG_MESSAGE_KEY and SENTRY_DSN (same name, same
 * pretty or JSON output on standard output), with the redaction of
 * redact-log.ts added, so no log line carries a webhook payload.
 */
import { getTransformStream } from "@probot/pino";
import type { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { redactingLogOptions } from "./redact-log.js";

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

export interface LogOptions {
  level?: LogLevel;
  format?: "json" | "pretty";
  levelInString?: boolean;
  messageKey?: string;
  sentryDsn?: string;
  /** Where lines go; standard output unless a test captures them. */
  destination?: Writable;
}

export async function createLog(options: LogOptions = {}): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: options.format,
    logLevelInString: options.levelInString,
    sentryDsn: options.sentryDsn,
  });
  // As Probot does: sonic-boom on file descriptor 1 (a writable stream, though not typed as one).
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as Writable));
  return pino({ level: options.level ?? "info", name: "probot", messageKey: options.messageKey ?? "msg", ...redactingLogOptions }, transform);
}
