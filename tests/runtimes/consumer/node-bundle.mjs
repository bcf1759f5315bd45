// A Node application written as ES modules and bundled whole by esbuild with
// `--platform=node --format=esm` (as for AWS Lambda), then run from a folder with no
// node_modules. esbuild's ESM output cannot run undici's CommonJS `require`s of Node built-ins,
// and the application adds no `createRequire` banner: the client must still work.
// Usage: node <bundle of this file> <serverURL>
import * as sdk from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { runScenario } from "./scenario.mjs";

const result = await runScenario(sdk, { serverURL: process.argv[2], format: "esm, bundled by esbuild", errors, webhooks });
console.log(JSON.stringify(result));
