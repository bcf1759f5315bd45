#!/usr/bin/env node
// Cuts the partner program out of the official Dub OpenAPI document: every path the SDK calls,
// the webhook event schemas, and every component they reference (transitively), into
// spec/partner-program.openapi.json. Run it when the official document changes:
//
//   node scripts/vendor-spec.mjs ../shared/spec/dub-openapi.json
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/vendor-spec.mjs <path to dub-openapi.json>");
  process.exit(2);
}
const raw = readFileSync(source);
const document = JSON.parse(raw.toString("utf8"));

/** The paths of the partner program. */
const PATHS = [/^\/partners(\/|$)/, /^\/track\//, /^\/customers(\/|$)/, /^\/commissions(\/|$)/, /^\/payouts$/, /^\/discount-codes(\/|$)/, /^\/tokens\/embed\/referrals$/, /^\/bounties\//];
/** Components kept although no path references them: the webhook payloads. */
const EXTRA_SCHEMAS = [/Event$/];

const paths = Object.fromEntries(Object.entries(document.paths).filter(([p]) => PATHS.some((re) => re.test(p))));
const wanted = { schemas: new Set(Object.keys(document.components.schemas).filter((n) => EXTRA_SCHEMAS.some((re) => re.test(n)))), responses: new Set() };

/** Adds every `#/components/<kind>/<name>` that `node` references, and what those reference. */
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value) ?? [];
      if (!kind || !wanted[kind]) throw new Error(`unsupported $ref ${value}`);
      if (!wanted[kind].has(name)) {
        wanted[kind].add(name);
        collect(document.components[kind][name]);
      }
    } else collect(value);
  }
}
collect(paths);
for (const name of [...wanted.schemas]) collect(document.components.schemas[name]);

const pick = (kind) => Object.fromEntries(Object.keys(document.components[kind]).filter((n) => wanted[kind].has(n)).map((n) => [n, document.components[kind][n]]));
const out = {
  openapi: document.openapi,
  info: { ...document.info, title: `${document.info.title} (partner program subset)` },
  servers: document.servers,
  paths,
  components: { schemas: pick("schemas"), responses: pick("responses"), securitySchemes: document.components.securitySchemes },
};
const target = fileURLToPath(new URL("../spec/partner-program.openapi.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
const sha = (b) => createHash("sha256").update(b).digest("hex");
console.log(`source sha256 ${sha(raw)}`);
console.log(`wrote spec/partner-program.openapi.json: ${Object.keys(paths).length} paths, ${wanted.schemas.size} schemas, ${wanted.responses.size} responses, sha256 ${sha(readFileSync(target))}`);
