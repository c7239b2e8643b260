// Rewrites the generated part of docs/commands.md from the command registry.
// Run after `npm run build`: `npm run docs:commands`.
import { readFile, writeFile } from "node:fs/promises";
import { renderCommandReference } from "../dist/src/commands/registry.js";

const file = new URL("../docs/commands.md", import.meta.url);
const text = await readFile(file, "utf8");
const start = "<!-- commands:start -->";
const end = "<!-- commands:end -->";
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
await writeFile(file, `${before}\n${renderCommandReference()}${after}`);
console.log("docs/commands.md updated");
