// CommonJS entry point for Node and Bun: `require` picks the build through the package's
// export conditions (node → dist/*.cjs with undici; bun → dist/edge/*.cjs with fetch).
// Usage: <runtime> cjs.cjs <serverURL>
"use strict";
const sdk = require("dub-partners");
const errors = require("dub-partners/errors");
const webhooks = require("dub-partners/webhooks");
const testing = require("dub-partners/testing");

async function main() {
  // The scenario file is ESM; it only receives the module loaded by require above.
  const { runScenario } = await import("./scenario.mjs");
  const result = await runScenario(sdk, {
    serverURL: process.argv[2],
    format: "cjs",
    resolved: require.resolve("dub-partners"),
    errors,
    webhooks,
    extra: {
      testingExport: typeof testing.createFakeDub === "function" && typeof testing.errorReply === "function",
      webhooksResolved: require.resolve("dub-partners/webhooks"),
    },
  });
  if (!result.testingExport) Object.assign(result, { ok: false, error: result.error ?? "dub-partners/testing lacks createFakeDub" });
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.log(JSON.stringify({ ok: false, format: "cjs", error: String(error && error.stack || error) }));
});
