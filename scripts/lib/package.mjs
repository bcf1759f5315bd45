/** Building and packing the package, shared by check-package.mjs and test-runtimes.mjs. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runOrThrow } from "./run.mjs";

/** The repository root. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** Files every export of package.json points to; when one is missing the package is (re)built. */
export const BUILD_OUTPUTS = [
  "dist/index.js",
  "dist/index.cjs",
  "dist/index.d.ts",
  "dist/index.d.cts",
  "dist/errors.js",
  "dist/errors.cjs",
  "dist/edge/index.js",
  "dist/edge/index.cjs",
  "dist/edge/errors.js",
  "dist/edge/errors.cjs",
  "dist/funcs.js",
  "dist/funcs.cjs",
  "dist/edge/funcs.js",
  "dist/edge/funcs.cjs",
  "dist/webhooks.js",
  "dist/webhooks.cjs",
  "dist/edge/webhooks.js",
  "dist/edge/webhooks.cjs",
  "dist/testing/index.js",
  "dist/testing/index.cjs",
  "dist/testing/index.d.ts",
  "dist/testing/msw.js",
  "dist/testing/cli.js",
];

/** Builds the package when an output is missing (`npm run build`). */
export async function ensureBuilt() {
  const missing = BUILD_OUTPUTS.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length === 0) return false;
  console.log(`Building the package (missing: ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""})`);
  await runOrThrow("npm", ["run", "build", "--silent"], { cwd: root, timeoutMs: 300_000, env: { ...process.env } });
  return true;
}

/**
 * `npm pack` into `destination`.
 * @returns {Promise<{ tarball: string, filename: string, size: number, unpackedSize: number, files: { path: string, size: number, mode: number }[] }>}
 */
export async function pack(destination) {
  const { stdout } = await runOrThrow("npm", ["pack", "--json", "--pack-destination", destination], { cwd: root, timeoutMs: 120_000 });
  // npm prints the JSON report on stdout; anything before the opening bracket is a script's noise.
  const report = JSON.parse(stdout.slice(stdout.indexOf("[")))[0];
  return { ...report, tarball: path.join(destination, report.filename) };
}
