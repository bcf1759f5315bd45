#!/usr/bin/env node
/**
 * Checks the package as it would be published (`npm run test:package`):
 *
 * 1. `npm pack` into a temporary directory (after building when dist/ is incomplete), and list
 *    the tarball's files and sizes;
 * 2. the tarball holds only what users need: an allow-list of paths, so that sources, tests,
 *    benchmarks, examples, scripts, docs, configs and source maps fail the check;
 * 3. everything package.json points to (main, module, types, every export, bin) is in it, the bin
 *    starts with a shebang, and the edge build imports neither undici nor a Node built-in;
 * 4. publint on the tarball, warnings counted as errors;
 * 5. @arethetypeswrong/cli on the tarball: every entry point, for node10, node16 (from CJS and
 *    from ESM) and bundler resolution. The one tolerated finding is `NoResolution` of a subpath
 *    (`dub-partners/errors`, `/funcs`, `/webhooks`, `/testing`, `/testing/msw`) under node10: that resolution predates
 *    `exports`, so no subpath can resolve there without stub files; the root entry must still
 *    resolve (it does, through `main` and `types`).
 *
 * Exits 1 when a check fails.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { ensureBuilt, pack, root } from "./lib/package.mjs";
import { childEnv, run, runOrThrow, tail } from "./lib/run.mjs";

/** What may be published. Anything else is something users do not need. */
const ALLOWED = [
  { pattern: /^package\.json$/, why: "manifest" },
  { pattern: /^(README|CHANGELOG)\.md$/, why: "documentation" },
  { pattern: /^LICENSE$/, why: "license" },
  { pattern: /^dist\/(?:[\w.-]+\/)*[\w.-]+\.(?:js|cjs|d\.ts|d\.cts)$/, why: "build output" },
  // The OpenAPI document the models follow: not loaded by any code, kept for reference.
  { pattern: /^spec\/(?:partners\.openapi\.json|README\.md)$/, why: "API description (reference only)" },
];
/** Paths that must never be published, with the reason printed. Checked before the allow-list. */
const FORBIDDEN = [
  { pattern: /\.map$/, why: "source map" },
  { pattern: /^(?:src|tests?|bench|examples|scripts|coverage|node_modules)\//, why: "not part of the runtime package" },
  { pattern: /^docs\//, why: "documentation site / API reference (read it in the repository)" },
  { pattern: /(?:^|\/)tsconfig[\w.-]*\.json$|(?:^|\/)(?:tsup|vitest|vite|typedoc|eslint)\.config\.\w+$|^typedoc\.json$/, why: "build configuration" },
  { pattern: /(?:^|\/)\.[^/]+/, why: "dotfile" },
  { pattern: /\.tgz$/, why: "tarball" },
];
/** Allowed but worth a line in the report. */
const NOTES = [{ pattern: /^dist\/testing\/cli\.d\.ts$/, note: "a declaration of the bin: nothing imports it" }];

const failures = [];
const fail = (message) => failures.push(message);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function section(title) {
  console.log(`\n${title}\n${"─".repeat(title.length)}`);
}

/** Every file package.json points to, with where it is named. */
function referencedFiles(pkg) {
  const out = [];
  const walk = (value, where) => {
    if (typeof value === "string") {
      if (value.startsWith("./") && !value.includes("*")) out.push({ file: value.slice(2), where });
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
    }
  };
  for (const field of ["main", "module", "types", "typings"]) {
    if (typeof pkg[field] === "string") out.push({ file: pkg[field].replace(/^\.\//, ""), where: field });
  }
  walk(pkg.exports, "exports");
  const bins = typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  for (const [name, file] of Object.entries(bins)) out.push({ file: file.replace(/^\.\//, ""), where: `bin.${name}`, bin: true });
  return out;
}

const BUILTINS = builtinModules.filter((name) => !name.startsWith("_")).map((name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, "\\$&"));
const FORBIDDEN_IMPORT = new RegExp(
  String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'](?:node:[^"']+|undici(?:/[^"']*)?|(?:${BUILTINS.join("|")})(?:/[^"']*)?)["']`,
);

async function checkContents(packed, unpacked) {
  section(`Tarball: ${packed.filename}, ${kib(packed.size)} packed, ${kib(packed.unpackedSize)} unpacked, ${packed.files.length} files`);
  const width = Math.max(...packed.files.map((f) => f.path.length));
  for (const file of [...packed.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const forbidden = FORBIDDEN.find((rule) => rule.pattern.test(file.path));
    const allowed = ALLOWED.find((rule) => rule.pattern.test(file.path));
    const note = NOTES.find((rule) => rule.pattern.test(file.path));
    let verdict = allowed?.why ?? "";
    if (forbidden) {
      verdict = `✗ ${forbidden.why}`;
      fail(`${file.path} should not be published (${forbidden.why})`);
    } else if (!allowed) {
      verdict = "✗ not needed by users";
      fail(`${file.path} is not on the allow-list of published files`);
    } else if (note) verdict += ` (note: ${note.note})`;
    console.log(`  ${file.path.padEnd(width)}  ${String(file.size).padStart(7)} B  ${verdict}`);
  }
  const byTop = {};
  for (const file of packed.files) {
    const parts = file.path.split("/");
    const top = parts[0] === "dist" ? (parts.length > 2 ? `dist/${parts[1]}/` : "dist/ (Node build, types)") : parts.length > 1 ? `${parts[0]}/` : "top-level files";
    byTop[top] = (byTop[top] ?? 0) + file.size;
  }
  console.log(`  by folder: ${Object.entries(byTop).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kib(v)}`).join(", ")}`);

  const pkg = JSON.parse(await readFile(path.join(unpacked, "package.json"), "utf8"));
  const paths = new Set(packed.files.map((f) => f.path));
  for (const ref of referencedFiles(pkg)) {
    if (!paths.has(ref.file)) fail(`${ref.where} points to ${ref.file}, which is not in the tarball`);
    if (ref.bin && paths.has(ref.file)) {
      const text = await readFile(path.join(unpacked, ref.file), "utf8");
      if (!text.startsWith("#!/usr/bin/env node")) fail(`${ref.where} (${ref.file}) does not start with "#!/usr/bin/env node"`);
    }
  }
  for (const file of packed.files.filter((f) => /^dist\/edge\/.*\.c?js$/.test(f.path))) {
    const code = await readFile(path.join(unpacked, file.path), "utf8");
    const hit = FORBIDDEN_IMPORT.exec(code);
    if (hit) fail(`${file.path} (edge build) loads ${hit[0]}`);
  }
  console.log(`  every file package.json points to is present; the edge build loads neither undici nor a Node built-in${failures.length ? " (see failures)" : ""}`);
}

async function checkPublint(tarball) {
  section("publint");
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
    strict: true,
  });
  if (messages.length === 0) console.log("  no errors, warnings or suggestions");
  for (const message of messages) {
    const text = `${message.type}: ${formatMessage(message, pkg, { color: false })} [${message.code}]`;
    console.log(`  ${text}`);
    // strict: warnings arrive as errors. Suggestions are reported, not fatal.
    if (message.type !== "suggestion") fail(`publint ${text}`);
  }
}

async function checkTypes(tarball) {
  section("@arethetypeswrong/cli");
  const cli = path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");
  // --no-definitely-typed: the package ships its types; never look @types up on the registry.
  const out = await run(process.execPath, [cli, tarball, "--format", "json", "--no-definitely-typed"], { cwd: root, env: childEnv({ NO_COLOR: "1" }), timeoutMs: 120_000 });
  let report;
  try {
    report = JSON.parse(out.stdout);
  } catch {
    fail(`attw did not report${out.timedOut ? " (timed out)" : ""}: ${tail(out.stdout + out.stderr, 10)}`);
    return;
  }
  const kinds = ["node10", "node16-cjs", "node16-esm", "bundler"];
  const rows = Object.entries(report.analysis.entrypoints).map(([entry, { resolutions }]) => [
    entry,
    ...kinds.map((kind) => {
      const r = resolutions[kind];
      const types = r?.resolution?.fileName?.replace("/node_modules/dub-partners/", "");
      const js = r?.implementationResolution?.fileName?.replace("/node_modules/dub-partners/", "");
      return types ? `${types} → ${js ?? "?"}` : "no resolution";
    }),
  ]);
  const widths = ["entry point", ...kinds].map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join("  ")}`.trimEnd();
  console.log(line(["entry point", ...kinds]));
  for (const row of rows) console.log(line(row));

  const problems = Object.values(report.problems ?? report.analysis.problems ?? {}).flat();
  const tolerated = problems.filter((p) => p.kind === "NoResolution" && p.resolutionKind === "node10" && p.entrypoint !== ".");
  const real = problems.filter((p) => !tolerated.includes(p));
  for (const p of real) fail(`attw ${p.kind} on ${p.entrypoint ?? "?"} (${p.resolutionKind ?? "all resolutions"})${p.fileName ? ` in ${p.fileName}` : ""}`);
  console.log(
    real.length === 0
      ? `  no problems${tolerated.length ? `; tolerated: NoResolution of ${tolerated.map((p) => p.entrypoint).join(", ")} under node10 (it ignores "exports"; the root entry resolves there)` : ""}`
      : `  ${real.length} problem(s): ${[...new Set(real.map((p) => p.kind))].join(", ")}`,
  );
}

async function main() {
  await ensureBuilt();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "dub-partners-package-"));
  try {
    const packed = await pack(tmp);
    const unpacked = path.join(tmp, "unpacked");
    await mkdir(unpacked);
    await runOrThrow("tar", ["-xzf", packed.tarball, "-C", unpacked, "--strip-components=1"], { timeoutMs: 60_000 });
    if (!existsSync(path.join(unpacked, "package.json"))) throw new Error("the tarball has no package.json");
    await checkContents(packed, unpacked);
    await checkPublint(packed.tarball);
    await checkTypes(packed.tarball);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  section(failures.length ? `${failures.length} failure(s)` : "Package checks passed");
  for (const failure of failures) console.log(`  ✗ ${failure}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`check-package: ${error.stack ?? error}`);
  process.exitCode = 1;
});
