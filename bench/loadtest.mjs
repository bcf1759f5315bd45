#!/usr/bin/env node
// Load test: one `Dub` client (dist/index.js, undici transport) makes --calls calls at
// --concurrency against the package's fake Dub API, served from a separate process
// (bench/loadtest-server.mjs) that injects failures at random: 503, 502 (HTML), 429 (Dub's
// epoch-ms Retry-After), connection resets, and latency.
//
// It checks that:
// - the only failures are createLink calls that met a 503, a 502 or a reset (createLink is not
//   retried after those, so that no link is ever created twice); everything else is retried
//   through, and any other failure fails the run;
// - the server ends with exactly the partners and links the successful calls imply: one partner
//   per email, one default link per partner, one link per successful createLink, one link per
//   (partner, URL) upserted, and as many failed createLink calls as faults that broke them;
// - every retry the client made answers a fault the server injected, and every attempt reached
//   the server;
// - the client's RSS grows by at most 20 MB after warm-up (the first 20% of the calls).
//
// Prints a summary and writes it as JSON to bench/results/loadtest.json. Exit code 0 when every
// check passes, 1 otherwise (including a run that does not finish within --timeout seconds).
//
// Usage: node bench/loadtest.mjs [--calls 100000] [--concurrency 64] [--fault-rate 0.01]
//        [--latency-rate F (default: the fault rate)] [--seed S] [--timeout 600]
// Run with `npm run loadtest` (builds dist/ first). The script re-runs itself under
// `node --expose-gc` when started without it, so that memory is measured after a collection.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import {
  ERROR_FAULTS,
  LATENCY_MS,
  ROUTE_CREATE,
  ROUTE_CREATE_LINK,
  ROUTE_UPSERT_LINK,
  ROUTES,
  parseFlags,
  positiveInt,
  rate,
  seededRandom,
  startProcessMonitor,
} from "./loadtest-shared.mjs";
import { latencyFigures, memoryFigures, renderSummary } from "./loadtest-report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const RESPAWN_MARK = "DUB_PARTNERS_LOADTEST_GC";

const FLAG_SPEC = {
  calls: { default: 100_000, parse: positiveInt },
  concurrency: { default: 64, parse: positiveInt },
  "fault-rate": { default: 0.01, parse: rate },
  "latency-rate": { default: undefined, parse: rate },
  seed: { default: "1", parse: String },
  timeout: { default: 600, parse: positiveInt },
};

let flags;
try {
  flags = parseFlags(process.argv.slice(2), FLAG_SPEC);
} catch (error) {
  console.error(`loadtest: ${error.message}`);
  process.exit(2);
}

/** Runs this script again under `node --expose-gc` and exits with its code. */
async function respawnWithGc() {
  const child = spawn(process.execPath, [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [RESPAWN_MARK]: "1" },
  });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  // The child has its own global timeout; this one only guards against a child that ignores it.
  const guard = setTimeout(() => {
    console.error("loadtest: the measuring process did not end in time; killing it");
    child.kill("SIGKILL");
  }, (flags.timeout + 30) * 1000);
  const [code, signal] = await once(child, "exit");
  clearTimeout(guard);
  process.off("SIGINT", forward);
  process.off("SIGTERM", forward);
  process.exitCode = code ?? (signal ? 1 : 0);
}

// ── The test ─────────────────────────────────────────────────────────────────────────────────

const PARTNERS = 200;
const UPSERT_URLS = 5;
const SAMPLE_EVERY = 5_000;
const WARMUP_SHARE = 0.2;
const RSS_GROWTH_LIMIT = 20 * 1024 * 1024;
const TOKEN = "dub_loadtest_key";
const PROGRAM_ORIGIN = "https://acme.com";
const DEFAULT_LINK_URL = PROGRAM_ORIGIN; // the destination of a partner's default link (the fake's programUrl)
const CREATE_LINK_URL = `${PROGRAM_ORIGIN}/loadtest/created`;
const upsertUrl = (u) => `${PROGRAM_ORIGIN}/loadtest/upsert-${u}`;
const RETRY_CONFIG = { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 200, maxElapsedTime: 10_000 } };

/** Request header naming the call an attempt belongs to (the fake ignores it). */
const CALL_HEADER = "x-loadtest-call";
const OPS = ["partners.create", "partners.upsertLink", "partners.createLink"];
const OP_CREATE = 0;
const OP_UPSERT = 1;
const OP_CREATE_LINK = 2;
const NOT_RUN = 255; // op code of a call that was never made (its partner could not be enrolled)
const ROUTE_OF_OP = [ROUTE_CREATE, ROUTE_UPSERT_LINK, ROUTE_CREATE_LINK];

/** The server process, once started: killed on any failure of the harness itself. */
const handles = { server: undefined };

async function main(flags) {
  try {
    await runTest(flags);
  } catch (error) {
    console.error("\nloadtest: FAIL: the harness itself failed:", error);
    handles.server?.kill("SIGKILL");
    process.exit(1);
  }
}

async function runTest(flags) {
  const { Dub, SDKError, ConnectionError } = await import("../dist/index.js");
  const calls = flags.calls;
  const concurrency = flags.concurrency;
  const partners = Math.min(PARTNERS, calls);
  const warmupCalls = Math.floor(calls * WARMUP_SHARE);
  const gc = typeof globalThis.gc === "function" ? globalThis.gc : undefined;
  const resultFile = path.join(here, "results", "loadtest.json");

  let server;
  const deadline = setTimeout(() => {
    console.error(`\nloadtest: FAIL: global timeout of ${flags.timeout} s reached before the run finished`);
    server?.kill("SIGKILL");
    process.exit(1);
  }, flags.timeout * 1000);

  // ── Server process ──
  // --no-warnings: the server's own warnings are counted and reported in the summary instead of
  // interleaving with it (see `server.warnings`).
  server = spawn(
    process.execPath,
    ["--no-warnings", path.join(here, "loadtest-server.mjs"), "--seed", flags.seed, "--fault-rate", String(flags["fault-rate"]), ...(flags["latency-rate"] === undefined ? [] : ["--latency-rate", String(flags["latency-rate"])])],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  handles.server = server;
  const serverExited = once(server, "exit");
  const serverURL = await readUrl(server);

  // ── Client ──
  const retries = { byRoute: Object.fromEntries(ROUTES.map((r) => [r, 0])), byCause: {} };
  let attemptsLogged = 0;
  const dub = new Dub({
    serverURL,
    token: TOKEN,
    retryConfig: RETRY_CONFIG,
    debugLogger: {
      debug(message, data) {
        if (message.startsWith("dub-partners → ")) {
          attemptsLogged++;
          const call = Number(data?.headers?.[CALL_HEADER]);
          if (Number.isInteger(call) && call >= 0 && call < calls && attemptsOf[call] < 255) attemptsOf[call]++;
        }
        else if (message.startsWith("dub-partners retry ")) {
          const match = /^dub-partners retry (\S+ \S+) in \d+ ms after attempt \d+: (.*)$/s.exec(message);
          const route = match?.[1] ?? "?";
          retries.byRoute[route] = (retries.byRoute[route] ?? 0) + 1;
          const status = match && /^\[[^\]]*\] (\d{3}) /.exec(match[2]);
          const cause = `${route} ${status ? status[1] : "connection"}`;
          retries.byCause[cause] = (retries.byCause[cause] ?? 0) + 1;
        }
      },
    },
  });

  // ── Workload state ──
  const emails = Array.from({ length: partners }, (_, p) => `partner-${p}@loadtest.example`);
  const partnerIds = new Array(partners).fill(undefined);
  const upsertLinkIds = new Array(partners * UPSERT_URLS).fill(undefined); // link id per (partner, URL)
  const createdLinks = new Uint32Array(partners); // successful createLink calls per partner
  const latencies = new Float64Array(calls).fill(0);
  const startedAtOf = new Float64Array(calls).fill(0); // ms since the start of the run
  const attemptsOf = new Uint8Array(calls).fill(0); // attempts per call, from the debug log (capped at 255)
  const opOf = new Uint8Array(calls).fill(NOT_RUN);
  const outcomes = OPS.map(() => ({ calls: 0, ok: 0, expectedFailures: 0, unexpectedFailures: 0 }));
  const expectedByKind = { 503: 0, 502: 0, reset: 0 };
  const unexpectedByKind = {};
  const unexpectedSamples = [];
  const samples = [];
  let completed = 0;
  const monitor = startProcessMonitor();
  const startedAt = performance.now();

  const sample = (tag) => {
    if (tag !== "periodic" && gc) gc();
    const m = process.memoryUsage();
    samples.push({ tag, calls: completed, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
  };

  const unexpected = (op, name, message, statusCode) => {
    const kind = `${OPS[op]} ${name}${statusCode ? ` ${statusCode}` : ""}`;
    unexpectedByKind[kind] = (unexpectedByKind[kind] ?? 0) + 1;
    outcomes[op].unexpectedFailures++;
    if (unexpectedSamples.length < 10) unexpectedSamples.push({ op: OPS[op], name, message: String(message).slice(0, 300), statusCode });
  };

  /** Expected: a createLink that met a 503 (empty body), a 502 (HTML) or a reset after sending. */
  const expectedKind = (op, error) => {
    if (op !== OP_CREATE_LINK) return undefined;
    if (error instanceof SDKError && error.constructor === SDKError) {
      if (error.statusCode === 503 && error.body === "") return "503";
      if (error.statusCode === 502 && error.body.includes("502 Bad Gateway")) return "502";
      return undefined;
    }
    if (error instanceof ConnectionError && error.requestSent === true) return "reset";
    return undefined;
  };

  // A problem with a successful answer is an unexpected failure too.
  const verify = (op, condition, what) => {
    if (!condition) throw Object.assign(new Error(what), { name: "WrongAnswer" });
  };

  async function runCall(index, op, p, u) {
    opOf[index] = op;
    outcomes[op].calls++;
    const started = performance.now();
    startedAtOf[index] = started - startedAt;
    const options = { headers: { [CALL_HEADER]: String(index) } };
    try {
      if (op === OP_CREATE) {
        const partner = await dub.partners.create({ email: emails[p], name: `Load Test Partner ${p}`, tenantId: `loadtest_tenant_${p}` }, options);
        verify(op, partner.email === emails[p], `create returned email ${partner.email} for ${emails[p]}`);
        if (partnerIds[p] === undefined) partnerIds[p] = partner.id;
        verify(op, partner.id === partnerIds[p], `create (upsert by email) returned partner ${partner.id}, expected ${partnerIds[p]}`);
      } else if (op === OP_UPSERT) {
        const url = upsertUrl(u);
        const link = await dub.partners.upsertLink({ partnerId: partnerIds[p], url }, options);
        verify(op, link.partnerId === partnerIds[p] && link.url === url, `upsertLink returned ${link.partnerId} ${link.url}`);
        const slot = p * UPSERT_URLS + u;
        if (upsertLinkIds[slot] === undefined) upsertLinkIds[slot] = link.id;
        verify(op, link.id === upsertLinkIds[slot], `upsertLink returned link ${link.id} for a pair whose link is ${upsertLinkIds[slot]}`);
      } else {
        const link = await dub.partners.createLink({ partnerId: partnerIds[p], url: CREATE_LINK_URL }, options);
        verify(op, link.partnerId === partnerIds[p] && link.url === CREATE_LINK_URL, `createLink returned ${link.partnerId} ${link.url}`);
        createdLinks[p]++;
      }
      outcomes[op].ok++;
    } catch (error) {
      const kind = expectedKind(op, error);
      if (kind) {
        expectedByKind[kind]++;
        outcomes[op].expectedFailures++;
      } else {
        unexpected(op, error?.name ?? typeof error, error?.message ?? error, error?.statusCode);
      }
    }
    latencies[index] = performance.now() - started;
    completed++;
    if (completed === warmupCalls) sample("warm-up end");
    else if (completed % SAMPLE_EVERY === 0) sample("periodic");
  }

  /** A bounded pool: `concurrency` workers take the next index until `end`. */
  async function runPool(start, end, pick) {
    let next = start;
    const worker = async () => {
      while (next < end) {
        const index = next++;
        const [op, p, u] = pick(index);
        await runCall(index, op, p, u);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, end - start) }, worker));
  }

  const mix = seededRandom(`mix:${flags.seed}`);
  // Phase 1: every partner is enrolled before any link is made for them.
  await runPool(0, partners, (index) => [OP_CREATE, index, 0]);
  const missing = partnerIds.filter((id) => id === undefined).length;
  // Phase 2: the three operations, mixed (a third each), over partners that exist.
  const known = partnerIds.map((id, p) => (id === undefined ? -1 : p)).filter((p) => p >= 0);
  if (known.length > 0) {
    await runPool(partners, calls, () => {
      const r = mix();
      const p = known[Math.floor(mix() * known.length)];
      if (r < 1 / 3) return [OP_CREATE, p, 0];
      if (r < 2 / 3) return [OP_UPSERT, p, Math.floor(mix() * UPSERT_URLS)];
      return [OP_CREATE_LINK, p, 0];
    });
  }
  const wallMs = performance.now() - startedAt;
  const clientProcess = monitor.read();
  monitor.stop();
  if (completed < warmupCalls || warmupCalls === 0) sample("warm-up end");
  sample("final");

  await dub.close();

  // ── Server state ──
  const stats = await readStats(serverURL);
  server.kill("SIGTERM");
  const killTimer = setTimeout(() => server.kill("SIGKILL"), 3_000);
  await serverExited;
  clearTimeout(killTimer);
  clearTimeout(deadline);

  // ── Checks ──
  const checks = [];
  const check = (name, ok, detail, accounting = false) => checks.push({ name, ok: Boolean(ok), detail, accounting });
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const createLinkOk = outcomes[OP_CREATE_LINK].ok;
  const upsertPairs = upsertLinkIds.filter((id) => id !== undefined).length;
  const expectedLinks = partners + createLinkOk + upsertPairs;
  const injectedLinks = stats.injected[ROUTE_CREATE_LINK];
  const brokenCreateLinks = injectedLinks["503"] + injectedLinks["502"] + injectedLinks.reset;
  const failedCreateLinks = outcomes[OP_CREATE_LINK].expectedFailures + outcomes[OP_CREATE_LINK].unexpectedFailures;
  const unexpectedTotal = sum(outcomes.map((o) => o.unexpectedFailures));
  const retriesTotal = sum(Object.values(retries.byRoute));

  check("unexpected failures", unexpectedTotal === 0, `${unexpectedTotal} (must be 0)`);
  check("every call made", completed === calls, `${completed} of ${calls}`);
  check("every partner enrolled before its links", missing === 0, `${partners - missing} of ${partners} partners have an id`);
  check("partners on the server == distinct emails", stats.partners === partners && stats.distinctEmails === partners, `${stats.partners} partners (${stats.distinctEmails} distinct emails) for ${partners} emails`, true);
  check(
    "links on the server == default + createLink ok + upsert pairs",
    stats.links === expectedLinks,
    `${stats.links} == ${partners} default + ${createLinkOk} createLink + ${upsertPairs} (partner, URL) pairs = ${expectedLinks}`,
    true,
  );

  // Per partner: exactly one default link, one link per upserted URL, one per successful createLink, nothing else.
  let partnerMismatches = 0;
  const mismatchSamples = [];
  for (let p = 0; p < partners; p++) {
    const entry = stats.byPartner[partnerIds[p]];
    const want = { [DEFAULT_LINK_URL]: 1 };
    if (createdLinks[p] > 0) want[CREATE_LINK_URL] = createdLinks[p];
    for (let u = 0; u < UPSERT_URLS; u++) if (upsertLinkIds[p * UPSERT_URLS + u] !== undefined) want[upsertUrl(u)] = 1;
    const got = entry?.byUrl ?? {};
    const urls = new Set([...Object.keys(want), ...Object.keys(got)]);
    const bad = entry === undefined || entry.email !== emails[p] || [...urls].some((url) => want[url] !== got[url]);
    if (bad) {
      partnerMismatches++;
      if (mismatchSamples.length < 3) mismatchSamples.push({ partner: emails[p], want, got });
    }
  }
  check(
    "per partner: 1 default link, 1 per upserted URL, 1 per createLink ok",
    partnerMismatches === 0,
    `${partnerMismatches} partners differ${mismatchSamples.length ? ` ${JSON.stringify(mismatchSamples)}` : ""}`,
    true,
  );
  check(
    "failed createLink == injected 503/502/reset on POST /partners/links",
    failedCreateLinks === brokenCreateLinks &&
      expectedByKind["503"] === injectedLinks["503"] &&
      expectedByKind["502"] === injectedLinks["502"] &&
      expectedByKind.reset === injectedLinks.reset,
    `${failedCreateLinks} failed (503 ${expectedByKind["503"]}, 502 ${expectedByKind["502"]}, reset ${expectedByKind.reset}) == ${brokenCreateLinks} injected (503 ${injectedLinks["503"]}, 502 ${injectedLinks["502"]}, reset ${injectedLinks.reset}); ${injectedLinks["429"]} 429s retried`,
    true,
  );
  // Every retry answers an injected fault: all failing kinds on the idempotent routes, 429 only on createLink.
  const retryable = (route) => (route === ROUTE_CREATE_LINK ? stats.injected[route]["429"] : sum(ERROR_FAULTS.map((k) => stats.injected[route][k])));
  check(
    "client retries == retryable faults injected, per route",
    ROUTES.every((r) => retries.byRoute[r] === retryable(r)) && Object.keys(retries.byRoute).length === ROUTES.length,
    ROUTES.map((r) => `${r} ${retries.byRoute[r]}/${retryable(r)}`).join(", "),
  );
  check(
    "server requests == calls + retries, per route (every attempt reached the server)",
    ROUTES.every((r) => stats.requests[r] === outcomes[ROUTE_OF_OP.indexOf(r)].calls + retries.byRoute[r]) &&
      stats.otherRequests === 0 &&
      attemptsLogged === calls + retriesTotal,
    `${ROUTES.map((r) => `${r} ${stats.requests[r]} == ${outcomes[ROUTE_OF_OP.indexOf(r)].calls} + ${retries.byRoute[r]}`).join(", ")}; attempts logged ${attemptsLogged}`,
  );
  check(
    "server bookkeeping",
    stats.pendingFaults === 0 && stats.orphanLinks === 0 && stats.distinctLinkKeys === stats.links,
    `${stats.pendingFaults} faults left unplayed, ${stats.orphanLinks} links without a partner, ${stats.distinctLinkKeys} distinct keys for ${stats.links} links`,
  );

  const memory = {
    ...memoryFigures(samples, warmupCalls, RSS_GROWTH_LIMIT),
    sampleEveryCalls: SAMPLE_EVERY,
    gcAvailable: Boolean(gc),
    samples,
  };
  check(
    "client RSS growth after warm-up <= 20 MB",
    memory.ok,
    `${(memory.rssGrowthAfterWarmup / 1048576).toFixed(1)} MB from the end of warm-up, ${(memory.rssGrowthFromMinAfterWarmup / 1048576).toFixed(1)} MB from the lowest sample after it`,
  );

  // Attempts per call (from the debug log) and the slowest calls, to explain the latency tail.
  const attemptsHistogram = {};
  for (let i = 0; i < calls; i++) attemptsHistogram[attemptsOf[i]] = (attemptsHistogram[attemptsOf[i]] ?? 0) + 1;
  const slowest = Array.from(latencies.keys())
    .sort((a, b) => latencies[b] - latencies[a])
    .slice(0, 5)
    .map((i) => ({ call: i, op: OPS[opOf[i]], latencyMs: Math.round(latencies[i]), attempts: attemptsOf[i], startedAtS: Math.round(startedAtOf[i]) / 1000 }));

  const failures = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  const byOperation = Object.fromEntries(OPS.map((name, op) => [name, latencyFigures(latencies, opOf, (o) => o === op)]));
  const summary = {
    passed: failures.length === 0,
    failures,
    resultFile: path.relative(path.join(here, ".."), resultFile),
    finishedAt: new Date().toISOString(),
    node: process.version,
    config: {
      calls,
      concurrency,
      faultRate: flags["fault-rate"],
      latencyRate: flags["latency-rate"] ?? flags["fault-rate"],
      latencyMs: LATENCY_MS,
      seed: flags.seed,
      partners,
      upsertUrlsPerPartner: UPSERT_URLS,
      mix: "after enrolling every partner: create (upsert by email), upsertLink, createLink, a third each",
      retryConfig: RETRY_CONFIG,
      timeoutSeconds: flags.timeout,
    },
    wallMs: Math.round(wallMs),
    callsMade: completed,
    callsPerSecond: completed / (wallMs / 1000),
    latency: { all: latencyFigures(latencies, opOf, (op) => op !== NOT_RUN), byOperation },
    outcomes: Object.fromEntries(OPS.map((name, op) => [name, outcomes[op]])),
    expectedFailures: { total: sum(Object.values(expectedByKind)), byKind: expectedByKind },
    unexpectedFailures: { total: unexpectedTotal, byKind: unexpectedByKind, samples: unexpectedSamples },
    retries: { total: retriesTotal, byRoute: retries.byRoute, byCause: retries.byCause, attemptsLogged, attemptsPerCall: attemptsHistogram },
    slowestCalls: slowest,
    client: { process: clientProcess },
    server: {
      partners: stats.partners,
      links: stats.links,
      linksPerPartner: stats.linksPerPartner,
      requests: stats.requests,
      totalRequests: sum(Object.values(stats.requests)),
      injected: stats.injected,
      warnings: stats.warnings,
      process: stats.process,
      memory: stats.memory,
    },
    accounting: { expectedLinks, defaultLinks: partners, createLinkOk, upsertPairs, failedCreateLinks, brokenCreateLinks },
    checks,
    memory,
  };

  mkdirSync(path.dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(renderSummary(summary).join("\n"));
  process.exitCode = summary.passed ? 0 : 1;

  // Everything is closed: the process must now end by itself. If a handle is left open, say so.
  setTimeout(() => {
    console.error("loadtest: FAIL: the process did not exit on its own after closing the client and the server");
    process.exit(1);
  }, 5_000).unref();
}

/** The URL the server process prints on its first line of stdout. */
async function readUrl(child) {
  let buffered = "";
  child.stdout.setEncoding("utf8");
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server process printed no URL within 15 s")), 15_000);
    const onData = (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stdout.resume(); // keep draining anything printed later
      resolve(buffered.slice(0, newline).trim());
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server process exited (${code}) before printing its URL`));
    });
  });
}

/** GET /__stats from the server process (answered by its wrapper, not by the fake). */
async function readStats(serverURL) {
  const response = await fetch(`${serverURL}/__stats`, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET /__stats answered ${response.status}`);
  return await response.json();
}

// ── Entry point ──────────────────────────────────────────────────────────────────────────────

if (typeof globalThis.gc !== "function" && process.env[RESPAWN_MARK] !== "1") {
  await respawnWithGc();
} else {
  await main(flags);
}
