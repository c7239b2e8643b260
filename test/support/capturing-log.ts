/**
 * A real pino logger whose lines a test can read, to check what the app logs
 * and, above all, what it never logs (comment bodies, reasons).
 */
import type { Logger } from "probot";
import { pino } from "pino";

export interface CapturedLog {
  log: Logger;
  /** Every line written so far, parsed from pino's JSON. */
  lines: Array<Record<string, unknown> & { msg: string }>;
  /** Called with each line as it is written. */
  onLine?: (line: Record<string, unknown> & { msg: string }) => void;
}

export function capturingLog(): CapturedLog {
  const captured: CapturedLog = { log: undefined as never, lines: [] };
  captured.log = pino(
    { level: "info" },
    {
      write(text: string) {
        const line = JSON.parse(text) as Record<string, unknown> & { msg: string };
        captured.lines.push(line);
        captured.onLine?.(line);
      },
    },
  ) as unknown as Logger;
  return captured;
}
