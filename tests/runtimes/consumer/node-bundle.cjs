// A Node application bundled whole by esbuild (as for AWS Lambda or any single-file deploy), then
// run from a folder with no node_modules: the package and undici must both be inside the bundle.
// Usage: node <bundle of this file> <serverURL>
const sdk = require("dub-partners");
const errors = require("dub-partners/errors");
const webhooks = require("dub-partners/webhooks");
const { runScenario } = require("./scenario.mjs");

runScenario(sdk, { serverURL: process.argv[2], format: "cjs, bundled by esbuild", errors, webhooks }).then((result) => {
  console.log(JSON.stringify(result));
});
