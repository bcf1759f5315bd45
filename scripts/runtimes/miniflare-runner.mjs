/**
 * Runs the consumer's worker bundle in workerd, Cloudflare's Workers runtime, through Miniflare,
 * and dispatches one request to it. Prints the scenario's result as one line of JSON.
 *
 * Miniflare 4 needs Node 22 or newer: run this with the toolchain's node22 binary.
 * `cf: false` keeps Miniflare from downloading `Request.cf` data from the internet. Outbound
 * `fetch` from the worker to the loopback fake server goes through workerd's default network
 * service, which allows private addresses under Miniflare; no `outboundService` is needed.
 * No compatibility flag is set: in particular not `nodejs_compat`, so a Node built-in in the
 * bundle would fail to load.
 *
 * Usage: node22 miniflare-runner.mjs <toolchainDir> <bundle.mjs> <serverURL>
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [toolchainDir, bundlePath, serverURL] = process.argv.slice(2);
const require = createRequire(path.join(toolchainDir, "package.json"));
const { Miniflare } = await import(pathToFileURL(require.resolve("miniflare")).href);
const versionOf = (name) => JSON.parse(readFileSync(path.join(toolchainDir, "node_modules", name, "package.json"), "utf8")).version;
const version = `workerd ${versionOf("workerd")} (miniflare ${versionOf("miniflare")})`;

const mf = new Miniflare({
  modules: true,
  scriptPath: bundlePath,
  compatibilityDate: "2025-09-01",
  compatibilityFlags: [],
  cf: false,
});
try {
  const response = await mf.dispatchFetch(`http://worker.test/?server=${encodeURIComponent(serverURL)}`);
  const text = await response.text();
  let result;
  try {
    result = JSON.parse(text);
  } catch {
    result = { ok: false, runtime: "workerd", error: `worker answered ${response.status}: ${text.slice(0, 500)}` };
  }
  console.log(JSON.stringify({ ...result, version }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, runtime: "workerd", version, error: String(error?.stack ?? error) }));
} finally {
  await mf.dispose();
}
