/**
 * Runs the consumer's edge bundle in the Vercel Edge Runtime (npm `edge-runtime`, the sandbox
 * `next dev` and `vercel dev` use for edge routes: web APIs only, no `process`, no `require`).
 * Prints the scenario's result as one line of JSON.
 *
 * Usage: node edge-runtime-runner.mjs <bundle.js> <serverURL>
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { EdgeRuntime } from "edge-runtime";

const [bundlePath, serverURL] = process.argv.slice(2);
const { version } = createRequire(import.meta.url)("edge-runtime/package.json");
try {
  const runtime = new EdgeRuntime({ initialCode: readFileSync(bundlePath, "utf8") });
  const result = await runtime.evaluate(`__dubSmoke.run(${JSON.stringify(serverURL)})`);
  const sandbox = await runtime.evaluate(`({ process: typeof process, require: typeof require, EdgeRuntime: typeof EdgeRuntime })`);
  report({ ...result, version: `edge-runtime ${version}`, sandbox: { ...sandbox } });
} catch (error) {
  report({ ok: false, runtime: "edge-runtime", version: `edge-runtime ${version}`, error: String(error?.stack ?? error) });
}

/** Prints the result, then exits: the sandbox's fetch keeps idle keep-alive sockets open. */
function report(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}
