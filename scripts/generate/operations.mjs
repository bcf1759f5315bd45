/**
 * Reads the operation files under src/operations/ as text: each file's namespace (its folder),
 * method name (the key of its default export), operationId and HTTP line, and the namespaces'
 * descriptions (src/operations/namespaces.ts). Nothing is executed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** `partner-applications` → `partnerApplications`. */
export const camel = (kebab) => kebab.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());
/** `partnerApplications` → `PartnerApplications`. */
export const pascal = (name) => name[0].toUpperCase() + name.slice(1);

/** The namespaces' descriptions, in their documented order. */
export function readNamespaces(root) {
  const text = readFileSync(path.join(root, "src/operations/namespaces.ts"), "utf8");
  const body = text.slice(text.indexOf("NAMESPACES = {"));
  return [...body.matchAll(/^\s+([A-Za-z]+): "((?:[^"\\]|\\.)*)",$/gm)].map(([, name, description]) => ({ name, description }));
}

/**
 * Every declaration file: `{ namespace, folder, file, method, kind, operationId?, http?, base? }`,
 * `base` being the method a bulk declaration runs.
 */
export function readOperations(root) {
  const dir = path.join(root, "src/operations");
  const found = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(path.join(dir, folder.name)).sort()) {
      if (!file.endsWith(".ts")) continue;
      const text = readFileSync(path.join(dir, folder.name, file), "utf8");
      const exported = /export default \{\s*(\/\*\*[\s\S]*?\*\/)\s*([A-Za-z]+):\s*(defineBulk|withOutputOfArgument|defineOperation)/.exec(text);
      if (!exported) throw new Error(`src/operations/${folder.name}/${file}: no "export default { /** documentation */ method: defineOperation(...) }"`);
      const [, doc, method, how] = exported;
      const entry = { namespace: camel(folder.name), folder: folder.name, file, method, doc: dedent(doc), kind: how === "defineBulk" ? "bulk" : "operation" };
      if (entry.kind === "bulk") {
        entry.base = /import ([A-Za-z]+) from "\.\/[a-z-]+\.js";/.exec(text)?.[1];
      } else {
        entry.operationId = /operationId: "([A-Za-z]+)"/.exec(text)?.[1];
        entry.http = /http: "([A-Z]+ \/[^"]*)"/.exec(text)?.[1];
        entry.paging = /paging: "([a-z]+)"/.exec(text)?.[1];
        if (!entry.operationId || !entry.http) throw new Error(`src/operations/${folder.name}/${file}: operationId or http not found`);
      }
      found.push(entry);
    }
  }
  return found;
}

/** A JSDoc block with its lines' indentation removed (`/**`, ` * ...`, ` *\/`). */
function dedent(doc) {
  return doc
    .split("\n")
    .map((line, i) => (i === 0 ? line.trim() : ` ${line.trim()}`))
    .join("\n");
}

/** `doc` indented by `indent` on every line. */
export const indented = (doc, indent) => doc.split("\n").map((line) => indent + line).join("\n");

/** The identifier a generated file imports a declaration file under (`partnersCreateLink`). */
export const importName = (op) => `${op.namespace}${pascal(op.method)}`;
