#!/usr/bin/env node
/**
 * The runtime matrix (`npm run test:runtimes`): the packed package, installed from its tarball as
 * users install it, runs one smoke scenario on every runtime it supports, against the fake Dub API
 * served by this process.
 *
 *   node scripts/test-runtimes.mjs [--write-docs] [--only <id,...>] [--jobs <n>] [--keep] [--list]
 *
 * --write-docs  writes the result table into docs/runtimes.md (between its markers)
 * --only        runs only the rows with these ids (see --list)
 * --jobs        how many rows run at once (default: the number of CPUs, at least 2)
 * --keep        keeps the temporary consumer project and prints its path
 *
 * Steps: install tests/runtimes/toolchain when its node_modules is missing; build the package when
 * dist/ is incomplete; `npm pack`; copy tests/runtimes/consumer to a temporary directory and
 * `npm install` the tarball there (one install shared by every runtime); bundle the edge, worker,
 * browser and Node-app entries with esbuild and check the bundles; compile the TypeScript
 * consumers; then run each row against its own fake server (with a 503 queued in front of the
 * first upsert) and check both what the runtime reports and what the server received. Every row
 * also verifies webhooks with `dub-partners/webhooks` (a signature from Node's createHmac, a
 * tampered body, one signed with the runtime's own WebCrypto). Exits 1 when a row fails.
 *
 * The Chromium row needs playwright-core (a dev dependency) and Debian's `chromium` (or
 * CHROMIUM_PATH); when Chromium is missing and this runs as root, it is installed with apt-get.
 * When it cannot be had, the row is SKIPPED with a loud notice, never passed; with CI set, a
 * skipped row fails the run.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuilt, pack, root } from "./lib/package.mjs";
import { childEnv, killAll, run, runOrThrow, tail } from "./lib/run.mjs";

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

const ROW_TIMEOUT_MS = 60_000;
const toolchainDir = path.join(root, "tests/runtimes/toolchain");
const consumerTemplate = path.join(root, "tests/runtimes/consumer");
const docsFile = path.join(root, "docs/runtimes.md");
const tool = (...parts) => path.join(toolchainDir, "node_modules", ...parts);
const bin = {
  node20: process.execPath,
  node22: tool("node22/bin/node"),
  node24: tool("node24/bin/node"),
  bun: tool("bun/bin/bun.exe"),
  deno: tool("@deno/linux-x64-glibc/deno"),
  tsc: path.join(root, "node_modules/typescript/bin/tsc"),
};
const rootPkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
/** The Node that runs this script (20 on the reference machine) runs the Node rows of the matrix. */
const hostMajor = Number(process.versions.node.split(".")[0]);
const versionOf = (dir) => JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;

/** The matrix. `expect` is checked against the JSON line the runtime prints. */
function rows(ctx) {
  const node = (major, binary) => [
    {
      id: `node${major}-esm`,
      runtime: `Node ${major}`,
      format: "ESM `import`",
      expect: { runtime: "node", versionPrefix: binary === bin.node20 ? process.versions.node : `${major}.`, transport: "undici", resolved: "dist/index.js", webhooksResolved: "dist/webhooks.js" },
      command: (url) => [binary, ["esm.mjs", url]],
    },
    {
      id: `node${major}-cjs`,
      runtime: `Node ${major}`,
      format: "CJS `require`",
      expect: { runtime: "node", versionPrefix: binary === bin.node20 ? process.versions.node : `${major}.`, transport: "undici", resolved: "dist/index.cjs", webhooksResolved: "dist/webhooks.cjs" },
      command: (url) => [binary, ["cjs.cjs", url]],
    },
  ];
  const bunEnv = { BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0", DO_NOT_TRACK: "1" };
  const denoEnv = { DENO_DIR: path.join(ctx.tmp, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  // The least the package needs: the fetch build reads no environment variable it is not allowed
  // to (DUB_API_KEY is then unset); the Node build's undici reads some, hence --allow-env there.
  const denoRun = ["run", "--no-prompt", "--node-modules-dir=manual", "--allow-net=127.0.0.1", "--allow-read"];
  return [
    ...node(hostMajor, bin.node20),
    ...node(22, bin.node22),
    ...node(24, bin.node24),
    {
      id: "bun-esm",
      runtime: "Bun",
      format: "ESM `import`",
      expect: { runtime: "bun", transport: "fetch", resolved: "dist/edge/index.js", webhooksResolved: "dist/edge/webhooks.js" },
      command: (url) => [bin.bun, ["esm.mjs", url], bunEnv],
    },
    {
      id: "bun-cjs",
      runtime: "Bun",
      format: "CJS `require`",
      expect: { runtime: "bun", transport: "fetch", resolved: "dist/edge/index.cjs", webhooksResolved: "dist/edge/webhooks.cjs" },
      command: (url) => [bin.bun, ["cjs.cjs", url], bunEnv],
    },
    {
      id: "deno-esm",
      runtime: "Deno",
      format: "ESM `import` (node_modules)",
      expect: { runtime: "deno", transport: "fetch", resolved: "dist/edge/index.js", webhooksResolved: "dist/edge/webhooks.js" },
      command: (url) => [bin.deno, [...denoRun, "esm.mjs", url], denoEnv],
    },
    {
      id: "deno-cjs",
      runtime: "Deno",
      format: "CJS `require` (node_modules)",
      // Deno resolves require() with the `require` and `node` conditions only, never `deno`: it
      // loads the Node build, whose undici runs on Deno's Node compatibility layer.
      expect: { runtime: "deno", transport: "undici", resolved: "dist/index.cjs", webhooksResolved: "dist/webhooks.cjs" },
      command: (url) => [bin.deno, [...denoRun, "--allow-env", "cjs.cjs", url], denoEnv],
    },
    {
      id: "edge-runtime",
      runtime: "Vercel Edge Runtime",
      format: "esbuild bundle (`edge-light`, `worker`, `browser`)",
      expect: { runtime: "edge-runtime", transport: "fetch", bundle: "edge" },
      command: async (url) => [bin.node20, [path.join(root, "scripts/runtimes/edge-runtime-runner.mjs"), (await ctx.bundle("edge")).file, url]],
    },
    {
      id: "workerd",
      runtime: "Cloudflare workerd",
      format: "esbuild bundle (`workerd`, `worker`, `browser`)",
      expect: { runtime: "workerd", transport: "fetch", bundle: "worker" },
      command: async (url) => [bin.node22, [path.join(root, "scripts/runtimes/miniflare-runner.mjs"), toolchainDir, (await ctx.bundle("worker")).file, url]],
    },
    {
      id: "node-bundled-cjs",
      runtime: `Node ${hostMajor}`,
      format: "esbuild bundle of a Node app (CJS), run with no node_modules",
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "undici", bundle: "node-cjs" },
      command: async (url) => {
        const { file } = await ctx.bundle("node-cjs");
        return [bin.node20, [file, url], {}, path.dirname(file)];
      },
    },
    {
      id: "node-bundled-esm",
      runtime: `Node ${hostMajor}`,
      // esbuild's ESM output cannot run undici's require()s of Node built-ins: with no
      // node_modules to load undici from, the client sends with Node's own fetch.
      format: "esbuild bundle of a Node app (ESM, no `createRequire` banner), run with no node_modules",
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "fetch", bundle: "node-esm" },
      command: async (url) => {
        const { file } = await ctx.bundle("node-esm");
        return [bin.node20, [file, url], {}, path.dirname(file)];
      },
    },
    {
      id: "node-bundled-esm-modules",
      runtime: `Node ${hostMajor}`,
      format: "the same ESM bundle, run beside a node_modules that has undici",
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "undici", bundle: "node-esm" },
      command: async (url) => {
        const { file } = await ctx.bundle("node-esm");
        const beside = path.join(ctx.consumer, "bundled-app.mjs");
        await cp(file, beside);
        return [bin.node20, [beside, url]];
      },
    },
    {
      id: "chromium",
      runtime: "Chromium (headless)",
      format: "esbuild bundle for the browser, in a page and a Web Worker",
      expect: { runtime: "browser", transport: "fetch", bundle: ["browser", "browser-worker"] },
      serve: { cors: true },
      requires: () => ctx.chromium(),
      command: async (url) => {
        const [page, worker] = await Promise.all([ctx.bundle("browser"), ctx.bundle("browser-worker")]);
        return [bin.node20, [path.join(root, "scripts/runtimes/chromium-runner.mjs"), ctx.consumer, page.file, worker.file, url, await ctx.chromium.path()]];
      },
      check: (result) => {
        const seen = result.noCorsRequests ?? [];
        // One preflight, refused; no retry of it, and the PUT itself never sent.
        return seen.join() === "OPTIONS /partners/links/upsert" ? [] : [`the fake without CORS received ${JSON.stringify(seen)}; expected one OPTIONS /partners/links/upsert`];
      },
    },
    {
      id: "ts-node10",
      runtime: `TypeScript → Node ${hostMajor}`,
      format: '`tsc` `moduleResolution: "node"` (node10), CJS output',
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "undici", resolved: "dist/index.cjs", typescript: true },
      command: async (url) => {
        await ctx.compileNode10();
        return [bin.node20, ["ts-node10/main.js", url]];
      },
    },
    {
      id: "ts-node16-esm",
      runtime: `TypeScript → Node ${hostMajor}`,
      format: "`tsc` node16, ESM output",
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "undici", resolved: "dist/index.js", typescript: true },
      command: async (url) => {
        await ctx.compileNode16();
        return [bin.node20, ["ts-node16/main.js", url]];
      },
    },
    {
      id: "ts-node16-cjs",
      runtime: `TypeScript → Node ${hostMajor}`,
      format: "`tsc` node16, CJS output",
      expect: { runtime: "node", versionPrefix: process.versions.node, transport: "undici", resolved: "dist/index.cjs", typescript: true },
      command: async (url) => {
        await ctx.compileNode16();
        return [bin.node20, ["ts-node16/cjs/main.js", url]];
      },
    },
    { id: "ts-bundler", runtime: "TypeScript", format: "`tsc` bundler resolution, DOM lib, no @types/node", kind: "typecheck" },
    { id: "bin", runtime: `Node ${hostMajor}`, format: "`dub-partners-fake` bin", kind: "bin" },
  ];
}

/** Where Chromium is looked for: `CHROMIUM_PATH`, else Debian's package. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Makes Chromium available for the browser row: playwright-core (a dev dependency, which downloads
 * no browser) and Debian's `chromium` package, installed with apt-get when missing and this runs
 * as root. Resolves with `undefined` when both are there, or with why the row cannot run.
 */
async function ensureChromium(step) {
  try {
    await import("playwright-core");
  } catch {
    return "playwright-core is not installed (run npm ci)";
  }
  if (existsSync(CHROMIUM)) return undefined;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH;
  if (!canInstall) return `no Chromium at ${CHROMIUM}; install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`;
  step("Installing Chromium (apt-get install -y chromium)");
  const env = { ...childEnv(), DEBIAN_FRONTEND: "noninteractive" };
  const update = await run("apt-get", ["update", "-qq"], { env, timeoutMs: 300_000 });
  const install = update.code === 0 ? await run("apt-get", ["install", "-y", "-qq", "chromium"], { env, timeoutMs: 600_000 }) : update;
  if (install.code === 0 && existsSync(CHROMIUM)) return undefined;
  return `apt-get could not install chromium: ${tail(install.stderr || install.stdout, 3)}`;
}

/** Runs a function once, however many rows ask for it. */
function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

/** The last line of `stdout` that parses as a JSON object. */
function lastJson(stdout) {
  const lines = stdout.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the result line
    }
  }
  return undefined;
}

/** `node_modules/dub-partners/dist/x.js` → `dist/x.js`. */
function packageRelative(resolved) {
  if (!resolved) return undefined;
  const file = resolved.startsWith("file:") ? new URL(resolved).pathname : resolved;
  const marker = "node_modules/dub-partners/";
  const at = file.lastIndexOf(marker);
  return at < 0 ? file : file.slice(at + marker.length);
}

const BUILTINS = builtinModules.filter((name) => !name.startsWith("_")).map((name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&"));
/** An import, dynamic import or require of `undici` or of a Node built-in, with or without `node:`. */
const FORBIDDEN_IMPORT = new RegExp(
  String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'](?:node:[^"']+|undici(?:/[^"']*)?|(?:${BUILTINS.join("|")})(?:/[^"']*)?)["']`,
);

/**
 * Runs esbuild on the consumer with `options` (metafile on, logs off) and reads what went in:
 * every input, the inputs taken from the package (as `dist/...` paths), and the imports left
 * external. `what` names the bundle in the error thrown when esbuild fails.
 */
async function bundleWithMetafile(consumer, options, what) {
  const esbuild = await import("esbuild");
  let result;
  try {
    result = await esbuild.build({ absWorkingDir: consumer, bundle: true, metafile: true, logLevel: "silent", ...options });
  } catch (error) {
    const messages = error.errors?.map((e) => `${e.location?.file ?? ""}: ${e.text}`).join("; ") ?? String(error);
    throw new Error(`esbuild could not bundle ${what}: ${messages}`);
  }
  const inputs = Object.keys(result.metafile.inputs);
  const fromPackage = inputs.filter((input) => input.includes("node_modules/dub-partners/")).map(packageRelative);
  const external = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  return { inputs, fromPackage, external };
}

/**
 * The bundles the rows run, as the platforms' own tools would make them. `web` bundles must hold
 * the fetch build alone (no undici, no Node built-in); `node` bundles hold the Node build with
 * undici's pool, and leave nothing but Node built-ins to be found at run time.
 */
const BUNDLES = {
  // Vercel (Next.js) resolves edge routes with edge-light/worker/browser; wrangler resolves
  // Workers with workerd/worker/browser. platform "neutral" adds no condition of its own and knows
  // no Node built-in, so one would fail the build.
  edge: {
    kind: "web",
    entry: "edge.mjs",
    out: "bundle-edge.js",
    options: { platform: "neutral", conditions: ["edge-light", "worker", "browser"], mainFields: ["browser", "module", "main"], format: "iife", globalName: "__dubSmoke" },
    webhooks: "dist/edge/webhooks.js",
  },
  worker: {
    kind: "web",
    entry: "worker.mjs",
    out: "bundle-worker.mjs",
    options: { platform: "neutral", conditions: ["workerd", "worker", "browser"], mainFields: ["browser", "module", "main"], format: "esm" },
    webhooks: "dist/edge/webhooks.js",
  },
  // esbuild's browser defaults (the `browser` condition, browser main fields), as Vite's build.
  browser: { kind: "web", entry: "browser.mjs", out: "browser/page.js", options: { platform: "browser", format: "esm" }, webhooks: "dist/edge/webhooks.js" },
  "browser-worker": { kind: "web", entry: "browser-worker.mjs", out: "browser/worker.js", options: { platform: "browser", format: "iife" } },
  // Node applications bundled whole (AWS Lambda and other single-file deploys), into a folder
  // outside the consumer where no node_modules can be found at run time.
  "node-cjs": { kind: "node", entry: "node-bundle.cjs", out: "../node-bundle/app.cjs", options: { platform: "node", format: "cjs", target: "node20" }, webhooks: "dist/webhooks.cjs" },
  "node-esm": { kind: "node", entry: "node-bundle.mjs", out: "../node-bundle/app.mjs", options: { platform: "node", format: "esm", target: "node20" }, webhooks: "dist/webhooks.js" },
};

/** Bundles one of {@link BUNDLES} from the consumer and checks what went in. */
async function bundle(consumer, name) {
  const spec = BUNDLES[name];
  const file = path.join(consumer, spec.out);
  const problems = [];
  const { inputs, fromPackage, external } = await bundleWithMetafile(consumer, { entryPoints: [spec.entry], outfile: file, target: "es2022", ...spec.options }, name);
  const code = await readFile(file, "utf8");
  if (spec.kind === "web") {
    // (The text itself may say "undici" in comments kept by esbuild; modules and imports are what count.)
    if (inputs.some((input) => /(^|\/)node_modules\/undici\//.test(input))) problems.push("undici is in the bundle");
    if (external.length) problems.push(`the bundle imports ${external.join(", ")}`);
    const forbidden = FORBIDDEN_IMPORT.exec(code);
    if (forbidden) problems.push(`the bundle loads a Node built-in: ${forbidden[0]}`);
    if (!fromPackage.length || fromPackage.some((input) => !input.startsWith("dist/edge/"))) {
      problems.push(`the bundle took ${fromPackage.join(", ")} from the package, not dist/edge/`);
    }
  } else {
    if (!inputs.some((input) => input.endsWith("node_modules/undici/lib/dispatcher/pool.js"))) problems.push("undici's pool is not in the bundle");
    // (The Node build's import of undici by a specifier in a variable, for node_modules at run time, is no import esbuild records.)
    const notBuiltin = external.filter((id) => !id.startsWith("node:") && !builtinModules.includes(id.split("/")[0]));
    if (notBuiltin.length) problems.push(`the bundle leaves ${notBuiltin.join(", ")} to be found at run time`);
    if (!fromPackage.length || fromPackage.some((input) => input.startsWith("dist/edge/") || !input.startsWith("dist/"))) {
      problems.push(`the bundle took ${fromPackage.join(", ")} from the package, not the Node build`);
    }
  }
  if (spec.webhooks && !fromPackage.includes(spec.webhooks)) problems.push(`the bundle did not take dub-partners/webhooks from ${spec.webhooks}`);
  return { file, bytes: Buffer.byteLength(code), fromPackage, problems };
}

/** Runs one scenario row against its own fake server and checks the outcome on both sides. */
async function runScenarioRow(row, ctx) {
  const missing = row.requires ? await row.requires() : undefined;
  if (missing) return { skipped: missing, problems: [], version: "—", transport: "—" };
  const fake = ctx.testing.createFakeDub();
  const server = await fake.listen(row.serve);
  // The first upsert meets a 503 (as from a load balancer): the scenario passes only if the
  // client retries it.
  fake.inject({ status: 503, headers: { "content-type": "text/html" }, body: "<h1>Service Unavailable</h1>" }, { route: "PUT /partners/links/upsert" });
  const problems = [];
  let result;
  let out;
  let built;
  try {
    const [command, args, env, cwd] = await row.command(server.url);
    if (!existsSync(command)) throw new Error(`${command} is missing (is tests/runtimes/toolchain installed?)`);
    if (row.expect.bundle) built = await Promise.all([row.expect.bundle].flat().map((name) => ctx.bundle(name)));
    out = await run(command, args, { cwd: cwd ?? ctx.consumer, env: childEnv(env), timeoutMs: ROW_TIMEOUT_MS });
    result = lastJson(out.stdout);
    if (out.timedOut) problems.push(`timed out after ${ROW_TIMEOUT_MS / 1000} s`);
    else if (out.error) problems.push(out.error.message);
    else if (out.code !== 0) problems.push(`exit code ${out.code ?? out.signal}`);
    if (!result) problems.push("printed no JSON result");
    else {
      if (!result.ok) problems.push(result.error ?? "the scenario failed");
      const { expect } = row;
      if (result.runtime !== expect.runtime) problems.push(`ran on ${result.runtime}, expected ${expect.runtime}`);
      if (expect.versionPrefix && !String(result.version).startsWith(expect.versionPrefix)) problems.push(`version ${result.version}, expected ${expect.versionPrefix}*`);
      if (result.transport !== expect.transport) problems.push(`used the ${result.transport} transport, expected ${expect.transport}`);
      if (expect.resolved && packageRelative(result.resolved) !== expect.resolved) problems.push(`loaded ${packageRelative(result.resolved)}, expected ${expect.resolved}`);
      if (result.ok && result.webhooks !== "verified") problems.push("did not run the dub-partners/webhooks steps");
      if (expect.webhooksResolved && packageRelative(result.webhooksResolved) !== expect.webhooksResolved) {
        problems.push(`dub-partners/webhooks resolved to ${packageRelative(result.webhooksResolved)}, expected ${expect.webhooksResolved}`);
      }
    }
    if (built) problems.push(...built.flatMap((b) => b.problems));
    if (result && row.check) problems.push(...row.check(result));
    const count = (method, route) => fake.requests.filter((r) => r.method === method && r.path.split("?")[0] === route).length;
    const seen = [count("POST", "/partners"), count("POST", "/partners/links"), count("PUT", "/partners/links/upsert")];
    if (result?.ok && seen.join() !== "1,2,3") {
      problems.push(`the server received POST /partners ×${seen[0]}, POST /partners/links ×${seen[1]}, PUT /partners/links/upsert ×${seen[2]}; expected 1, 2, 3 (the 503 retried once)`);
    }
  } catch (error) {
    problems.push(error.message);
  } finally {
    await server.close();
  }
  let version = result?.version;
  if (row.expect.typescript) version = `TypeScript ${ctx.typescriptVersion}, Node ${version}`;
  const picked = built ? summarize([...new Set(built.flatMap((b) => b.fromPackage))]) : packageRelative(result?.resolved);
  return {
    version,
    picked,
    transport: result?.transport,
    ms: out?.ms,
    problems,
    detail: built ? built.map((b) => `${(b.bytes / 1024).toFixed(0)} KiB ${path.basename(b.file)}`).join(", ") : undefined,
    stderr: out?.stderr,
  };
}

/** `dist/edge/index.js, dist/edge/chunk-X.js, ...` → `dist/edge/* (3 files)`. */
function summarize(files) {
  const dirs = [...new Set(files.map((f) => path.posix.dirname(f)))];
  return dirs.length === 1 ? `${dirs[0]}/* (${files.length} files)` : files.join(", ");
}

/** The bundler-resolution TypeScript consumer: type-checks, and pulls in no Node types. */
async function runTypecheckRow(ctx) {
  const out = await run(bin.node20, [bin.tsc, "-p", "ts-bundler/tsconfig.json", "--listFiles"], { cwd: ctx.consumer, env: childEnv(), timeoutMs: 120_000 });
  const problems = [];
  if (out.timedOut) problems.push("tsc timed out");
  else if (out.code !== 0) problems.push(`tsc failed:\n${tail(out.stdout.split("\n").filter((l) => / error TS/.test(l)).join("\n") || out.stdout + out.stderr)}`);
  const files = out.stdout.split("\n").filter((l) => l.startsWith("/"));
  if (files.some((f) => f.includes("/@types/node/"))) problems.push("the package's types pulled in @types/node");
  const picked = files.filter((f) => f.includes("/node_modules/dub-partners/")).map(packageRelative);
  return { version: `TypeScript ${ctx.typescriptVersion}`, picked: picked.join(", "), transport: "—", ms: out.ms, problems, detail: "type-check only" };
}

/** The `dub-partners-fake` command from the installed package: starts, answers, stops on SIGTERM. */
async function runBinRow(ctx) {
  const problems = [];
  let answered;
  let buffer = "";
  const out = await run(path.join(ctx.consumer, "node_modules/.bin/dub-partners-fake"), ["--port", "0"], {
    cwd: ctx.consumer,
    env: childEnv(),
    timeoutMs: 20_000,
    onStdout: (chunk, kill) => {
      buffer += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(buffer)?.[1];
      if (!url || answered) return;
      answered = fetch(`${url}/partners`, {
        method: "POST",
        headers: { authorization: "Bearer dub_bin_smoke", "content-type": "application/json" },
        body: JSON.stringify({ email: "kim@example.com" }),
      })
        .then(async (response) => ({ status: response.status, body: await response.json() }))
        .catch((error) => ({ status: 0, body: String(error) }))
        .finally(() => kill("SIGTERM"));
    },
  });
  const reply = await answered;
  if (!reply) problems.push(`did not print its URL: ${tail(out.stdout + out.stderr, 5)}`);
  else if (reply.status !== 201 || typeof reply.body?.id !== "string") problems.push(`POST /partners answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  if (out.timedOut) problems.push("did not stop on SIGTERM");
  else if (out.code !== 0) problems.push(`exit code ${out.code ?? out.signal} after SIGTERM`);
  return { version: process.versions.node, picked: "dist/testing/cli.js", transport: "—", ms: out.ms, problems, detail: "POST /partners → 201, SIGTERM → exit 0" };
}

/** Runs `tasks` with at most `limit` at once, keeping their order in the results. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function table(headers, lines) {
  const widths = headers.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i] ?? "").length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c ?? "").padEnd(widths[i])).join(" | ")} |`;
  return [fmt(headers), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...lines.map(fmt)].join("\n");
}

async function writeDocs(markdown) {
  const start = "<!-- runtime-matrix:start -->";
  const end = "<!-- runtime-matrix:end -->";
  const text = await readFile(docsFile, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path.relative(root, docsFile)} lacks the ${start} / ${end} markers`);
  await writeFile(docsFile, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
  console.log(`\nWrote the table into ${path.relative(root, docsFile)}`);
}

async function main() {
  const started = performance.now();
  const step = (message) => console.log(`• ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const allRows = rows({ tmp: os.tmpdir() });
  if (flag("--list")) {
    for (const row of allRows) console.log(`${row.id.padEnd(16)} ${row.runtime}, ${row.format}`);
    return;
  }
  const only = option("--only")?.split(",");
  const unknown = only?.filter((id) => !allRows.some((row) => row.id === id)) ?? [];
  if (unknown.length) throw new Error(`unknown row(s): ${unknown.join(", ")}; see --list`);
  if (only && flag("--write-docs")) throw new Error("--write-docs writes the whole matrix: run it without --only");
  if (!existsSync(path.join(toolchainDir, "node_modules"))) {
    step("Installing the runtime toolchain (npm ci --prefix tests/runtimes/toolchain)");
    await runOrThrow("npm", ["ci", "--prefix", toolchainDir, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: root, env: childEnv(), timeoutMs: 600_000 });
  }
  if (await ensureBuilt()) step("Built the package");

  const tmp = await mkdtemp(path.join(os.tmpdir(), "dub-partners-runtimes-"));
  const consumer = path.join(tmp, "consumer");
  // Children run in their own process groups, out of reach of the terminal's Ctrl-C: stop them
  // and remove the temporary project before leaving.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      killAll();
      if (!flag("--keep")) rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    });
  }
  try {
    const packed = await pack(tmp);
    step(`Packed ${packed.filename} (${(packed.size / 1024).toFixed(1)} KiB, ${packed.files.length} files)`);
    await cp(consumerTemplate, consumer, { recursive: true, filter: (src) => !/[/\\](node_modules|bundle-\w+\.m?js)$/.test(src) });
    await runOrThrow("npm", ["install", packed.tarball, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], {
      cwd: consumer,
      env: childEnv(),
      timeoutMs: 180_000,
    });
    const installed = versionOf(path.join(consumer, "node_modules/dub-partners"));
    if (installed !== rootPkg.version) throw new Error(`installed dub-partners ${installed}, expected ${rootPkg.version}`);
    step(`Installed the tarball into ${keepNote(consumer)}`);

    const testing = await import(pathToFileURL(path.join(root, "dist/testing/index.js")).href);
    const bundles = {};
    const ctx = {
      tmp,
      consumer,
      testing,
      typescriptVersion: versionOf(path.join(root, "node_modules/typescript")),
      bundle: (name) => (bundles[name] ??= bundle(consumer, name)),
      chromium: Object.assign(
        once(() => ensureChromium(step)),
        { path: async () => CHROMIUM },
      ),
      compileNode10: once(async () => {
        const out = await run(bin.node20, [bin.tsc, "-p", "ts-node10/tsconfig.json"], { cwd: consumer, env: childEnv(), timeoutMs: 120_000 });
        if (out.code !== 0) throw new Error(`tsc -p ts-node10 failed${out.timedOut ? " (timed out)" : ""}:\n${tail(out.stdout + out.stderr)}`);
      }),
      compileNode16: once(async () => {
        const out = await run(bin.node20, [bin.tsc, "-p", "ts-node16/tsconfig.json"], { cwd: consumer, env: childEnv(), timeoutMs: 120_000 });
        if (out.code !== 0) throw new Error(`tsc -p ts-node16 failed${out.timedOut ? " (timed out)" : ""}:\n${tail(out.stdout + out.stderr)}`);
      }),
    };

    const selected = rows(ctx).filter((row) => !only || only.includes(row.id));
    const jobs = Number(option("--jobs")) || Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
    step(`Running ${selected.length} rows, ${jobs} at a time`);

    const results = await pool(
      selected.map((row) => async () => {
        const outcome = row.kind === "typecheck" ? await runTypecheckRow(ctx) : row.kind === "bin" ? await runBinRow(ctx) : await runScenarioRow(row, ctx);
        const mark = outcome.skipped ? "⚠ SKIPPED" : outcome.problems.length ? "✗" : "✓";
        console.log(`  ${mark} ${row.id} (${((outcome.ms ?? 0) / 1000).toFixed(1)} s${outcome.detail ? `; ${outcome.detail}` : ""})`);
        return { row, ...outcome };
      }),
      jobs,
    );

    const headers = ["Runtime", "Version", "Module format", "Build loaded", "Transport", "Result"];
    const verdict = (r) => (r.skipped ? "**SKIPPED**" : r.problems.length ? "**FAIL**" : "pass");
    const line = (r) => [r.row.runtime, r.version ?? "?", r.row.format, r.picked ? `\`${r.picked}\`` : "?", r.transport ?? "?", verdict(r)];
    const consoleTable = table(
      [...headers, "Time"],
      results.map((r) => [...line(r), `${((r.ms ?? 0) / 1000).toFixed(1)} s`]),
    );
    console.log(`\n${consoleTable}\n`);
    const failed = results.filter((r) => r.problems.length);
    for (const r of failed) {
      console.log(`✗ ${r.row.id}:\n  ${r.problems.join("\n  ")}`);
      if (r.stderr?.trim()) console.log(`  stderr:\n${tail(r.stderr, 15).replace(/^/gm, "    ")}`);
    }
    const skipped = results.filter((r) => r.skipped);
    if (skipped.length) {
      const banner = "!".repeat(78);
      console.log(`\n${banner}\n  ${skipped.length} row(s) NOT RUN: this is not a pass.`);
      for (const r of skipped) console.log(`  ⚠ ${r.row.id}: ${r.skipped}`);
      console.log(`${process.env.CI ? "  CI is set: a row that cannot run fails the matrix." : "  (On CI, with CI set, a row that cannot run fails the matrix.)"}\n${banner}\n`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const passed = results.length - failed.length - skipped.length;
    console.log(`${passed}/${results.length} rows passed${skipped.length ? `, ${skipped.length} skipped` : ""} in ${seconds} s`);

    if (flag("--write-docs")) {
      const docTable = table(headers, results.map(line));
      await writeDocs(`${docTable}\n\n\`dub-partners@${rootPkg.version}\`: ${passed} of ${results.length} rows pass${skipped.length ? `, ${skipped.length} not run` : ""}.`);
    }
    process.exitCode = failed.length || (skipped.length && process.env.CI) ? 1 : 0;
  } finally {
    if (flag("--keep")) console.log(`Kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  function keepNote(dir) {
    return flag("--keep") ? dir : "a temporary consumer project";
  }
}

main().catch((error) => {
  console.error(`test-runtimes: ${error.stack ?? error}`);
  process.exitCode = 1;
});
