#!/usr/bin/env node
// The performance benchmark: throughput, latency, CPU and memory of five clients against a
// loopback server, cold start, bundle sizes, and a long-run memory check. Needs a fresh build
// (`npm run bench` builds first). Prints a table, writes bench/results/latest.json and
// bench/results/chart.svg, and refreshes the generated part of docs/performance.md.
//
// Options: --rounds=N (5), --calls1=N (1500), --calls32=N (6000), --memory-calls=N (100000),
// --cold=N (10), --seed=N, --quick (1 round, few calls: checks the harness), --no-docs,
// --render (measure nothing: re-evaluate bench/results/latest.json and rewrite the outputs).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLIENTS, LABELS, distEdge, distIndex } from "./clients.mjs";
import { benchDir, lastJson, machine, median, rootDir, runNode, shuffler, startServer } from "./lib.mjs";
import { renderChart } from "./chart.mjs";
import { BUDGET, COLD, evaluateBudgets, renderMarkdown, signed } from "./report.mjs";
import { BUDGET_GZIP_BYTES, bundleSize, fullClientEntry, ourOperations } from "../scripts/check-size.mjs";

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
  mix: "create, createLink, upsertLink in turn (1/3 each)",
};

if (BUDGET.gzipBytes !== BUDGET_GZIP_BYTES) throw new Error("bench/report.mjs and scripts/check-size.mjs disagree on the size budget");

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

  async function runClient(client, concurrency, calls, warmup, extra = {}, nodeArgs = []) {
    const before = (await server.stats()).requests;
    const run = await runNode(clientScript, [JSON.stringify({ client, origin: server.origin, concurrency, calls, warmup, ...extra })], nodeArgs);
    const result = lastJson(run, `${client} c=${concurrency}`);
    const served = (await server.stats()).requests - before;
    if (result.errors) throw new Error(`${client} c=${concurrency}: ${result.errors} failed calls; first: ${result.firstError}`);
    if (served !== calls + warmup) throw new Error(`${client} c=${concurrency}: the server saw ${served} requests, expected ${calls + warmup}`);
    return result;
  }

  const rounds = [];
  const pairs = config.concurrency.flatMap((c) => CLIENTS.map((client) => ({ client, c })));
  for (let round = 1; round <= config.rounds; round++) {
    const order = shuffle(pairs);
    const results = [];
    for (const { client, c } of order) {
      const r = await runClient(client, c, config.calls[c], config.warmup[c]);
      results.push(r);
      log(
        `round ${round}/${config.rounds} ${client.padEnd(11)} c=${String(c).padEnd(2)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  ${r.cpuUsPerCall.toFixed(0)} µs CPU/call  ${r.peakRssMB.toFixed(1)} MB`,
      );
    }
    rounds.push({ round, order: order.map(({ client, c }) => `${client}@${c}`), results });
  }

  const find = (round, client, c) => round.results.find((r) => r.client === client && r.concurrency === c);
  const summary = {};
  for (const client of CLIENTS) {
    summary[client] = {};
    for (const c of config.concurrency) {
      const mine = rounds.map((round) => find(round, client, c));
      const raw = rounds.map((round) => find(round, "raw-undici", c));
      const official = rounds.map((round) => find(round, "official", c));
      summary[client][c] = {
        rps: median(mine.map((r) => r.rps)),
        p50Ms: median(mine.map((r) => r.p50Ms)),
        p99Ms: median(mine.map((r) => r.p99Ms)),
        cpuUsPerCall: median(mine.map((r) => r.cpuUsPerCall)),
        peakRssMB: median(mine.map((r) => r.peakRssMB)),
        rpsVsRaw: median(mine.map((r, i) => r.rps / raw[i].rps)),
        cpuVsRaw: median(mine.map((r, i) => r.cpuUsPerCall / raw[i].cpuUsPerCall)),
        p50VsRaw: median(mine.map((r, i) => r.p50Ms / raw[i].p50Ms)),
        rssOverRawMB: median(mine.map((r, i) => r.peakRssMB - raw[i].peakRssMB)),
        rpsVsOfficial: median(mine.map((r, i) => r.rps / official[i].rps)),
        rpsPerRound: mine.map((r) => r.rps),
      };
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
  async function memoryCheck(client) {
    log(`memory: ${client}, ${config.memoryCalls} calls at c=32 after ${config.memoryWarmup} warm-up calls`);
    const run = await runClient(client, 32, config.memoryCalls, config.memoryWarmup, { memory: true }, ["--expose-gc"]);
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
  const memoryOurs = await memoryCheck("ours-undici");
  const memoryRaw = await memoryCheck("raw-undici");
  const memory = { calls: config.memoryCalls, warmup: config.memoryWarmup, ...memoryOurs, reference: memoryRaw };
  log(`memory: ours heap ${signed(memory.heapGrowthMB, 2)} MB, RSS ${signed(memory.rssGrowthMB)} MB; raw undici heap ${signed(memoryRaw.heapGrowthMB, 2)} MB, RSS ${signed(memoryRaw.rssGrowthMB)} MB`);

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

  // ---- Bundle sizes (esbuild, minified ESM for browsers/workers, gzip -9).
  const operations = await ourOperations();
  const bundleCases = [
    {
      id: "ours-createLink",
      label: "dub-partners (edge build), createLink only",
      entry: `import { Dub } from "dub-partners";\nnew Dub({ token: "x" }).partners.createLink({ partnerId: "p" });\n`,
    },
    { id: "ours-full", label: `dub-partners (edge build), every operation (${operations.join(", ")})`, entry: fullClientEntry(operations) },
    {
      id: "official-class",
      label: "official dub SDK, class form (partners.create, createLink, upsertLink)",
      entry: `import { Dub } from "dub";\nconst dub = new Dub({ token: "x" });\nexport const calls = [dub.partners.create({ email: "a@b.co" }), dub.partners.createLink({ partnerId: "p" }), dub.partners.upsertLink({ partnerId: "p", url: "https://a.co" })];\n`,
    },
    {
      id: "official-funcs-createLink",
      label: "official dub SDK, standalone functions: DubCore + partnersCreateLink",
      entry: `import { DubCore } from "dub/core.js";\nimport { partnersCreateLink } from "dub/funcs/partnersCreateLink.js";\npartnersCreateLink(new DubCore({ token: "x" }), { partnerId: "p" });\n`,
    },
    {
      id: "official-funcs-3",
      label: "official dub SDK, standalone functions: DubCore + partnersCreate, partnersCreateLink, partnersUpsertLink",
      entry:
        `import { DubCore } from "dub/core.js";\nimport { partnersCreate } from "dub/funcs/partnersCreate.js";\nimport { partnersCreateLink } from "dub/funcs/partnersCreateLink.js";\nimport { partnersUpsertLink } from "dub/funcs/partnersUpsertLink.js";\n` +
        `const core = new DubCore({ token: "x" });\nexport const calls = [partnersCreate(core, { email: "a@b.co" }), partnersCreateLink(core, { partnerId: "p" }), partnersUpsertLink(core, { partnerId: "p", url: "https://a.co" })];\n`,
    },
  ];
  const bundles = [];
  for (const bundle of bundleCases) {
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
writeFileSync(path.join(resultsDir, "chart.svg"), renderChart(report));

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
console.log(`\n${report.budgets.length - failed.length}/${report.budgets.length} budgets pass. Wrote bench/results/latest.json, bench/results/chart.svg${flags["no-docs"] ? "" : ", docs/performance.md"}.`);
