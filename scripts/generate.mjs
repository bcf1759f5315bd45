#!/usr/bin/env node
// Writes what is derived from the operation files (src/operations/<namespace>/<method>.ts):
// the client's registry, the re-export of the operations' types, the standalone functions of
// `dub-partners/funcs`, the reference pages under docs/sdks/ and the README's operations table.
//
//   node scripts/generate.mjs          write them
//   node scripts/generate.mjs --check  fail, listing them, when one is not what would be written
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { funcsSource, registrySource, typesSource } from "./generate/code.mjs";
import { readNamespaces, readOperations } from "./generate/operations.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");

/** Every generated file: its path and its content. */
export async function generatedFiles() {
  const namespaces = readNamespaces(root);
  const operations = readOperations(root);
  const files = new Map([
    ["src/operations/registry.ts", registrySource(namespaces, operations)],
    ["src/operations/types.ts", typesSource(operations)],
    ["src/funcs/index.ts", funcsSource(namespaces, operations)],
  ]);
  const { docsFiles } = await import("./generate/docs.mjs").catch((error) => {
    if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("generate/docs.mjs")) return { docsFiles: () => new Map() };
    throw error;
  });
  for (const [file, content] of await docsFiles(root, namespaces, operations, new Map(files))) files.set(file, content);
  return files;
}

const stale = [];
for (const [file, content] of await generatedFiles()) {
  const target = path.join(root, file);
  const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
  if (current === content) continue;
  if (check) stale.push(file);
  else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${file}`);
  }
}
if (stale.length) {
  console.error(`Stale generated files (run \`npm run generate\`):\n${stale.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
if (check) console.log("generated files are up to date");
