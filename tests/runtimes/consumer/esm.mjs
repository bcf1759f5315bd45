// ESM entry point for Node, Bun and Deno: `import` picks the build through the package's
// export conditions (node → dist/*.js with undici; bun, deno → dist/edge/*.js with fetch).
// Usage: <runtime> esm.mjs <serverURL>
import * as sdk from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import * as testing from "dub-partners/testing";
import { runScenario } from "./scenario.mjs";

const serverURL = process.argv[2];
const result = await runScenario(sdk, {
  serverURL,
  format: "esm",
  resolved: import.meta.resolve("dub-partners"),
  errors,
  webhooks,
  extra: {
    testingExport: typeof testing.createFakeDub === "function" && typeof testing.errorReply === "function",
    webhooksResolved: import.meta.resolve("dub-partners/webhooks"),
  },
});
if (!result.testingExport) Object.assign(result, { ok: false, error: result.error ?? "dub-partners/testing lacks createFakeDub" });
console.log(JSON.stringify(result));
