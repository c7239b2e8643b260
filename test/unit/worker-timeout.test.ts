import { describe, expect, it } from "vitest";
import { withTimeout } from "../../src/actions/worker.js";

describe("job timeout", () => {
  it("fails a job whose work never settles, so the queue retries it later", async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, 20)).rejects.toThrow(/job timed out after 0 s; it will be retried/);
  });

  it("passes a finished job's result and error through unchanged", async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000)).resolves.toBe(42);
    await expect(withTimeout(Promise.reject(new Error("GitHub said no")), 1_000)).rejects.toThrow("GitHub said no");
  });
});
