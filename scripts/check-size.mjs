#!/usr/bin/env node
// Size budget of the edge/browser build: bundles the full client (every operation of every
// resource on `Dub`, with zod and p-retry) with esbuild as an application would (bundle, minify,
// ESM, browser platform, worker/browser conditions, ES2022), then
// - fails when the gzipped size (level 9) exceeds the ceiling, so that the size cannot silently
//   regress; reports how far it is from the 15,000-byte budget the package aims for (see
//   docs/performance.md for where the bytes go);
// - fails when the bundle pulls in undici or any Node built-in (`node:*`, `fs`, ...);
// - bundles webhook verification alone (`verifyWebhook` from `dub-partners/webhooks`) the same
//   way and fails when it exceeds its own budget or contains zod: a receiver that only verifies
//   must not pay for the client.
// Needs `npm run build` first (reads dist/edge/). No network; runs in about a second.
//
// Also exported for bench/run.mjs: bundleSize() and ourOperations().
import { builtinModules } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import zlib from "node:zlib";
import * as esbuild from "esbuild";

export const BUDGET_GZIP_BYTES = 15_000;
/**
 * The regression ceiling: the size of the full client when it was last measured, plus a few
 * hundred bytes. Above it the check fails. Lower it whenever the bundle shrinks. The conversion,
 * customer, commission and payout operations cost 3,254 bytes (23,564 → 26,818, measured).
 */
export const CEILING_GZIP_BYTES = 29_800;

/** Budget of webhook verification alone (`verifyWebhook`, edge build), gzipped. */
export const WEBHOOKS_BUDGET_GZIP_BYTES = 2_000;

const root = fileURLToPath(new URL("..", import.meta.url));
export const edgeEntry = path.join(root, "dist/edge/index.js");
export const webhooksEdgeEntry = path.join(root, "dist/edge/webhooks.js");

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Resolves `dub-partners` to the built edge entry (not to src/ through tsconfig paths) and keeps
 * Node built-ins and undici external, recording every import of them.
 */
function guardPlugin(forbidden) {
  return {
    name: "edge-guard",
    setup(build) {
      build.onResolve({ filter: /^dub-partners$/ }, () => ({ path: edgeEntry }));
      build.onResolve({ filter: /^dub-partners\/webhooks$/ }, () => ({ path: webhooksEdgeEntry }));
      build.onResolve({ filter: /^(node:|undici($|\/))/ }, (args) => {
        forbidden.push(`${args.path} (imported by ${args.importer || "<entry>"})`);
        return { path: args.path, external: true };
      });
      build.onResolve({ filter: /^[a-z_]+$/ }, (args) => {
        if (!builtins.has(args.path)) return undefined;
        forbidden.push(`${args.path} (imported by ${args.importer || "<entry>"})`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Groups the bytes of a bundle by package (`zod`, `p-retry`, ...) or `dub-partners` for ours. */
function breakdown(output) {
  const groups = {};
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1] : file.startsWith("dist/") ? "dub-partners" : file.startsWith("<stdin>") ? "entry" : file;
    groups[name] = (groups[name] ?? 0) + bytesInOutput;
  }
  return Object.fromEntries(Object.entries(groups).sort((a, b) => b[1] - a[1]));
}

/**
 * Bundles `contents` (an ES module importing the SDK) like an edge/browser application and
 * returns its minified and gzipped sizes, the inputs by package, and any forbidden import.
 */
export async function bundleSize(contents, { conditions = ["worker", "browser"] } = {}) {
  const forbidden = [];
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: "js", sourcefile: "<stdin>.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    legalComments: "none",
    plugins: [guardPlugin(forbidden)],
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.keys(result.metafile.inputs);
  return {
    minBytes: code.byteLength,
    gzipBytes: zlib.gzipSync(code, { level: 9 }).byteLength,
    byPackage: breakdown(output),
    forbidden,
    undiciInputs: inputs.filter((file) => /node_modules\/undici\//.test(file)),
    sourceInputs: inputs.filter((file) => file.startsWith("src/")),
    zodInputs: inputs.filter((file) => /node_modules\/zod\//.test(file)),
    text: Buffer.from(code).toString("utf8"),
  };
}

/**
 * Every operation of the built client: the methods (own or inherited) of each namespace object
 * reachable from a `Dub` instance (own fields such as `partners`, getters on the prototypes,
 * nested namespaces), as paths like `partners.createLink`.
 */
export async function ourOperations() {
  const { Dub } = await import(pathToFileURL(edgeEntry).href);
  const dub = new Dub({ token: "dub_size_check" });
  const operations = new Set();
  const visited = new Set();
  const childNames = (object) => {
    const names = new Set(Object.keys(object));
    for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (descriptor.get) names.add(name);
    }
    return names;
  };
  const visit = (object, prefix, depth) => {
    if (depth > 3 || visited.has(object)) return;
    visited.add(object);
    for (const name of childNames(object)) {
      let value;
      try {
        value = object[name];
      } catch {
        continue;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      const path = `${prefix}${name}`;
      for (const [method, member] of Object.entries(value)) if (typeof member === "function") operations.add(`${path}.${method}`);
      for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const method of Object.getOwnPropertyNames(proto)) {
          const descriptor = Object.getOwnPropertyDescriptor(proto, method);
          if (method !== "constructor" && typeof descriptor?.value === "function") operations.add(`${path}.${method}`);
        }
      }
      visit(value, `${path}.`, depth + 1);
    }
  };
  visit(dub, "", 0);
  return [...operations];
}

/** The entry module of the full client: one call of every operation. */
export function fullClientEntry(operations) {
  const calls = operations.map((op) => `  dub.${op}({}),`).join("\n");
  return `import { Dub } from "dub-partners";\nconst dub = new Dub({ token: "x" });\nexport const calls = [\n${calls}\n];\n`;
}

/** The entry module of a receiver that only verifies webhooks. */
export const webhooksEntry = `import { verifyWebhook } from "dub-partners/webhooks";\nexport { verifyWebhook };\n`;

/** Problems of the verification-only bundle, and its one-line summary. */
async function checkWebhooksBundle() {
  const size = await bundleSize(webhooksEntry);
  const problems = [];
  if (size.zodInputs.length) problems.push(`webhook verification alone bundles zod (${size.zodInputs[0]}, ...)`);
  if (size.forbidden.length || size.undiciInputs.length) problems.push(`webhook verification alone imports Node-only modules: ${[...size.forbidden, ...size.undiciInputs].join(", ")}`);
  if (size.sourceInputs.length) problems.push(`the webhooks bundle was built from src/ instead of dist/edge/ (${size.sourceInputs[0]}, ...)`);
  const summary = `webhook verification alone (verifyWebhook): ${size.gzipBytes.toLocaleString("en-US")} bytes gzipped, ${size.minBytes.toLocaleString("en-US")} bytes minified, no zod`;
  if (size.gzipBytes > WEBHOOKS_BUDGET_GZIP_BYTES) {
    problems.push(`${summary}\n  exceeds its budget of ${WEBHOOKS_BUDGET_GZIP_BYTES.toLocaleString("en-US")} bytes gzipped by ${(size.gzipBytes - WEBHOOKS_BUDGET_GZIP_BYTES).toLocaleString("en-US")} bytes`);
  }
  return { problems, summary: `${summary}; budget ${WEBHOOKS_BUDGET_GZIP_BYTES.toLocaleString("en-US")} bytes` };
}

async function main() {
  if (!existsSync(edgeEntry) || !existsSync(webhooksEdgeEntry)) {
    console.error(`check-size: ${path.relative(root, existsSync(edgeEntry) ? webhooksEdgeEntry : edgeEntry)} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  const started = performance.now();
  const operations = await ourOperations();
  if (operations.length === 0) {
    console.error("check-size: found no operation on the client (expected dub.partners.create, ...).");
    process.exit(1);
  }
  const size = await bundleSize(fullClientEntry(operations));
  const problems = [];
  if (size.forbidden.length) problems.push(`the edge bundle imports Node-only modules: ${size.forbidden.join(", ")}`);
  if (size.undiciInputs.length) problems.push(`the edge bundle contains undici: ${size.undiciInputs.slice(0, 3).join(", ")}`);
  if (/\bfrom\s*["'](?:node:|undici)|\b(?:import|require)\s*\(\s*["'](?:node:|undici)/.test(size.text)) {
    problems.push("the edge bundle text contains an import of undici or of a node: module");
  }
  if (size.sourceInputs.length) problems.push(`the bundle was built from src/ instead of dist/edge/ (${size.sourceInputs[0]}, ...)`);
  const top = Object.entries(size.byPackage)
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${(bytes / 1000).toFixed(1)} kB`)
    .join(", ");
  const summary =
    `edge bundle, full client (${operations.join(", ")}; zod and p-retry included): ` +
    `${size.gzipBytes.toLocaleString("en-US")} bytes gzipped, ${size.minBytes.toLocaleString("en-US")} bytes minified (${top})`;
  if (size.gzipBytes > CEILING_GZIP_BYTES) {
    problems.push(
      `${summary}\n  exceeds the regression ceiling of ${CEILING_GZIP_BYTES.toLocaleString("en-US")} bytes gzipped by ${(size.gzipBytes - CEILING_GZIP_BYTES).toLocaleString("en-US")} bytes`,
    );
  }
  const webhooks = await checkWebhooksBundle();
  problems.push(...webhooks.problems);
  if (problems.length) {
    console.error(`check-size: FAIL\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  const target =
    size.gzipBytes <= BUDGET_GZIP_BYTES
      ? `within the ${BUDGET_GZIP_BYTES.toLocaleString("en-US")}-byte budget`
      : `${(size.gzipBytes - BUDGET_GZIP_BYTES).toLocaleString("en-US")} bytes over the ${BUDGET_GZIP_BYTES.toLocaleString("en-US")}-byte budget`;
  console.log(
    `check-size: ok, ${summary}; ceiling ${CEILING_GZIP_BYTES.toLocaleString("en-US")} bytes, ${target}\n` +
      `check-size: ok, ${webhooks.summary} (${Math.round(performance.now() - started)} ms)`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
