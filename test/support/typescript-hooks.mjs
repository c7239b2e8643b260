/**
 * Node module hooks that load `.ts` files by stripping their types with the
 * project's own TypeScript compiler, and that find `./x.ts` for the `./x.js`
 * the sources import (the name the compiled file will have). Registered by
 * typescript-in-threads.mjs; everything else loads as usual.
 */
import { readFile } from "node:fs/promises";

let typescript;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript = context.parentURL?.endsWith(".ts") && specifier.startsWith(".") && specifier.endsWith(".js");
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !fromTypeScript) throw error;
    return nextResolve(`${specifier.slice(0, -".js".length)}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  // Loaded on first use: most test processes never hand a .ts file to Node.
  typescript ??= (await import("typescript")).default;
  const source = await readFile(new URL(url), "utf8");
  const { outputText } = typescript.transpileModule(source, {
    fileName: url,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2023,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  });
  return { format: "module", source: outputText, shortCircuit: true };
}
