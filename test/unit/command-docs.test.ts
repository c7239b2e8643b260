import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { allCommands, renderCommandReference } from "../../src/commands/registry.js";

describe("docs/commands.md", () => {
  it("holds the reference generated from the command registry (run `npm run build && npm run docs:commands` to update)", async () => {
    const text = await readFile(new URL("../../docs/commands.md", import.meta.url), "utf8");
    const generated = text.slice(text.indexOf("<!-- commands:start -->") + "<!-- commands:start -->".length + 1, text.indexOf("<!-- commands:end -->"));
    expect(generated).toBe(renderCommandReference());
    for (const command of allCommands()) expect(generated).toContain(command.usage);
  });
});
