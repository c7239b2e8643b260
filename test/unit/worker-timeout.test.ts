import { describe, expect, it } from "vitest";
import { withTimeout } from "../../src/actions/worker.js";

describe("job timeout", () => {
  it("fails a job whose work never settles, so the queue retries it later", async () => {
    let seen: AbortSignal | undefined;
    await expect(withTimeout((signal) => ((seen = signal), new Promise<never>(() => {})), 20)).rejects.toThrow(/job timed out after 0 s; it will be retried/);
    // The abandoned work is told, so it starts no further writes.
    expect(seen?.aborted).toBe(true);
  });

  it("passes a finished job's result and error through unchanged", async () => {
    await expect(withTimeout(async () => 42, 1_000)).resolves.toBe(42);
    await expect(withTimeout(async () => Promise.reject(new Error("GitHub said no")), 1_000)).rejects.toThrow("GitHub said no");
  });
});
