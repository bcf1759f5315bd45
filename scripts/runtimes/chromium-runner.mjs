/**
 * Runs the consumer's browser bundle in headless Chromium (Debian's, driven by playwright-core:
 * nothing is downloaded), as a page served from its own loopback origin, so that every call to
 * the fake API is a real cross-origin request with its CORS preflight. Prints the page's result as
 * one line of JSON.
 *
 * The page gets two fakes: the orchestrator's, with CORS on (`serverURL`), and one started here
 * from the installed package's `dub-partners/testing` without CORS, as the real API; the requests
 * that one received are reported (`noCorsRequests`), so the orchestrator can check that the
 * refused call was not retried.
 *
 * Usage: node chromium-runner.mjs <consumerDir> <page.js> <worker.js> <serverURL> <chromiumPath>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [consumerDir, pageBundle, workerBundle, serverURL, executablePath] = process.argv.slice(2);
const here = createRequire(import.meta.url);
const { chromium } = here("playwright-core");
const consumerRequire = createRequire(path.join(consumerDir, "package.json"));
const testing = await import(pathToFileURL(consumerRequire.resolve("dub-partners/testing")).href);

/** Chromium's flags for a sandbox-less container with no network beyond loopback. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const files = {
  "/": { type: "text/html", body: '<!doctype html><meta charset="utf-8"><title>dub-partners smoke</title><script type="module" src="/page.js"></script>' },
  "/page.js": { type: "text/javascript", body: readFileSync(pageBundle) },
  "/worker.js": { type: "text/javascript", body: readFileSync(workerBundle) },
};
const site = createServer((req, res) => {
  const file = files[req.url ?? ""];
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
});
await new Promise((resolve) => site.listen(0, "127.0.0.1", resolve));
const pageURL = `http://127.0.0.1:${site.address().port}/`;

const noCors = testing.createFakeDub();
const noCorsServer = await noCors.listen();

let browser;
const consoleLines = [];
try {
  browser = await chromium.launch({ executablePath, args: FLAGS, timeout: 30_000 });
  const page = await browser.newPage();
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(pageURL, { timeout: 20_000 });
  await page.waitForFunction(() => typeof window.dubSmoke === "function", undefined, { timeout: 10_000 });
  const result = await page.evaluate(([api, refused]) => window.dubSmoke(api, refused), [serverURL, noCorsServer.url]);
  const noCorsRequests = noCors.requests.map((r) => `${r.method} ${r.path}`);
  report({ ...result, version: `Chromium ${browser.version()}`, pageOrigin: new URL(pageURL).origin, noCorsRequests, console: consoleLines.slice(-10) });
} catch (error) {
  report({ ok: false, runtime: "browser", error: String(error?.stack ?? error), console: consoleLines.slice(-10) });
} finally {
  await browser?.close().catch(() => {});
  await noCorsServer.close();
  site.closeAllConnections?.();
  site.close();
}

function report(result) {
  console.log(JSON.stringify(result));
}
