import path from "node:path";
import { defineConfig, type Options } from "tsup";

/**
 * Two builds of the same sources, differing only in the default transport:
 * - `dist/` for Node (undici over a keep-alive pool), with the type declarations;
 * - `dist/edge/` for browsers, edge runtimes, workers, Bun and Deno (fetch), with no undici and
 *   no Node built-in in it.
 * package.json's conditional exports pick one.
 */
const entry = { index: "src/index.ts", errors: "src/errors.ts" };

const nodeTransport = {
  name: "node-default-transport",
  setup(build: { onResolve: (o: { filter: RegExp }, cb: (a: { path: string; resolveDir: string }) => { path: string }) => void }) {
    build.onResolve({ filter: /\/default-transport\.js$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\.js$/, ".node.ts")),
    }));
  },
};

const common: Options = { entry, target: "es2022", sourcemap: false, treeshake: true, shims: false };

/**
 * p-retry is ESM-only, and `require()` of an ES module needs Node 20.19; the CJS builds carry
 * their own copy so that `require("dub-partners")` works on every supported Node (>= 20.18).
 */
const cjs: Options = { format: "cjs", splitting: false, noExternal: ["p-retry", "is-network-error"] };
const esm: Options = { format: "esm", splitting: true };

/**
 * `dub-partners/testing` (the fake API and its HTTP server), `dub-partners/testing/msw` and the
 * `dub-partners-fake` command: Node-side test tooling, built once for Node (Bun and Deno run it
 * too). msw stays external: it is an optional peer dependency, needed only for the msw entry.
 */
const testing: Options = {
  ...common,
  entry: { "testing/index": "src/testing/index.ts", "testing/msw": "src/testing/msw.ts" },
  outDir: "dist",
  platform: "node",
  dts: true,
  external: ["msw"],
};

export default defineConfig([
  { ...common, ...esm, outDir: "dist", platform: "node", dts: true, esbuildPlugins: [nodeTransport] },
  { ...common, ...cjs, outDir: "dist", platform: "node", dts: true, esbuildPlugins: [nodeTransport] },
  { ...common, ...esm, outDir: "dist/edge", platform: "neutral" },
  { ...common, ...cjs, outDir: "dist/edge", platform: "neutral" },
  { ...testing, ...esm, entry: { ...(testing.entry as Record<string, string>), "testing/cli": "src/testing/fake/cli.ts" } },
  { ...testing, ...cjs },
]);
