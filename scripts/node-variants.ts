import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Node variants of source modules. A module `x.ts` may have a sibling `x.node.ts` with the same
 * exports: the Node build (and the tests, which run on Node) use the sibling, every other build
 * uses `x.ts`. This keeps Node-only code (undici, the schema compiler) out of edge and browser
 * bundles without a runtime check.
 *
 * Returns the sibling's path for a relative `./x.js` import made from `importerDir`, or
 * `undefined` when there is none.
 */
export function nodeVariant(importPath: string, importerDir: string): string | undefined {
  if (!importPath.startsWith(".") || !importPath.endsWith(".js")) return undefined;
  const candidate = path.resolve(importerDir, importPath.replace(/\.js$/, ".node.ts"));
  return existsSync(candidate) ? candidate : undefined;
}
