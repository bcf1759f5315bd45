#!/usr/bin/env node
// The load test's server process: the package's fake Dub API (dist/testing) on 127.0.0.1, behind
// a wrapper that injects faults at random (seeded) and answers GET /__stats itself.
//
// Per request, with probability --fault-rate, one failing fault is queued for that request with
// `fake.inject(..., { route, times: 1, afterEffect: false })` just before the fake handles it
// (so the request takes no effect): a 503 with an empty body, a 502 with an HTML body, a 429 with
// Dub's epoch-milliseconds Retry-After and X-RateLimit-Reset, or a connection reset before the
// response. Otherwise, with probability --latency-rate, 20 ms of latency (the request takes effect).
//
// Prints its URL on stdout, then serves until SIGTERM/SIGINT or until stdin closes (the client
// process died), so it never outlives the test.
//
// Flags: --seed S (1), --fault-rate F (0.01), --latency-rate F (same as --fault-rate).
import { createFakeDub, errorReply, serveHandler } from "../dist/testing/index.js";
import {
  ERROR_FAULTS,
  LATENCY_FAULT,
  LATENCY_MS,
  RATE_LIMIT_WAIT_MS,
  ROUTES,
  parseFlags,
  rate,
  seededRandom,
  startProcessMonitor,
} from "./loadtest-shared.mjs";

const monitor = startProcessMonitor();

const flags = parseFlags(process.argv.slice(2), {
  seed: { default: "1", parse: String },
  "fault-rate": { default: 0.01, parse: rate },
  "latency-rate": { default: undefined, parse: rate },
});
const faultRate = flags["fault-rate"];
const latencyRate = flags["latency-rate"] ?? faultRate;
const random = seededRandom(`faults:${flags.seed}`);

// No rate limit: the only 429s are the injected ones, so every one of them is accounted for.
const fake = createFakeDub({ seed: flags.seed });

const requests = Object.fromEntries(ROUTES.map((r) => [r, 0]));
const injected = Object.fromEntries(ROUTES.map((r) => [r, Object.fromEntries([...ERROR_FAULTS, LATENCY_FAULT].map((k) => [k, 0]))]));
let otherRequests = 0;
// Warnings of this process (MaxListenersExceededWarning, ...), reported in /__stats; still printed.
const warnings = {};
process.on("warning", (warning) => {
  const key = `${warning.name}: ${warning.message}`;
  warnings[key] = (warnings[key] ?? 0) + 1;
});

function faultFor(kind) {
  switch (kind) {
    case "503":
      return { status: 503, body: "" };
    case "502":
      return {
        status: 502,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
      };
    case "429": {
      // Dub's quirk: both headers hold the end of the window as a Unix timestamp in milliseconds.
      const at = String(Date.now() + RATE_LIMIT_WAIT_MS);
      const { body } = errorReply("rate_limit_exceeded", "Too many requests.");
      return {
        status: 429,
        headers: { "retry-after": at, "x-ratelimit-reset": at, "x-ratelimit-limit": "600", "x-ratelimit-remaining": "0" },
        body,
      };
    }
    case "reset":
      return { fault: { kind: "reset-before-response" } };
    case LATENCY_FAULT:
      return { delayMs: LATENCY_MS };
    default:
      throw new Error(`unknown fault kind ${kind}`);
  }
}

function routeOf(request) {
  const pathname = request.path.split("?")[0].replace(/\/+$/, "") || "/";
  return `${request.method.toUpperCase()} ${pathname}`;
}

function stats() {
  const partners = fake.partners();
  const links = fake.links();
  const byPartner = {};
  for (const p of partners) byPartner[p.id] = { email: p.email, links: 0, byUrl: {} };
  let orphanLinks = 0;
  for (const link of links) {
    const entry = byPartner[link.partnerId];
    if (!entry) {
      orphanLinks++;
      continue;
    }
    entry.links++;
    entry.byUrl[link.url] = (entry.byUrl[link.url] ?? 0) + 1;
  }
  const counts = Object.values(byPartner).map((e) => e.links);
  const keys = new Set(links.map((l) => `${l.domain}/${l.key}`.toLowerCase()));
  return {
    partners: partners.length,
    distinctEmails: new Set(partners.map((p) => p.email.toLowerCase())).size,
    links: links.length,
    distinctLinkKeys: keys.size,
    orphanLinks,
    linksPerPartner: {
      min: counts.length ? Math.min(...counts) : 0,
      max: counts.length ? Math.max(...counts) : 0,
      mean: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
    },
    byPartner,
    requests,
    otherRequests,
    requestsReceivedByFake: fake.requests.length,
    injected,
    pendingFaults: fake.pendingFaults,
    config: { seed: flags.seed, faultRate, latencyRate, faultKinds: ERROR_FAULTS, latencyMs: LATENCY_MS },
    warnings,
    process: monitor.read(),
    memory: process.memoryUsage(),
  };
}

const handler = (request) => {
  const route = routeOf(request);
  if (route === "GET /__stats") return { status: 200, body: stats() };
  if (!(route in requests)) {
    otherRequests++;
    return fake.handler(request);
  }
  requests[route]++;
  const r = random();
  let kind;
  if (r < faultRate) kind = ERROR_FAULTS[Math.floor(random() * ERROR_FAULTS.length)];
  else if (random() < latencyRate) kind = LATENCY_FAULT;
  if (kind) {
    injected[route][kind]++;
    // Queued and consumed by the very next call below (the handler is synchronous).
    fake.inject(faultFor(kind), { route, times: 1, afterEffect: false });
  }
  return fake.handler(request);
};

const server = await serveHandler(handler, { host: "127.0.0.1", port: 0 });
process.stdout.write(`${server.url}\n`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  const force = setTimeout(() => process.exit(0), 2_000);
  force.unref();
  await server.close();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.stdin.on("end", shutdown);
process.stdin.on("close", shutdown);
process.stdin.resume();
