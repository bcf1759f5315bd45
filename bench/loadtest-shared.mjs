// Pieces shared by the load test's client (bench/loadtest.mjs) and its server process
// (bench/loadtest-server.mjs): a seeded generator, flag parsing, route names, fault kinds, and
// a monitor of the event loop, GC pauses and CPU time of a process.
import { PerformanceObserver, monitorEventLoopDelay } from "node:perf_hooks";

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). Same seed, same sequence. */
export function seededRandom(seed) {
  let a = hashSeed(seed) >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(seed) {
  const text = String(seed);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/**
 * `--name value` and `--name=value` flags, checked against `spec` ({ name: { default, parse } }).
 * Throws on an unknown flag or a value `parse` refuses, so a typo never runs a different test.
 */
export function parseFlags(argv, spec) {
  const values = Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, s.default]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1] in spec)) throw new Error(`unknown argument ${JSON.stringify(arg)}; known: ${Object.keys(spec).map((n) => `--${n}`).join(", ")}`);
    const name = match[1];
    const raw = match[2] ?? argv[++i];
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    values[name] = spec[name].parse(raw, name);
  }
  return values;
}

export function positiveInt(raw, name) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be an integer >= 1, got ${JSON.stringify(raw)}`);
  return n;
}

export function rate(raw, name) {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${name} must be a number in [0, 1], got ${JSON.stringify(raw)}`);
  return n;
}

export const ROUTE_CREATE = "POST /partners";
export const ROUTE_CREATE_LINK = "POST /partners/links";
export const ROUTE_UPSERT_LINK = "PUT /partners/links/upsert";
export const ROUTES = [ROUTE_CREATE, ROUTE_CREATE_LINK, ROUTE_UPSERT_LINK];

/** The faults that make a request fail (and take no effect), injected with probability --fault-rate. */
export const ERROR_FAULTS = ["503", "502", "429", "reset"];
/** Pure latency, injected on a share of the other requests; the request takes effect, late. */
export const LATENCY_FAULT = "latency";
export const LATENCY_MS = 20;
/** The wait a 429 asks for, as Dub's epoch-milliseconds Retry-After. */
export const RATE_LIMIT_WAIT_MS = 50;

/**
 * Watches this process from now on: event-loop delay, GC pauses, CPU time. `read()` returns the
 * figures in milliseconds; `stop()` releases the observers.
 */
export function startProcessMonitor() {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const gc = { count: 0, totalMs: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  const cpuAtStart = process.cpuUsage();
  const round = (x) => Math.round(x * 10) / 10;
  return {
    read() {
      const cpu = process.cpuUsage(cpuAtStart);
      return {
        eventLoopDelayMs: { p50: round(loopDelay.percentile(50) / 1e6), p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
        gcPauses: { count: gc.count, totalMs: Math.round(gc.totalMs), maxMs: round(gc.maxMs) },
        cpuMs: { user: Math.round(cpu.user / 1000), system: Math.round(cpu.system / 1000) },
      };
    },
    stop() {
      loopDelay.disable();
      observer.disconnect();
    },
  };
}
