#!/usr/bin/env node
// Where the time of a call goes: runs clients at c=32 under `node --cpu-prof`, keeps the samples
// of the measured window (warm-up and start-up excluded), and summarizes them per call:
// self time by category, inclusive time of the pipeline's steps, and the top self-time functions.
// Writes bench/results/profile.json and, unless --no-docs, the profile section of
// docs/performance.md. Needs a fresh build.
//
// Options: --calls=N (30000), --clients=a,b (ours-undici,raw-undici,ours-fetch), --concurrency=N (32),
// --interval=µs (100), --keep (keep the .cpuprofile files), --no-docs,
// --render (profile nothing: re-render bench/results/profile.json).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchDir, lastJson, machine, rootDir, runNode, startServer } from "./lib.mjs";

const { values: flags } = parseArgs({
  options: {
    calls: { type: "string", default: "30000" },
    clients: { type: "string", default: "ours-undici,raw-undici,ours-fetch" },
    interval: { type: "string", default: "100" },
    concurrency: { type: "string", default: "32" },
    keep: { type: "boolean", default: false },
    "no-docs": { type: "boolean", default: false },
    render: { type: "boolean", default: false },
  },
});
const calls = Number(flags.calls);
const clients = flags.clients.split(",");
const concurrency = Number(flags.concurrency);

/** Category of a frame, from its script URL and function name. */
function category(frame) {
  const { functionName: fn, url } = frame;
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "V8/native, unattributed (program)";
  if (fn === "(root)") return "root";
  if (url.includes("/node_modules/zod/")) return "zod (validation)";
  if (url.includes("/node_modules/undici/")) return "undici (npm): HTTP client";
  if (url.includes("/node_modules/p-retry/") || url.includes("/node_modules/is-network-error/")) return "p-retry";
  if (url.includes("/node_modules/dub/")) return "official SDK code";
  if (url.includes("/dist/")) return "dub-partners code (self)";
  if (url.includes("/bench/")) return "bench harness";
  if (url.startsWith("node:internal/deps/undici")) return "Node's bundled undici (fetch)";
  if (/^node:internal\/(abort_controller|event_target)|^node:internal\/timers|^node:timers/.test(url)) return "AbortController, events, timers";
  if (/^node:(net|stream|internal\/stream|internal\/streams|internal\/net|internal\/socket|_http)/.test(url)) return "sockets and streams";
  if (/^node:internal\/(process\/task_queues|async_hooks)/.test(url)) return "microtask/tick queue";
  if (url.startsWith("node:internal/webstreams") || url.startsWith("node:internal/deps/")) return "web streams, other Node deps";
  if (url.startsWith("node:")) return "Node internals (other)";
  if (!url) return `native builtin: ${fn || "(anonymous)"}`;
  return "other";
}

/**
 * One bucket per sample, from its whole stack (first rule that matches), so that the pipeline's
 * steps can be compared with raw undici even where V8 inlined them into their callers.
 */
function bucket(stack) {
  const leaf = stack[0];
  const leafCat = category(leaf);
  const has = (test) => stack.some(test);
  const named = (name) => (f) => f.functionName === name && f.url.includes("/dist/");
  if (leafCat === "GC") return "GC";
  if (has((f) => f.url.includes("/node_modules/zod/"))) return has(named("interpret")) ? "validation of the response (zod)" : "validation of the request (zod)";
  if (leafCat === "AbortController, events, timers") return "AbortController, abort listeners, timers";
  if (leafCat === "p-retry") return "p-retry";
  if (has(named("flattenHeaders")) || has(named("headersToRecord"))) return "response headers to a record";
  if (has(named("interpret"))) return "UTF-8 decode + JSON.parse + result (ours)";
  if (has(named("prepare"))) return "request building (headers, JSON.stringify)";
  if (leaf.functionName === "writev" || leafCat === "sockets and streams") return "socket writes and reads";
  if (has((f) => f.url.includes("/node_modules/undici/") || f.url.startsWith("node:internal/deps/undici"))) return "HTTP client (undici / fetch)";
  if (leafCat === "dub-partners code (self)") return "pipeline glue (our own frames)";
  if (leafCat === "bench harness") return "bench harness (for raw clients: JSON.stringify/parse)";
  if (leaf.functionName === "runMicrotasks" || leafCat === "microtask/tick queue") return "promise and microtask machinery";
  return "other (Node, V8)";
}

/** Summarizes one .cpuprofile over [fromUs, toUs]. */
function summarize(profile, [fromUs, toUs], callsInWindow) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(node_modules\/|dist\/|bench\/)/, "$1")}:${n.callFrame.lineNumber + 1}`;

  const self = new Map();
  const inclusive = new Map();
  const categories = new Map();
  const buckets = new Map();
  const frameCategory = new Map();
  let total = 0;
  let idle = 0;
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  for (let i = 0; i < profile.samples.length - 1; i++) {
    if (times[i] < fromUs || times[i] >= toUs) continue;
    const duration = times[i + 1] - times[i];
    const leaf = byId.get(profile.samples[i]);
    const cat = category(leaf.callFrame);
    if (cat === "idle") {
      idle += duration;
      continue;
    }
    total += duration;
    categories.set(cat, (categories.get(cat) ?? 0) + duration);
    const k = key(leaf);
    self.set(k, (self.get(k) ?? 0) + duration);
    frameCategory.set(k, cat);
    const seen = new Set();
    const stack = [];
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      stack.push(node.callFrame);
      const nk = key(node);
      if (seen.has(nk)) continue;
      seen.add(nk);
      inclusive.set(nk, (inclusive.get(nk) ?? 0) + duration);
    }
    const b = bucket(stack);
    buckets.set(b, (buckets.get(b) ?? 0) + duration);
  }
  const perCall = (us) => us / callsInWindow;
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    calls: callsInWindow,
    windowMs: (toUs - fromUs) / 1000,
    busyUsPerCall: perCall(total),
    idleUsPerCall: perCall(idle),
    buckets: sorted(buckets).map(([name, us]) => ({ name, usPerCall: perCall(us), share: us / total })),
    categories: sorted(categories).map(([name, us]) => ({ name, usPerCall: perCall(us), share: us / total })),
    topSelf: sorted(self)
      .slice(0, 30)
      .map(([name, us]) => ({ name, category: frameCategory.get(name), usPerCall: perCall(us), share: us / total })),
    inclusive: sorted(inclusive)
      .filter(([name]) => /(^| )(dist\/|node_modules\/(p-retry|zod|undici)\/)/.test(name) || /^(callOperation|attemptOnce|interpret|prepare|runWithRetries|pRetry|safeParse|send) /.test(name))
      .slice(0, 60)
      .map(([name, us]) => ({ name, usPerCall: perCall(us), share: us / total })),
  };
}

async function measure() {
  const server = await startServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), "dub-partners-profile-"));
  const profiles = {};
  for (const client of clients) {
    process.stderr.write(`profile: ${client} c=${concurrency}, ${calls} calls\n`);
    const name = `${client}.cpuprofile`;
    const run = await runNode(
      path.join(benchDir, "client.mjs"),
      [JSON.stringify({ client, origin: server.origin, concurrency, calls, warmup: 3000 })],
      ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, `--cpu-prof-interval=${flags.interval}`],
    );
    const result = lastJson(run, `${client} under --cpu-prof`);
    const profile = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    profiles[client] = { rps: result.rps, cpuUsPerCall: result.cpuUsPerCall, ...summarize(profile, result.windowUs, calls) };
  }
  server.stop();
  if (flags.keep) process.stderr.write(`profile: kept the .cpuprofile files in ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });

  // Sampled time is wall time while the thread runs JS or native code; on a shared machine it also
  // holds time the thread waited for a core. Every µs figure below is therefore scaled so that a
  // client's busy samples add up to the CPU time per call process.cpuUsage() measured in that run.
  for (const p of Object.values(profiles)) {
    const scale = p.cpuUsPerCall / p.busyUsPerCall;
    p.sampledBusyUsPerCall = p.busyUsPerCall;
    p.busyUsPerCall = p.cpuUsPerCall;
    for (const list of [p.buckets, p.categories, p.topSelf, p.inclusive]) for (const item of list) item.usPerCall *= scale;
  }
  return { date: new Date().toISOString(), machine: machine(), calls, concurrency, interval: Number(flags.interval), profiles };
}

const resultsPath = path.join(benchDir, "results/profile.json");
const data = flags.render ? JSON.parse(readFileSync(resultsPath, "utf8")) : await measure();
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
const cell = (text) => String(text).replace(/\|/g, "\\|");
const lines = [];
const { machine: env, profiles, calls: profiledCalls, concurrency: profiledConcurrency, interval = 100 } = data;
lines.push(
  `Profile of ${data.date.slice(0, 16).replace("T", " ")} UTC: each client at c=${profiledConcurrency}, ${profiledCalls.toLocaleString("en-US")} calls after 3,000 warm-up calls, ` +
    `\`node --cpu-prof --cpu-prof-interval ${interval}\` (µs), samples of the measured window only; ${env.cpu}, Node ${env.node}. ` +
    "Times are µs of client CPU per call: each sample's share of the busy samples times the CPU per call `process.cpuUsage()` measured in the same run (the profiler adds some overhead of its own).",
  "",
);
const names = Object.keys(profiles);
const bucketOf = (n, b) => profiles[n].buckets.find((x) => x.name === b)?.usPerCall ?? 0;
const allBuckets = [...new Set(names.flatMap((n) => profiles[n].buckets.map((b) => b.name)))];
allBuckets.sort((a, b) => bucketOf(names[0], b) - bucketOf(names[0], a));
lines.push(
  "Where a call's CPU time goes, each sample counted once, in the first of these buckets its stack matches (in this order: GC; any zod frame; AbortController/timers; p-retry; header flattening; response decoding; request building; socket I/O; the HTTP client; our own frames; the rest):",
  "",
  `| Bucket | ${names.map((n) => `${n} µs/call`).join(" | ")} |`,
  `| --- | ${names.map(() => "--:").join(" | ")} |`,
);
for (const b of allBuckets) lines.push(`| ${b} | ${names.map((n) => fmt(bucketOf(n, b))).join(" | ")} |`);
lines.push(`| **total (CPU per call)** | ${names.map((n) => `**${fmt(profiles[n].busyUsPerCall)}**`).join(" | ")} |`, "", "Self time by category (the function on top of the stack; categories under 1 µs/call for every client left out):", "");
lines.push(
  `| Category (self time) | ${names.map((n) => `${n} µs/call`).join(" | ")} |`,
  `| --- | ${names.map(() => "--:").join(" | ")} |`,
);
const allCats = [...new Set(names.flatMap((n) => profiles[n].categories.map((c) => c.name)))];
const catOf = (n, cat) => profiles[n].categories.find((c) => c.name === cat)?.usPerCall ?? 0;
allCats.sort((a, b) => catOf(names[0], b) - catOf(names[0], a));
for (const cat of allCats) {
  if (names.every((n) => catOf(n, cat) < 1)) continue;
  lines.push(`| ${cell(cat)} | ${names.map((n) => fmt(catOf(n, cat))).join(" | ")} |`);
}
lines.push(`| **total (CPU per call)** | ${names.map((n) => `**${fmt(profiles[n].busyUsPerCall)}**`).join(" | ")} |`);
lines.push(`| (throughput under the profiler, req/s) | ${names.map((n) => fmt(profiles[n].rps, 0)).join(" | ")} |`);

for (const n of names.filter((x) => x === "ours-undici")) {
  lines.push("", `**${n}: inclusive time of the pipeline's functions** (a function's own time plus everything it calls, per call):`, "");
  lines.push("| Function | µs/call | share of busy |", "| --- | --: | --: |");
  for (const f of profiles[n].inclusive.slice(0, 22)) lines.push(`| \`${cell(f.name)}\` | ${fmt(f.usPerCall)} | ${fmt(f.share * 100, 1)}% |`);
  lines.push("", `**${n}: top self-time functions**:`, "");
  lines.push("| Function | category | µs/call | share of busy |", "| --- | --- | --: | --: |");
  for (const f of profiles[n].topSelf.slice(0, 20)) lines.push(`| \`${cell(f.name)}\` | ${cell(f.category)} | ${fmt(f.usPerCall)} | ${fmt(f.share * 100, 1)}% |`);
}
const markdown = lines.join("\n");

mkdirSync(path.join(benchDir, "results"), { recursive: true });
writeFileSync(resultsPath, `${JSON.stringify(data, null, 2)}\n`);
if (!flags["no-docs"]) {
  const docPath = path.join(rootDir, "docs/performance.md");
  const START = "<!-- profile:start -->";
  const END = "<!-- profile:end -->";
  if (existsSync(docPath)) {
    let doc = readFileSync(docPath, "utf8");
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    const block = `${START}\n<!-- Generated by bench/profile.mjs; edits between these markers are overwritten. -->\n\n${markdown}\n\n${END}`;
    doc = a !== -1 && b > a ? doc.slice(0, a) + block + doc.slice(b + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
    writeFileSync(docPath, doc);
  }
}
console.log(markdown);
