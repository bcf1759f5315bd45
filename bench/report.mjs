// Budgets and the Markdown report of a benchmark run (bench/results/latest.json).
import { CLIENTS } from "./clients.mjs";

export const BUDGET = {
  /** Ours (undici) × raw undici.request, req/s, each workload, c=1 and c=32. */
  rpsVsRaw: 0.9,
  /** Ours (fetch transport) × raw fetch, req/s at c=32, each workload. */
  fetchVsRawFetch: 0.9,
  /** Ours (undici) CPU per call ÷ raw undici's, the conversions. */
  cpuVsRaw: 1.2,
  /** Ours (undici) × the official SDK, req/s. */
  rpsVsOfficial: 10,
  /** Process start to the first track.lead response, ours ÷ official. */
  coldVsOfficial: 0.4,
  /** Gzipped bytes: the whole client, one standalone function with its schemas, webhook verification alone. */
  gzipBytes: 22_000,
  funcGzipBytes: 9_000,
  webhooksGzipBytes: 2_000,
  rssOverRawMB: 20,
  heapGrowthMB: 1,
  rssGrowthOverReferenceMB: 10,
};

export const COLD = ["none", "raw-undici", "ours", "official"];
const COLD_NAMES = { none: "node, no import (floor)", "raw-undici": "raw undici.request", ours: "dub-partners (dist/index.js)", official: "official dub SDK" };
const WORKLOAD_NAMES = { conversions: "conversions (track.lead, track.sale)", partners: "partners (create, createLink, upsertLink)" };

export function signed(x, digits = 1) {
  return `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;
}
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "n/a");
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const bytes = (n) => `${n.toLocaleString("en-US")} B`;

/** A size budget on one of the measured bundles. */
function sizeBudget(bundles, id, name, limit, extra = "") {
  const bundle = bundles.find((b) => b.id === id);
  return {
    name,
    target: `≤ ${bytes(limit)}`,
    measured: `${bytes(bundle.gzipBytes)}${extra}${bundle.forbiddenImports.length ? `; imports ${bundle.forbiddenImports.join(", ")}` : ""}`,
    pass: bundle.gzipBytes <= limit && bundle.forbiddenImports.length === 0,
  };
}

/** The budgets, each with its target, measured value and pass/fail. */
export function evaluateBudgets(report) {
  const { summary, coldStart, bundles, memory, config } = report;
  const budgets = [];
  for (const workload of config.workloads) {
    const ours = summary[workload]["ours-undici"];
    const fetchOurs = summary[workload]["ours-fetch"];
    const w = WORKLOAD_NAMES[workload] ?? workload;
    for (const c of config.concurrency) {
      budgets.push({ name: `${w}: throughput, ours (undici) × raw undici, c=${c}`, target: `≥ ${BUDGET.rpsVsRaw}×`, measured: `${ours[c].rpsVsRaw.toFixed(2)}×`, pass: ours[c].rpsVsRaw >= BUDGET.rpsVsRaw });
    }
    budgets.push({ name: `${w}: throughput, ours (fetch transport) × raw fetch, c=32`, target: `≥ ${BUDGET.fetchVsRawFetch}×`, measured: `${fetchOurs[32].rpsVsRawFetch.toFixed(2)}×`, pass: fetchOurs[32].rpsVsRawFetch >= BUDGET.fetchVsRawFetch });
    if (workload === "conversions") {
      for (const c of config.concurrency) {
        budgets.push({
          name: `${w}: CPU per call, ours (undici) ÷ raw undici, c=${c}`,
          target: `≤ ${BUDGET.cpuVsRaw}×`,
          measured: `${ours[c].cpuVsRaw.toFixed(2)}× (${fmt(ours[c].cpuUsPerCall)} vs ${fmt(summary[workload]["raw-undici"][c].cpuUsPerCall)} µs)`,
          pass: ours[c].cpuVsRaw <= BUDGET.cpuVsRaw,
        });
      }
    }
    for (const c of config.concurrency) {
      budgets.push({ name: `${w}: throughput, ours (undici) × the official SDK, c=${c}`, target: `≥ ${BUDGET.rpsVsOfficial}×`, measured: `${ours[c].rpsVsOfficial.toFixed(2)}×`, pass: ours[c].rpsVsOfficial >= BUDGET.rpsVsOfficial });
    }
    budgets.push({ name: `${w}: peak RSS at c=32, ours (undici) − raw undici`, target: `≤ ${BUDGET.rssOverRawMB} MB`, measured: `${signed(ours[32].rssOverRawMB)} MB`, pass: ours[32].rssOverRawMB <= BUDGET.rssOverRawMB });
    const m = memory[workload];
    const rssAllowance = Math.max(0, m.reference.rssGrowthMB) + BUDGET.rssGrowthOverReferenceMB;
    budgets.push({
      name: `${w}: flat over ${m.calls.toLocaleString("en-US")} calls, heap after GC`,
      target: `< ${BUDGET.heapGrowthMB} MB`,
      measured: `${signed(m.heapGrowthMB, 2)} MB (trend ${signed(m.heapSlopeMBPer100k, 2)} MB per 100k calls)`,
      pass: m.heapGrowthMB < BUDGET.heapGrowthMB,
    });
    budgets.push({
      name: `${w}: flat over ${m.calls.toLocaleString("en-US")} calls, RSS against raw undici's`,
      target: `≤ raw's growth + ${BUDGET.rssGrowthOverReferenceMB} MB (here ${rssAllowance.toFixed(1)} MB)`,
      measured: `${signed(m.rssGrowthMB)} MB (trend ${signed(m.rssSlopeMBPer100k)} MB per 100k; raw undici ${signed(m.reference.rssGrowthMB)} MB)`,
      pass: m.rssGrowthMB <= rssAllowance,
    });
  }
  // Import + first call: from the process's start to the track.lead response. Spawn to exit is
  // reported beside it; it adds process creation and the wait at exit (see docs/performance.md).
  budgets.push({
    name: "Cold start, track.lead (import + first call: process start to response), ours ÷ the official SDK",
    target: `≤ ${BUDGET.coldVsOfficial}×`,
    measured: `${(coldStart.ours.doneMs / coldStart.official.doneMs).toFixed(2)}× (${coldStart.ours.doneMs.toFixed(0)} vs ${coldStart.official.doneMs.toFixed(0)} ms; spawn to exit ${(coldStart.ours.wallMs / coldStart.official.wallMs).toFixed(2)}×)`,
    pass: coldStart.ours.doneMs <= BUDGET.coldVsOfficial * coldStart.official.doneMs,
  });
  const { backfill } = report;
  budgets.push({
    name: `Backfill: ${backfill.items.toLocaleString("en-US")} sales through track.bulkSale under ${backfill.limit} requests per ${backfill.windowMs} ms, ${backfill.faults} answers lost after the sale was recorded`,
    target: "every sale recorded exactly once, none failed",
    measured: `${backfill.recorded.toLocaleString("en-US")} recorded, ${backfill.distinctInvoices.toLocaleString("en-US")} distinct invoices, ${backfill.failed} failed; ${(backfill.elapsedMs / 1000).toFixed(1)} s, ${fmt(backfill.salesPerSecond)} sales/s`,
    pass: backfill.exactlyOnce && backfill.failed === 0,
  });
  const official = (id) => bundles.find((b) => b.id === id)?.gzipBytes;
  budgets.push(sizeBudget(bundles, "ours-full", "Size, the whole client with every method (edge build, zod included)", BUDGET.gzipBytes, `; official ${bytes(official("official-class"))}`));
  budgets.push(sizeBudget(bundles, "ours-funcs-trackLead", "Size, one standalone function: DubCore + trackLead with its schemas", BUDGET.funcGzipBytes, `; official ${bytes(official("official-funcs-trackLead"))}`));
  budgets.push(sizeBudget(bundles, "ours-webhooks", "Size, webhook verification alone (no zod)", BUDGET.webhooksGzipBytes));
  return budgets;
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
  );
  for (const workload of config.workloads) {
    lines.push(
      "",
      `#### ${WORKLOAD_NAMES[workload] ?? workload}: ${config.mixes[workload]}`,
      "",
      "| Client | c | req/s | × raw undici | × raw fetch | × official | p50 ms | p99 ms | CPU µs/call | CPU × raw | peak RSS MB | RSS − raw MB |",
      "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |",
    );
    for (const c of config.concurrency) {
      for (const client of CLIENTS) {
        const s = summary[workload][client][c];
        lines.push(
          `| ${client} | ${c} | ${fmt(s.rps)} | ${fmt(s.rpsVsRaw, 2)} | ${fmt(s.rpsVsRawFetch, 2)} | ${fmt(s.rpsVsOfficial, 2)} | ${fmt(s.p50Ms, 2)} | ${fmt(s.p99Ms, 2)} | ${fmt(s.cpuUsPerCall)} | ${fmt(s.cpuVsRaw, 2)} | ${fmt(s.peakRssMB, 1)} | ${client === "raw-undici" ? "0" : signed(s.rssOverRawMB)} |`,
        );
      }
    }
    lines.push("", `![Requests per second by client at c=1 and c=32, ${workload}](../bench/results/chart-${workload}.svg)`);
  }
  lines.push("");

  lines.push(
    "### Cold start",
    "",
    `A fresh \`node\` process imports the client and completes one \`track.lead\`; median of ${config.coldProcesses} processes each, interleaved.`,
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
  lines.push("", "### Memory over a long run", "");
  for (const workload of config.workloads) {
    const m = memory[workload];
    lines.push(
      `#### ${WORKLOAD_NAMES[workload] ?? workload}`,
      "",
      `${fmt(m.calls)} calls at c=32 after ${fmt(m.warmup)} warm-up calls, in a process started with \`--expose-gc\`; ` +
        "every 10,000 calls a full GC, then a sample of RSS and heap used (so the samples show what is retained, not garbage waiting for collection). " +
        `dub-partners ran at ${fmt(m.rps)} req/s, raw undici at ${fmt(m.reference.rps)} req/s.`,
      "",
      "| After call | dub-partners RSS MB | dub-partners heap MB | raw undici RSS MB | raw undici heap MB |",
      "| --: | --: | --: | --: | --: |",
    );
    m.samples.forEach((sample, i) => {
      const r = m.reference.samples[i];
      lines.push(`| ${fmt(sample.calls)}${i === 0 ? " (after warm-up)" : ""} | ${fmt(sample.rssMB, 1)} | ${fmt(sample.heapUsedMB, 2)} | ${fmt(r?.rssMB, 1)} | ${fmt(r?.heapUsedMB, 2)} |`);
    });
    lines.push(
      "",
      `Growth from after warm-up to the end: dub-partners heap ${signed(m.heapGrowthMB, 2)} MB, RSS ${signed(m.rssGrowthMB)} MB ` +
        `(least-squares trend over the samples: ${signed(m.heapSlopeMBPer100k, 2)} MB heap, ${signed(m.rssSlopeMBPer100k)} MB RSS per 100,000 calls); ` +
        `raw undici heap ${signed(m.reference.heapGrowthMB, 2)} MB, RSS ${signed(m.reference.rssGrowthMB)} MB.`,
      "",
    );
  }
  lines.push(
    "Heap after a full GC is the leak signal; RSS also moves with V8's and the allocator's sizing, which is why raw undici, a client that keeps no state, is run as the reference.",
    "",
  );
  const { backfill } = report;
  const statuses = Object.entries(backfill.statuses).map(([status, n]) => `${fmt(n)} × ${status}`).join(", ");
  lines.push(
    "### Backfill under the rate limit",
    "",
    `\`track.bulkSale\` of ${fmt(backfill.items)} historical sales (each with its \`invoiceId\`), concurrency ${backfill.concurrency}, against the embedded fake API limited to ${fmt(backfill.limit)} requests per ${fmt(backfill.windowMs)} ms window; ` +
      `${fmt(backfill.faults)} answers were lost after the fake had recorded the sale (a 500 after the effect), so the SDK repeated those calls.`,
    "",
    "| Time | Sales/s | Limit/s | Requests | Answers | Recorded | Distinct invoices | Failed | Progress reports |",
    "| --: | --: | --: | --: | --- | --: | --: | --: | --: |",
    `| ${(backfill.elapsedMs / 1000).toFixed(1)} s | ${fmt(backfill.salesPerSecond)} | ${fmt(backfill.limitPerSecond)} | ${fmt(backfill.requests)} | ${statuses} | ${fmt(backfill.recorded)} | ${fmt(backfill.distinctInvoices)} | ${fmt(backfill.failed)} | ${fmt(backfill.progressCalls)} |`,
    "",
  );
  lines.push("### Budgets", "", "| Budget | Target | Measured | Result |", "| --- | --- | --- | --- |");
  for (const b of budgets) lines.push(`| ${b.name} | ${b.target} | ${b.measured} | ${b.pass ? "pass" : "**FAIL**"} |`);
  return lines.join("\n");
}
