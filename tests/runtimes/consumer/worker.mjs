// A Cloudflare Worker (ES module syntax). esbuild bundles it with the `workerd`, `worker` and
// `browser` conditions, as wrangler does; scripts/runtimes/miniflare-runner.mjs loads the bundle
// in workerd through Miniflare and dispatches `GET /?server=<serverURL>` to it.
import * as sdk from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { runScenario } from "./scenario.mjs";

export default {
  async fetch(request) {
    const serverURL = new URL(request.url).searchParams.get("server");
    if (!serverURL) return new Response("missing ?server=", { status: 400 });
    const result = await runScenario(sdk, { serverURL, format: "esm worker (workerd)", errors, webhooks });
    return Response.json(result);
  },
};
