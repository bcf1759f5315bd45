// Figures and text of the load test's summary: percentiles, memory figures, and the printout.

const MB = 1024 * 1024;

/** The q-quantile (0..1) of `values` (a sorted Float64Array), nearest rank. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** p50/p90/p99/max/mean in milliseconds of the calls whose op code passes `keep`. */
export function latencyFigures(latencies, ops, keep) {
  let n = 0;
  for (let i = 0; i < latencies.length; i++) if (keep(ops[i])) n++;
  const picked = new Float64Array(n);
  let sum = 0;
  for (let i = 0, j = 0; i < latencies.length; i++) {
    if (keep(ops[i])) {
      picked[j++] = latencies[i];
      sum += latencies[i];
    }
  }
  picked.sort();
  const round = (x) => Math.round(x * 100) / 100;
  return {
    calls: n,
    p50Ms: round(quantile(picked, 0.5)),
    p90Ms: round(quantile(picked, 0.9)),
    p99Ms: round(quantile(picked, 0.99)),
    maxMs: round(n ? picked[n - 1] : NaN),
    meanMs: round(n ? sum / n : NaN),
  };
}

/** Memory figures after warm-up: samples taken at or after `warmupCalls` completed calls. */
export function memoryFigures(samples, warmupCalls, thresholdBytes) {
  const baseline = samples.find((s) => s.tag === "warm-up end");
  const final = samples.find((s) => s.tag === "final");
  const after = samples.filter((s) => s.calls >= warmupCalls);
  const rss = after.map((s) => s.rss);
  const growth = baseline && final ? final.rss - baseline.rss : NaN;
  // A high sample at the end of warm-up would flatter `growth`; growth from the lowest sample after
  // warm-up to the end is checked as well.
  const growthFromMin = final && rss.length ? final.rss - Math.min(...rss) : NaN;
  return {
    warmupCalls,
    baseline: baseline ?? null,
    final: final ?? null,
    rssMinAfterWarmup: rss.length ? Math.min(...rss) : NaN,
    rssMaxAfterWarmup: rss.length ? Math.max(...rss) : NaN,
    rssLast: final?.rss ?? NaN,
    rssGrowthAfterWarmup: growth,
    rssGrowthFromMinAfterWarmup: growthFromMin,
    heapUsedGrowthAfterWarmup: baseline && final ? final.heapUsed - baseline.heapUsed : NaN,
    rssGrowthThreshold: thresholdBytes,
    ok: Number.isFinite(growth) && growth <= thresholdBytes && Number.isFinite(growthFromMin) && growthFromMin <= thresholdBytes,
  };
}

export const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const signedMb = (bytes) => `${bytes >= 0 ? "+" : ""}${(bytes / MB).toFixed(1)} MB`;
const int = (n) => Number(n).toLocaleString("en-US");

/** The human-readable summary, as lines. */
export function renderSummary(s) {
  const out = [];
  const line = (label, value) => out.push(`  ${label.padEnd(34)} ${value}`);
  const head = (title) => out.push("", `── ${title} ${"─".repeat(Math.max(0, 72 - title.length))}`);

  head("Load test: dub-partners against the fake Dub API (separate process)");
  line("calls", s.callsMade === s.config.calls ? int(s.config.calls) : `${int(s.callsMade)} made of ${int(s.config.calls)}`);
  line("concurrency", int(s.config.concurrency));
  line("fault rate (failing faults)", `${s.config.faultRate} per request; latency ${s.config.latencyMs} ms on ${s.config.latencyRate} of the rest`);
  line("seed", s.config.seed);
  line("partners / upsert URLs per partner", `${s.config.partners} / ${s.config.upsertUrlsPerPartner}`);
  line("retry policy", JSON.stringify(s.config.retryConfig));
  line("wall time", `${(s.wallMs / 1000).toFixed(2)} s`);
  line("throughput", `${int(Math.round(s.callsPerSecond))} calls/s`);
  line("latency (all calls, incl. retries)", `p50 ${s.latency.all.p50Ms} ms  p99 ${s.latency.all.p99Ms} ms  max ${s.latency.all.maxMs} ms`);
  for (const [op, f] of Object.entries(s.latency.byOperation)) {
    if (f.calls === 0) continue;
    line(`  ${op}`, `${int(f.calls)} calls  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  max ${f.maxMs} ms`);
  }

  const proc = (p) =>
    `cpu ${(p.cpuMs.user / 1000).toFixed(1)} s user + ${(p.cpuMs.system / 1000).toFixed(1)} s sys; event-loop delay p99 ${p.eventLoopDelayMs.p99} ms, max ${p.eventLoopDelayMs.max} ms; ${p.gcPauses.count} GC pauses, max ${p.gcPauses.maxMs} ms`;
  line("client process", proc(s.client.process));
  line("server process", proc(s.server.process));

  head("Outcomes");
  for (const [op, c] of Object.entries(s.outcomes)) {
    line(op, `${int(c.calls)} calls, ${int(c.ok)} ok, ${int(c.expectedFailures)} expected failures, ${int(c.unexpectedFailures)} unexpected`);
  }
  line("expected failures (createLink)", `${int(s.expectedFailures.total)} ${JSON.stringify(s.expectedFailures.byKind)}`);
  line("unexpected failures", `${int(s.unexpectedFailures.total)}${s.unexpectedFailures.total ? ` ${JSON.stringify(s.unexpectedFailures.byKind)}` : ""}`);
  for (const e of s.unexpectedFailures.samples) line("  sample", `${e.op}: ${e.name}${e.statusCode ? ` ${e.statusCode}` : ""}: ${e.message}`);
  line("retries observed (client)", `${int(s.retries.total)} ${JSON.stringify(s.retries.byRoute)}`);
  line("  by cause", JSON.stringify(s.retries.byCause));
  line("attempts per call", JSON.stringify(s.retries.attemptsPerCall));
  line("slowest calls", s.slowestCalls.map((c) => `${c.op} ${c.latencyMs} ms (${c.attempts} attempts, at ${c.startedAtS} s)`).join("; "));

  head("Faults injected by the server");
  for (const [route, kinds] of Object.entries(s.server.injected)) line(route, JSON.stringify(kinds));
  line("requests received (server)", `${int(s.server.totalRequests)} ${JSON.stringify(s.server.requests)}`);
  const warnings = Object.entries(s.server.warnings ?? {});
  line("server process warnings", warnings.length ? "" : "none");
  for (const [text, n] of warnings) out.push(`    ${n} × ${text}`);

  head("Accounting (server state vs. client outcomes)");
  for (const c of s.checks) out.push(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);

  head("Client memory (rss / heapUsed)");
  const m = s.memory;
  line("samples", `every ${int(m.sampleEveryCalls)} calls (${m.samples.length} samples); gc() ${m.gcAvailable ? "before the warm-up and final samples" : "not available"}`);
  if (m.baseline) line(`end of warm-up (${int(m.warmupCalls)} calls)`, `rss ${mb(m.baseline.rss)}  heapUsed ${mb(m.baseline.heapUsed)}`);
  if (m.final) line("end (after gc)", `rss ${mb(m.final.rss)}  heapUsed ${mb(m.final.heapUsed)}`);
  line("rss after warm-up: min / max / last", `${mb(m.rssMinAfterWarmup)} / ${mb(m.rssMaxAfterWarmup)} / ${mb(m.rssLast)}`);
  line("rss growth after warm-up", `${signedMb(m.rssGrowthAfterWarmup)} from the end of warm-up, ${signedMb(m.rssGrowthFromMinAfterWarmup)} from the lowest sample after it (threshold ${mb(m.rssGrowthThreshold)} each) ${m.ok ? "ok" : "FAIL"}`);
  line("heapUsed growth after warm-up", signedMb(m.heapUsedGrowthAfterWarmup));

  head(s.passed ? "PASS" : "FAIL");
  if (!s.passed) for (const reason of s.failures) out.push(`  - ${reason}`);
  line("zero unexpected errors", s.unexpectedFailures.total === 0 ? "yes" : "NO");
  line("server-side creations as expected", s.checks.filter((c) => c.accounting).every((c) => c.ok) ? "yes" : "NO");
  line("summary written to", s.resultFile);
  return out;
}
