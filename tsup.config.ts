import { readdirSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import { nodeVariant } from "./scripts/node-variants.js";

/**
 * Two builds of the same sources, differing in the modules that have a Node variant (see
 * scripts/node-variants.ts):
 * - `dist/` for Node: undici over a keep-alive pool, compiled validators, with the type declarations;
 * - `dist/edge/` for browsers, edge runtimes, workers, Bun and Deno: fetch, no undici and no Node
 *   built-in in it.
 * package.json's conditional exports pick one.
 */
const entry = { index: "src/index.ts", errors: "src/errors.ts", funcs: "src/funcs/index.ts", webhooks: "src/webhooks/index.ts" };

/**
 * Every operation's declaration file, as an entry of the ESM builds of its own: code splitting
 * then gives each its own module, which an application's bundler drops whole when nothing of it
 * is imported (`"sideEffects": false`). In one shared chunk, the unused schemas would stay: a
 * bundler cannot tell that building a zod schema has no side effect.
 */
const operationEntries = Object.fromEntries(
  readdirSync("src/operations", { withFileTypes: true })
    .filter((dir) => dir.isDirectory())
    .flatMap((dir) => readdirSync(`src/operations/${dir.name}`).map((file) => `operations/${dir.name}/${file.replace(/\.ts$/, "")}`))
    .map((name) => [name, `src/${name}.ts`]),
);

const nodeVariants = {
  name: "node-variants",
  setup(build: { onResolve: (o: { filter: RegExp }, cb: (a: { path: string; resolveDir: string }) => { path: string } | undefined) => void }) {
    build.onResolve({ filter: /^\..*\.js$/ }, (args) => {
      const variant = nodeVariant(args.path, args.resolveDir);
      return variant ? { path: variant } : undefined;
    });
  },
};

const common: Options = { entry, target: "es2022", sourcemap: false, treeshake: true, shims: false };

/**
 * p-retry is ESM-only, and `require()` of an ES module needs Node 20.19; the CJS builds carry
 * their own copy so that `require("dub-partners")` works on every supported Node (>= 20.18).
 *
 * Split like the ESM builds: the entries (`index`, `funcs`, `errors`, `webhooks`) share chunks of code, so
 * a client made from `require("dub-partners")` is one `require("dub-partners/funcs")` knows (each
 * entry with its own copy would keep its own registry of clients), and zod is there once.
 */
const cjs: Options = { format: "cjs", splitting: true, noExternal: ["p-retry", "is-network-error"] };
const esm: Options = { format: "esm", splitting: true };
/** The ESM builds of the client: its entries, each operation as a module of its own, types for the entries only. */
const clientEsm: Options = { ...esm, entry: { ...entry, ...operationEntries } };

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
  esbuildPlugins: [nodeVariants],
};

/**
 * The Node build carries the parts of zod it uses: `zod/mini` re-exports every locale, so
 * importing it loads about ninety modules, which costs a Node process some 90 ms at start-up
 * (cold starts matter for serverless functions). Bundled, only the code the schemas use is
 * there, in one file. Edge builds keep zod external: the application's bundler tree-shakes it.
 */
const nodeBundled: Options = { noExternal: ["zod", "p-retry", "is-network-error"] };

export default defineConfig([
  { ...common, ...clientEsm, ...nodeBundled, outDir: "dist", platform: "node", dts: { entry }, esbuildPlugins: [nodeVariants] },
  // shims: `import.meta.url` (the undici transport's `createRequire`) in the CommonJS build.
  { ...common, ...cjs, ...nodeBundled, outDir: "dist", platform: "node", dts: true, esbuildPlugins: [nodeVariants], shims: true },
  { ...common, ...clientEsm, outDir: "dist/edge", platform: "neutral" },
  { ...common, ...cjs, outDir: "dist/edge", platform: "neutral" },
  { ...testing, ...esm },
  { ...testing, ...cjs },
  // The command: one ESM file with its shebang, no type declarations.
  { ...testing, ...esm, entry: { "testing/cli": "src/testing/fake/cli.ts" }, dts: false },
]);
