#!/usr/bin/env node
// The performance benchmark: throughput, latency, CPU and memory of five clients against a
// loopback server, for two workloads (the conversions an app reports: track.lead and track.sale;
// and partner onboarding: create, createLink, upsertLink), cold start, bundle sizes, and a
// long-run memory check of each workload. Needs a fresh build
// (`npm run bench` builds first). Prints a table, writes bench/results/latest.json and
// bench/results/chart.svg, and refreshes the generated part of docs/performance.md.
//
// Options: --rounds=N (5), --calls1=N (1500), --calls32=N (6000), --memory-calls=N (100000),
// --cold=N (10), --seed=N, --quick (1 round, few calls: checks the harness), --no-docs,
// --render (measure nothing: re-evaluate bench/results/latest.json and rewrite the outputs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLIENTS, LABELS, WORKLOADS, distEdge, distIndex } from "./clients.mjs";
import { benchDir, lastJson, machine, median, rootDir, runNode, shuffler, startServer } from "./lib.mjs";
import { renderChart } from "./chart.mjs";
import { BUDGET, COLD, evaluateBudgets, renderMarkdown, signed } from "./report.mjs";
import { WEBHOOKS_BUDGET_GZIP_BYTES, bundleSize, fullClientEntry, ourOperations } from "../scripts/check-size.mjs";
import { bundleCases } from "./bundles.mjs";

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string" },
    calls1: { type: "string" },
    calls32: { type: "string" },
    "memory-calls": { type: "string" },
    cold: { type: "string" },
    seed: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-docs": { type: "boolean", default: false },
    render: { type: "boolean", default: false },
  },
});
const quick = flags.quick;
const config = {
  rounds: Number(flags.rounds ?? (quick ? 1 : 5)),
  concurrency: [1, 32],
  calls: { 1: Number(flags.calls1 ?? (quick ? 300 : 3000)), 32: Number(flags.calls32 ?? (quick ? 1000 : 6000)) },
  // Steady state: long enough for V8 to optimize every client's hot path (a few hundred calls
  // measure mostly the JIT at c=1). Start-up is measured on its own, by the cold-start runs.
  warmup: { 1: quick ? 100 : 5000, 32: quick ? 300 : 5000 },
  memoryCalls: Number(flags["memory-calls"] ?? (quick ? 10_000 : 100_000)),
  memoryWarmup: quick ? 2000 : 10_000,
  coldProcesses: Number(flags.cold ?? (quick ? 3 : 10)),
  seed: Number(flags.seed ?? Date.now() % 2 ** 31),
  workloads: Object.keys(WORKLOADS),
  mixes: Object.fromEntries(Object.entries(WORKLOADS).map(([name, w]) => [name, w.label])),
};

if (BUDGET.webhooksGzipBytes !== WEBHOOKS_BUDGET_GZIP_BYTES) throw new Error("bench/report.mjs and scripts/check-size.mjs disagree on the webhooks size budget");

const log = (...parts) => process.stderr.write(`${parts.join(" ")}\n`);

async function measure() {
  for (const file of [distIndex, distEdge, path.join(rootDir, "dist/testing/index.js")]) {
    if (!existsSync(file)) {
      console.error(`bench: ${path.relative(rootDir, file)} is missing; run \`npm run build\` first (or \`npm run bench\`).`);
      process.exit(1);
    }
  }

  const startedAt = new Date();
  const shuffle = shuffler(config.seed);
  const server = await startServer();
  log(`bench: server ${server.origin} (pid ${server.pid}); seed ${config.seed}; ${config.rounds} round(s)`);

  // ---- Throughput, latency, CPU, peak RSS: every client at every concurrency, interleaved in rounds.
  const clientScript = path.join(benchDir, "client.mjs");

  async function runClient(client, workload, concurrency, calls, warmup, extra = {}, nodeArgs = []) {
    const before = (await server.stats()).requests;
    const run = await runNode(clientScript, [JSON.stringify({ client, workload, origin: server.origin, concurrency, calls, warmup, ...extra })], nodeArgs);
    const what = `${client} ${workload} c=${concurrency}`;
    const result = lastJson(run, what);
    const served = (await server.stats()).requests - before;
    if (result.errors) throw new Error(`${what}: ${result.errors} failed calls; first: ${result.firstError}`);
    if (served !== calls + warmup) throw new Error(`${what}: the server saw ${served} requests, expected ${calls + warmup}`);
    return result;
  }

  // Every (workload, concurrency, client) once per round, in a shuffled order, so that drifts of
  // the machine spread over all clients; ratios are taken within a round.
  const rounds = [];
  const runs = config.workloads.flatMap((workload) => config.concurrency.flatMap((c) => CLIENTS.map((client) => ({ workload, client, c }))));
  for (let round = 1; round <= config.rounds; round++) {
    const order = shuffle(runs);
    const results = [];
    for (const { workload, client, c } of order) {
      const r = await runClient(client, workload, c, config.calls[c], config.warmup[c]);
      results.push(r);
      log(
        `round ${round}/${config.rounds} ${workload.padEnd(11)} ${client.padEnd(11)} c=${String(c).padEnd(2)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  ${r.cpuUsPerCall.toFixed(0)} µs CPU/call  ${r.peakRssMB.toFixed(1)} MB`,
      );
    }
    rounds.push({ round, order: order.map(({ workload, client, c }) => `${workload}:${client}@${c}`), results });
  }

  const find = (round, workload, client, c) => round.results.find((r) => r.workload === workload && r.client === client && r.concurrency === c);
  const summary = {};
  for (const workload of config.workloads) {
    summary[workload] = {};
    for (const client of CLIENTS) {
      summary[workload][client] = {};
      for (const c of config.concurrency) {
        const mine = rounds.map((round) => find(round, workload, client, c));
        const raw = rounds.map((round) => find(round, workload, "raw-undici", c));
        const rawFetch = rounds.map((round) => find(round, workload, "raw-fetch", c));
        const official = rounds.map((round) => find(round, workload, "official", c));
        summary[workload][client][c] = {
          rps: median(mine.map((r) => r.rps)),
          p50Ms: median(mine.map((r) => r.p50Ms)),
          p99Ms: median(mine.map((r) => r.p99Ms)),
          cpuUsPerCall: median(mine.map((r) => r.cpuUsPerCall)),
          peakRssMB: median(mine.map((r) => r.peakRssMB)),
          rpsVsRaw: median(mine.map((r, i) => r.rps / raw[i].rps)),
          rpsVsRawFetch: median(mine.map((r, i) => r.rps / rawFetch[i].rps)),
          cpuVsRaw: median(mine.map((r, i) => r.cpuUsPerCall / raw[i].cpuUsPerCall)),
          p50VsRaw: median(mine.map((r, i) => r.p50Ms / raw[i].p50Ms)),
          rssOverRawMB: median(mine.map((r, i) => r.peakRssMB - raw[i].peakRssMB)),
          rpsVsOfficial: median(mine.map((r, i) => r.rps / official[i].rps)),
          rpsPerRound: mine.map((r) => r.rps),
        };
      }
    }
  }

  // ---- Memory: many calls at c=32 with a full GC and a sample every 10,000 calls, for ours on
  // undici (the budget) and for raw undici (the reference: what the runtime itself does).
  function slopePer100k(samples, key) {
    const n = samples.length;
    if (n < 2) return 0;
    const mx = samples.reduce((a, s) => a + s.calls, 0) / n;
    const my = samples.reduce((a, s) => a + s[key], 0) / n;
    let num = 0;
    let den = 0;
    for (const s of samples) {
      num += (s.calls - mx) * (s[key] - my);
      den += (s.calls - mx) ** 2;
    }
    return (num / den) * 100_000;
  }
  async function memoryCheck(client, workload) {
    log(`memory: ${client}, ${workload}, ${config.memoryCalls} calls at c=32 after ${config.memoryWarmup} warm-up calls`);
    const run = await runClient(client, workload, 32, config.memoryCalls, config.memoryWarmup, { memory: true }, ["--expose-gc"]);
    const samples = run.memory;
    const first = samples[0];
    const last = samples[samples.length - 1];
    return {
      client,
      rps: run.rps,
      peakRssMB: run.peakRssMB,
      samples,
      rssGrowthMB: last.rssMB - first.rssMB,
      heapGrowthMB: last.heapUsedMB - first.heapUsedMB,
      rssSlopeMBPer100k: slopePer100k(samples, "rssMB"),
      heapSlopeMBPer100k: slopePer100k(samples, "heapUsedMB"),
    };
  }
  const memory = {};
  for (const workload of config.workloads) {
    const memoryOurs = await memoryCheck("ours-undici", workload);
    const memoryRaw = await memoryCheck("raw-undici", workload);
    memory[workload] = { calls: config.memoryCalls, warmup: config.memoryWarmup, ...memoryOurs, reference: memoryRaw };
    log(`memory, ${workload}: ours heap ${signed(memoryOurs.heapGrowthMB, 2)} MB, RSS ${signed(memoryOurs.rssGrowthMB)} MB; raw undici heap ${signed(memoryRaw.heapGrowthMB, 2)} MB, RSS ${signed(memoryRaw.rssGrowthMB)} MB`);
  }

  // ---- Cold start: fresh processes, interleaved; spawn to exit, and process start to response.
  const coldScript = path.join(benchDir, "cold.mjs");
  const coldSamples = Object.fromEntries(COLD.map((w) => [w, []]));
  for (let i = 0; i < config.coldProcesses; i++) {
    for (const which of shuffle(COLD)) {
      const run = await runNode(coldScript, [which, server.origin]);
      const { importedMs, doneMs } = lastJson(run, `cold start ${which}`);
      coldSamples[which].push({ wallMs: run.wallMs, importedMs, doneMs });
    }
  }
  const coldStart = Object.fromEntries(
    COLD.map((w) => [
      w,
      {
        wallMs: median(coldSamples[w].map((s) => s.wallMs)),
        doneMs: median(coldSamples[w].map((s) => s.doneMs)),
        importedMs: median(coldSamples[w].map((s) => s.importedMs)),
        samples: coldSamples[w],
      },
    ]),
  );
  log(`cold start: ours ${coldStart.ours.doneMs.toFixed(0)} ms, official ${coldStart.official.doneMs.toFixed(0)} ms to the response (spawn to exit ${coldStart.ours.wallMs.toFixed(0)} vs ${coldStart.official.wallMs.toFixed(0)} ms), medians`);

  server.stop();

  // ---- Backfill: track.bulkSale of historical sales against the fake and its rate limiter.
  const backfillOptions = quick ? { items: 1_000, limit: 500, windowMs: 1_000, concurrency: 16, faults: 10 } : { items: 10_000, limit: 500, windowMs: 1_000, concurrency: 16, faults: 50 };
  log(`backfill: ${backfillOptions.items} sales through track.bulkSale, ${backfillOptions.limit} requests per ${backfillOptions.windowMs} ms, ${backfillOptions.faults} answers lost after the sale was recorded`);
  const backfill = lastJson(await runNode(path.join(benchDir, "backfill.mjs"), [JSON.stringify(backfillOptions)]), "backfill");
  log(`backfill: ${(backfill.elapsedMs / 1000).toFixed(1)} s, ${backfill.salesPerSecond.toFixed(0)} sales/s (limit ${backfill.limitPerSecond}/s), ${backfill.requests} requests, statuses ${JSON.stringify(backfill.statuses)}, exactly once: ${backfill.exactlyOnce}`);

  // ---- Bundle sizes (esbuild, minified ESM for browsers/workers, gzip -9).
  const operations = await ourOperations();
  const bundles = [];
  for (const bundle of bundleCases(fullClientEntry(operations))) {
    const size = await bundleSize(bundle.entry);
    bundles.push({ id: bundle.id, label: bundle.label, minBytes: size.minBytes, gzipBytes: size.gzipBytes, byPackage: size.byPackage, forbiddenImports: size.forbidden });
  }

  // ---- Report.
  const env = machine();
  const report = {
    date: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: env,
    config,
    versions: {
      "dub-partners": JSON.parse(readFileSync(path.join(rootDir, "package.json"), "utf8")).version,
      dub: JSON.parse(readFileSync(path.join(rootDir, "node_modules/dub/package.json"), "utf8")).version,
      undici: JSON.parse(readFileSync(path.join(rootDir, "node_modules/undici/package.json"), "utf8")).version,
      nodeBundledUndici: process.versions.undici,
    },
    clients: LABELS,
    summary,
    coldStart,
    bundles,
    memory,
    backfill,
    rounds,
  };
  return report;
}

const resultsDir = path.join(benchDir, "results");
const report = flags.render ? JSON.parse(readFileSync(path.join(resultsDir, "latest.json"), "utf8")) : await measure();
report.budgets = evaluateBudgets(report);
const markdown = renderMarkdown(report);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
for (const workload of report.config.workloads) writeFileSync(path.join(resultsDir, `chart-${workload}.svg`), renderChart(report, workload));

if (!flags["no-docs"]) {
  const docPath = path.join(rootDir, "docs/performance.md");
  const START = "<!-- bench:start -->";
  const END = "<!-- bench:end -->";
  const block = `${START}\n<!-- Generated by bench/run.mjs; edits between these markers are overwritten. -->\n\n${markdown}\n\n${END}`;
  let doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : "# Performance\n\n## Latest results\n\n";
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  doc = a !== -1 && b > a ? doc.slice(0, a) + block + doc.slice(b + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, doc);
}

console.log(markdown);
const failed = report.budgets.filter((b) => !b.pass);
console.log(`\n${report.budgets.length - failed.length}/${report.budgets.length} budgets pass. Wrote bench/results/latest.json, bench/results/chart-*.svg${flags["no-docs"] ? "" : ", docs/performance.md"}.`);
