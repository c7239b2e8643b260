import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadDotenv } from "../../src/load-dotenv.js";

describe("loadDotenv", () => {
  const keys = ["COC_TEST_FROM_FILE", "COC_TEST_BOTH"];
  afterEach(() => {
    for (const key of keys) delete process.env[key];
  });

  it("lets .env win over the environment, as Probot does, and ignores a missing file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "coc-env-"));
    await writeFile(join(dir, ".env"), "COC_TEST_FROM_FILE=file\nCOC_TEST_BOTH=\"from file\"\n");
    process.env.COC_TEST_BOTH = "from environment";
    loadDotenv(join(dir, ".env"));
    expect(process.env.COC_TEST_FROM_FILE).toBe("file");
    expect(process.env.COC_TEST_BOTH).toBe("from file");
    expect(() => loadDotenv(join(dir, "missing.env"))).not.toThrow();
    await rm(dir, { recursive: true });
  });
});
