// The page of the Chromium row: bundled by esbuild for the browser (`platform: "browser"`) and
// loaded by scripts/runtimes/chromium-runner.mjs, which calls `window.dubSmoke(serverURL,
// noCorsURL)`. `serverURL` is a fake with CORS on, `noCorsURL` one without (as the real API).
import * as sdk from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { runScenario } from "./scenario.mjs";

/** What the client does in a page when nothing allows it: refuse, saying why. */
function guardRefuses(serverURL) {
  try {
    new sdk.Dub({ serverURL, token: "dub_browser_smoke" });
    return "built a client without dangerouslyAllowBrowser";
  } catch (error) {
    const ok = error instanceof sdk.SDKValidationError && error.issues[0]?.code === "browser_not_allowed" && /referral embed token/.test(error.message);
    return ok ? true : `${error?.name}: ${error?.message}`;
  }
}

/** A call to a server that sends no CORS headers: one clear ConnectionError, one attempt. */
async function corsFailure(noCorsURL) {
  let attempts = 0;
  const dub = new sdk.Dub({
    serverURL: noCorsURL,
    token: "dub_browser_smoke",
    dangerouslyAllowBrowser: true,
    retryConfig: { strategy: "backoff", backoff: { initialInterval: 50, maxInterval: 100, maxElapsedTime: 5_000 } },
    hooks: { onError: () => void attempts++ },
  });
  try {
    // Idempotent: an ordinary connection error would be retried.
    await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" });
    return "the call succeeded without CORS";
  } catch (error) {
    const ok = error instanceof errors.ConnectionError && error.errorCode === "BROWSER_FETCH_FAILED" && /CORS/.test(error.message) && /network/.test(error.message);
    if (!ok) return `${error?.name} ${error?.errorCode}: ${error?.message}`;
    return attempts === 1 ? true : `${attempts} attempts`;
  }
}

/** The guard inside a dedicated Web Worker (worker.js, a classic worker script). */
function workerGuard() {
  return new Promise((resolve) => {
    const worker = new Worker("/worker.js");
    const timer = setTimeout(() => resolve("the worker did not answer in 10 s"), 10_000);
    worker.onmessage = (event) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      resolve(`worker error: ${event.message}`);
    };
  });
}

window.dubSmoke = async (serverURL, noCorsURL) => {
  const guard = guardRefuses(serverURL);
  const result = await runScenario(sdk, { serverURL, format: "esm bundle in a page", errors, webhooks, clientOptions: { dangerouslyAllowBrowser: true } });
  const browserChecks = { guard, corsFailure: await corsFailure(noCorsURL), workerGuard: await workerGuard() };
  const failed = Object.entries(browserChecks).filter(([, value]) => value !== true);
  if (failed.length) {
    result.ok = false;
    result.error = (result.error ? `${result.error}; ` : "") + failed.map(([name, value]) => `${name}: ${value}`).join("; ");
  }
  return { ...result, browserChecks, userAgent: navigator.userAgent };
};
