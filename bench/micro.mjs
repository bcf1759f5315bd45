#!/usr/bin/env node
// Micro-benchmarks of the mechanisms a call of the SDK goes through besides HTTP itself, each in
// isolation, in ns per operation: what p-retry, a per-attempt AbortController and timer, async
// layers, response decoding and header flattening cost on a success path. Complements
// bench/profile.mjs (which sees them inside real calls, where inlining blurs self times).
import pRetry from "p-retry";
import { exampleLink } from "../dist/testing/index.js";

const ITER = Number(process.argv[2] ?? 200_000);
const linkBytes = new TextEncoder().encode(JSON.stringify(exampleLink()));
const utf8 = new TextDecoder("utf-8", { fatal: true });
const undiciHeaders = {
  "content-type": "application/json",
  "content-length": String(linkBytes.length),
  "x-ratelimit-limit": "600",
  "x-ratelimit-remaining": "599",
  "x-ratelimit-reset": "1",
  date: new Date().toUTCString(),
  connection: "keep-alive",
  "keep-alive": "timeout=120",
};

async function measure(name, fn) {
  for (let i = 0; i < ITER / 10; i++) await fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ITER; i++) await fn();
  const ns = Number(process.hrtime.bigint() - t0) / ITER;
  return { name, ns };
}

const value = { ok: true };
const leaf = async () => value;
const layer1 = async () => await leaf();
const layer2 = async () => await layer1();
const layer3 = async () => await layer2();
const layer4 = async () => await layer3();
const onFailedAttempt = async () => {};

const cases = [
  ["await of one async function (baseline)", () => leaf()],
  ["4 more nested async layers (5 in all)", () => layer4()],
  [
    "p-retry around the baseline (retries: Infinity, maxRetryTime, onFailedAttempt)",
    () => pRetry(leaf, { retries: Number.POSITIVE_INFINITY, minTimeout: 0, maxRetryTime: 10_000, signal: undefined, onFailedAttempt }),
  ],
  [
    "AbortController + setTimeout + clearTimeout (per-attempt deadline)",
    () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      clearTimeout(timer);
      return controller.signal;
    },
  ],
  ["new AbortController() and its signal only", () => new AbortController().signal],
  ["AbortSignal.timeout(60000) (no clear possible)", () => AbortSignal.timeout(60_000)],
  ["performance.now() twice", () => performance.now() - performance.now()],
  ["TextDecoder(fatal).decode + JSON.parse of a link body", () => JSON.parse(utf8.decode(linkBytes))],
  ["Buffer.toString + JSON.parse of a link body", () => JSON.parse(Buffer.from(linkBytes.buffer, linkBytes.byteOffset, linkBytes.byteLength).toString("utf8"))],
  [
    "flatten 8 response headers into a new record",
    () => {
      const out = {};
      for (const name in undiciHeaders) {
        const v = undiciHeaders[name];
        if (v !== undefined) out[name] = Array.isArray(v) ? v.join(", ") : v;
      }
      return out;
    },
  ],
  ["request headers: { 'user-agent', ...headers } spread", () => ({ "user-agent": "dub-partners/0.1.0 node/20", ...undiciHeaders })],
];

const results = [];
for (const [name, fn] of cases) results.push(await measure(name, fn));
const base = results[0].ns;
console.log(`Micro-benchmarks, ${ITER.toLocaleString("en-US")} iterations each, Node ${process.version}; each case is awaited (so the baseline includes one await).`);
console.log("");
console.log("| Mechanism | ns/op | over baseline ns |");
console.log("| --- | --: | --: |");
for (const r of results) console.log(`| ${r.name} | ${r.ns.toFixed(0)} | ${r === results[0] ? "" : (r.ns - base).toFixed(0)} |`);
