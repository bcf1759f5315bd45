// Cold start: a fresh process imports one client and completes one track.lead (what a
// serverless function does on a signup).
// `node bench/cold.mjs <ours|official|raw-undici|none> <origin>`; prints the ms elapsed since the
// process started (performance.timeOrigin) at import done and at the response, then exits.
import { performance } from "node:perf_hooks";
import { BODIES, TOKEN, distIndex } from "./clients.mjs";

const [which, origin] = process.argv.slice(2);
let importedMs;
let result;
if (which === "ours") {
  const { Dub } = await import(distIndex);
  importedMs = performance.now();
  const dub = new Dub({ token: TOKEN, serverURL: origin });
  result = await dub.track.lead(BODIES.lead);
} else if (which === "official") {
  const { Dub } = await import("dub");
  importedMs = performance.now();
  const dub = new Dub({ token: TOKEN, serverURL: origin, retryConfig: { strategy: "none" } });
  result = await dub.track.lead(BODIES.lead);
} else if (which === "raw-undici") {
  const { request } = await import("undici");
  importedMs = performance.now();
  const res = await request(`${origin}/track/lead`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(BODIES.lead),
  });
  result = JSON.parse(await res.body.text());
} else {
  importedMs = performance.now();
  result = { click: { id: "none" } };
}
const doneMs = performance.now();
if (typeof result?.click?.id !== "string") throw new Error("no lead");
process.stdout.write(`${JSON.stringify({ importedMs, doneMs })}\n`);
process.exit(0);
