// One benchmark run in its own process: `node bench/client.mjs '<json options>'`.
// Options: { client, origin, workload?, concurrency, calls, warmup, memory? }. Prints one JSON line.
import { performance } from "node:perf_hooks";
import { createClient, WORKLOADS } from "./clients.mjs";

const opts = JSON.parse(process.argv[2]);
const { client: name, origin, concurrency, calls, warmup } = opts;
const workload = opts.workload ?? "partners";
const { answered } = WORKLOADS[workload];

const client = await createClient(name, origin, workload);
let errors = 0;
let firstError;

async function drive(n, latencies, onProgress) {
  let next = 0;
  async function lane() {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const t0 = performance.now();
      try {
        const body = await client.call(i);
        if (!answered(body)) throw new Error(`not the answer of a ${workload} call: ${JSON.stringify(body).slice(0, 200)}`);
      } catch (error) {
        errors++;
        firstError ??= String(error?.stack ?? error);
      }
      if (latencies) latencies[i] = performance.now() - t0;
      if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
}

function mb(bytes) {
  return bytes / 1048576;
}

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

await drive(warmup);

let rssMax = process.memoryUsage.rss();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > rssMax) rssMax = rss;
}, 100);

const memory = [];
if (opts.memory) {
  globalThis.gc?.();
  const m = process.memoryUsage();
  memory.push({ calls: 0, rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed) });
}

const latencies = new Float64Array(calls);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
// The measured window on the monotonic clock of V8's CPU profiles (µs), for bench/profile.mjs.
const windowStartUs = Number(process.hrtime.bigint() / 1000n);
await drive(calls, latencies, opts.memory ? (done) => {
  // A checkpoint: a full GC first, so that the sample shows what is retained, not garbage.
  globalThis.gc?.();
  const m = process.memoryUsage();
  memory.push({ calls: done, rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed) });
} : undefined);
const elapsedMs = performance.now() - t0;
const windowEndUs = Number(process.hrtime.bigint() / 1000n);
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);

if (opts.memory && memory[memory.length - 1].calls !== calls) {
  globalThis.gc?.();
  const m = process.memoryUsage();
  memory.push({ calls, rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed) });
}

latencies.sort();
const result = {
  client: name,
  workload,
  concurrency,
  calls,
  warmup,
  errors,
  firstError,
  elapsedMs,
  rps: (calls / elapsedMs) * 1000,
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
  cpuUsPerCall: (cpu.user + cpu.system) / calls,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  sampledRssMaxMB: mb(rssMax),
  memory: opts.memory ? memory : undefined,
  windowUs: [windowStartUs, windowEndUs],
};
await client.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
