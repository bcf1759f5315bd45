// A backfill of historical sales through track.bulkSale, against the embedded fake API with its
// rate limiter, in its own process: `node bench/backfill.mjs '<json options>'`.
// Options: { items (10000), limit (500), windowMs (1000), concurrency (16), faults (100) }.
// `faults` answers are lost after the fake recorded the sale (a 500 after the effect), so the SDK
// repeats them; the check is that every invoice is still recorded exactly once. Prints one JSON
// line: time, throughput against the limit, 429s, repeats, and what the fake recorded.
import { performance } from "node:perf_hooks";
import { distIndex, TOKEN } from "./clients.mjs";

const { Dub } = await import(distIndex);
const { createFakeDub, errorReply } = await import(new URL("../dist/testing/index.js", import.meta.url).href);

const opts = { items: 10_000, limit: 500, windowMs: 1_000, concurrency: 16, faults: 100, ...JSON.parse(process.argv[2] ?? "{}") };
const fake = createFakeDub({ seed: "backfill", rateLimit: { limit: opts.limit, windowMs: opts.windowMs } });
const server = await fake.listen();
const statuses = new Map();
const dub = new Dub({ token: TOKEN, serverURL: server.url, hooks: { afterResponse: ({ status }) => statuses.set(status, (statuses.get(status) ?? 0) + 1) } });

try {
  await dub.partners.create({ email: "kim@example.com", username: "kim" });
  const { clickId } = fake.recordClick({ linkId: fake.links()[0].id });
  // Let the enrollment's window pass, so the batch starts on a fresh one.
  await new Promise((resolve) => setTimeout(resolve, opts.windowMs));
  statuses.clear();
  const items = Array.from({ length: opts.items }, (_, i) => ({
    customerExternalId: `cus_${i % 500}`,
    clickId,
    amount: 1_000 + (i % 90_000),
    currency: "usd",
    paymentProcessor: "stripe",
    invoiceId: `in_backfill_${String(i).padStart(6, "0")}`,
    metadata: { source: "backfill", row: i },
  }));
  if (opts.faults > 0) fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true, times: opts.faults });

  let progressCalls = 0;
  const started = performance.now();
  const results = await dub.track.bulkSale(items, { concurrency: opts.concurrency, onProgress: () => progressCalls++ });
  const elapsedMs = performance.now() - started;

  const invoices = fake.commissions().map((c) => c.invoiceId);
  const sent = fake.requests.filter((r) => r.method === "POST" && r.path === "/track/sale").length;
  const result = {
    ...opts,
    elapsedMs,
    salesPerSecond: (opts.items / elapsedMs) * 1000,
    limitPerSecond: (opts.limit / opts.windowMs) * 1000,
    succeeded: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    firstFailure: results.find((r) => !r.ok)?.error?.message,
    progressCalls,
    requests: sent,
    statuses: Object.fromEntries(statuses),
    recorded: invoices.length,
    distinctInvoices: new Set(invoices).size,
    exactlyOnce: invoices.length === opts.items && new Set(invoices).size === opts.items,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await dub.close();
  await server.close();
}
