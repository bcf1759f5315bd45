// Budgets and the Markdown report of a benchmark run (bench/results/latest.json).
import { CLIENTS } from "./clients.mjs";

export const BUDGET = {
  rpsVsRaw: 0.75,
  rpsVsOfficial: 10,
  coldVsOfficial: 0.5,
  gzipBytes: 15_000,
  rssOverRawMB: 20,
  heapGrowthMB: 1,
  rssGrowthOverReferenceMB: 10,
};

export const COLD = ["none", "raw-undici", "ours", "official"];
const COLD_NAMES = { none: "node, no import (floor)", "raw-undici": "raw undici.request", ours: "dub-partners (dist/index.js)", official: "official dub SDK" };

export function signed(x, digits = 1) {
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;
}
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a");
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The budgets, each with its target, measured value and pass/fail. */
export function evaluateBudgets(report) {
  const { summary, coldStart, bundles, memory, config } = report;
  const ours = summary["ours-undici"];
  const full = bundles.find((b) => b.id === "ours-full");
  const rssAllowance = Math.max(0, memory.reference.rssGrowthMB) + BUDGET.rssGrowthOverReferenceMB;
  return [
    ...config.concurrency.map((c) => ({
      name: `Throughput, ours (undici) vs raw undici, c=${c}`,
      target: `≥ ${BUDGET.rpsVsRaw}×`,
      measured: `${ours[c].rpsVsRaw.toFixed(2)}×`,
      pass: ours[c].rpsVsRaw >= BUDGET.rpsVsRaw,
    })),
    ...config.concurrency.map((c) => ({
      name: `Throughput, ours (undici) vs the official SDK, c=${c}`,
      target: `≥ ${BUDGET.rpsVsOfficial}×`,
      measured: `${ours[c].rpsVsOfficial.toFixed(2)}×`,
      pass: ours[c].rpsVsOfficial >= BUDGET.rpsVsOfficial,
    })),
    // Import + first call: from the process's start to the createLink response. Spawn to exit is
    // reported beside it; it adds process creation and the wait at exit (see docs/performance.md).
    {
      name: "Cold start (import + first call: process start to response), ours vs the official SDK",
      target: `≤ ${BUDGET.coldVsOfficial}×`,
      measured: `${(coldStart.ours.doneMs / coldStart.official.doneMs).toFixed(2)}× (${coldStart.ours.doneMs.toFixed(0)} vs ${coldStart.official.doneMs.toFixed(0)} ms; spawn to exit ${(coldStart.ours.wallMs / coldStart.official.wallMs).toFixed(2)}×)`,
      pass: coldStart.ours.doneMs <= BUDGET.coldVsOfficial * coldStart.official.doneMs,
    },
    {
      name: "Edge bundle, full client with zod, gzipped (no undici, no node:)",
      target: `≤ ${BUDGET.gzipBytes.toLocaleString("en-US")} B`,
      measured: `${full.gzipBytes.toLocaleString("en-US")} B${full.forbiddenImports.length ? `; imports ${full.forbiddenImports.join(", ")}` : ""}`,
      pass: full.gzipBytes <= BUDGET.gzipBytes && full.forbiddenImports.length === 0,
    },
    {
      name: "Peak RSS at c=32, ours (undici) minus raw undici",
      target: `≤ ${BUDGET.rssOverRawMB} MB`,
      measured: `${signed(ours[32].rssOverRawMB)} MB`,
      pass: ours[32].rssOverRawMB <= BUDGET.rssOverRawMB,
    },
    {
      name: `No growth across ${config.memoryCalls.toLocaleString("en-US")} calls: heap after GC`,
      target: `< ${BUDGET.heapGrowthMB} MB`,
      measured: `${signed(memory.heapGrowthMB, 2)} MB`,
      pass: memory.heapGrowthMB < BUDGET.heapGrowthMB,
    },
    {
      name: `No growth across ${config.memoryCalls.toLocaleString("en-US")} calls: RSS, against raw undici's in the same check`,
      target: `≤ raw's growth + ${BUDGET.rssGrowthOverReferenceMB} MB (here ${rssAllowance.toFixed(1)} MB)`,
      measured: `${signed(memory.rssGrowthMB)} MB (raw undici ${signed(memory.reference.rssGrowthMB)} MB)`,
      pass: memory.rssGrowthMB <= rssAllowance,
    },
  ];
}

/** The generated section of docs/performance.md (also printed by bench/run.mjs). */
export function renderMarkdown(report) {
  const { config, summary, coldStart, bundles, memory, budgets, machine: env } = report;
  const lines = [];
  lines.push(
    `Run of ${report.date.slice(0, 16).replace("T", " ")} UTC, ${report.durationS} s: ${env.cpu}, ${env.memoryGB} GB, ${env.os}, Node ${env.node}; ` +
      `dub-partners ${report.versions["dub-partners"]}, dub ${report.versions.dub}, undici ${report.versions.undici} (Node's fetch: bundled undici ${report.versions.nodeBundledUndici}). ` +
      `${config.rounds} rounds, ${fmt(config.calls[1])} calls at c=1 and ${fmt(config.calls[32])} at c=32 per run after ${config.warmup[1]}/${config.warmup[32]} warm-up calls; seed ${config.seed}.`,
    "",
    "### Throughput, latency, CPU, memory",
    "",
    "Medians across rounds; the ratios are computed within each round, then their median is taken.",
    "",
    "| Client | c | req/s | × raw undici | × official | p50 ms | p99 ms | CPU µs/call | CPU × raw | peak RSS MB | RSS − raw MB |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
  );
  for (const c of config.concurrency) {
    for (const client of CLIENTS) {
      const s = summary[client][c];
      lines.push(
        `| ${client} | ${c} | ${fmt(s.rps)} | ${fmt(s.rpsVsRaw, 2)} | ${fmt(s.rpsVsOfficial, 2)} | ${fmt(s.p50Ms, 2)} | ${fmt(s.p99Ms, 2)} | ${fmt(s.cpuUsPerCall)} | ${fmt(s.cpuVsRaw, 2)} | ${fmt(s.peakRssMB, 1)} | ${client === "raw-undici" ? "0" : signed(s.rssOverRawMB)} |`,
      );
    }
  }
  lines.push("", "![Requests per second by client at c=1 and c=32](../bench/results/chart.svg)", "");
  lines.push(
    "### Cold start",
    "",
    `A fresh \`node\` process imports the client and completes one \`createLink\`; median of ${config.coldProcesses} processes each, interleaved.`,
    "",
    "| Process | import done at ms | process start to response ms | × official (start to response) | spawn to exit ms | × official (spawn to exit) |",
    "| --- | --: | --: | --: | --: | --: |",
  );
  for (const w of COLD) {
    const s = coldStart[w];
    lines.push(
      `| ${COLD_NAMES[w]} | ${fmt(s.importedMs)} | ${fmt(s.doneMs)} | ${fmt(s.doneMs / coldStart.official.doneMs, 2)} | ${fmt(s.wallMs)} | ${fmt(s.wallMs / coldStart.official.wallMs, 2)} |`,
    );
  }
  lines.push("", "### Bundle size", "", "esbuild, bundle + minify, ESM, platform browser, conditions `worker`/`browser`, target ES2022; gzip level 9.", "");
  lines.push("| Bundle | minified | gzipped | largest parts (minified) |", "| --- | --: | --: | --- |");
  for (const b of bundles) {
    const parts = Object.entries(b.byPackage)
      .filter(([name]) => name !== "entry")
      .slice(0, 4)
      .map(([name, bytes]) => `${name} ${kb(bytes)}`)
      .join(", ");
    lines.push(`| ${b.label} | ${fmt(b.minBytes)} B | ${fmt(b.gzipBytes)} B | ${parts} |`);
  }
  lines.push(
    "",
    "### Memory over a long run",
    "",
    `${fmt(memory.calls)} calls at c=32 after ${fmt(memory.warmup)} warm-up calls, in a process started with \`--expose-gc\`; ` +
      "every 10,000 calls a full GC, then a sample of RSS and heap used (so the samples show what is retained, not garbage waiting for collection). " +
      `dub-partners ran at ${fmt(memory.rps)} req/s, raw undici at ${fmt(memory.reference.rps)} req/s.`,
    "",
    "| After call | dub-partners RSS MB | dub-partners heap MB | raw undici RSS MB | raw undici heap MB |",
    "| --: | --: | --: | --: | --: |",
  );
  memory.samples.forEach((s, i) => {
    const r = memory.reference.samples[i];
    lines.push(`| ${fmt(s.calls)}${i === 0 ? " (after warm-up)" : ""} | ${fmt(s.rssMB, 1)} | ${fmt(s.heapUsedMB, 2)} | ${fmt(r?.rssMB, 1)} | ${fmt(r?.heapUsedMB, 2)} |`);
  });
  lines.push(
    "",
    `Growth from after warm-up to the end: dub-partners heap ${signed(memory.heapGrowthMB, 2)} MB, RSS ${signed(memory.rssGrowthMB)} MB ` +
      `(least-squares trend over the samples: ${signed(memory.heapSlopeMBPer100k, 2)} MB heap, ${signed(memory.rssSlopeMBPer100k)} MB RSS per 100,000 calls); ` +
      `raw undici heap ${signed(memory.reference.heapGrowthMB, 2)} MB, RSS ${signed(memory.reference.rssGrowthMB)} MB. ` +
      "Heap after a full GC is the leak signal; RSS also moves with V8's and the allocator's sizing, which is why raw undici, a client that keeps no state, is run as the reference.",
    "",
  );
  lines.push("### Budgets", "", "| Budget | Target | Measured | Result |", "| --- | --- | --- | --- |");
  for (const b of budgets) lines.push(`| ${b.name} | ${b.target} | ${b.measured} | ${b.pass ? "pass" : "**FAIL**"} |`);
  return lines.join("\n");
}
