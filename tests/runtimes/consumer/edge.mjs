// Entry point of the Vercel Edge Runtime bundle: esbuild bundles it with the `edge-light`,
// `worker` and `browser` conditions (as Next.js does for edge routes) into a script that defines
// the global `__dubSmoke`; scripts/runtimes/edge-runtime-runner.mjs evaluates it in
// `new EdgeRuntime()` and calls `__dubSmoke.run(serverURL)`.
import * as sdk from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { runScenario } from "./scenario.mjs";

export function run(serverURL) {
  return runScenario(sdk, { serverURL, format: "esm bundle (edge-light)", errors, webhooks });
}
