// Runs fault scenarios with the built package and then does nothing: the process must exit on
// its own (no dangling timer, socket or pending promise), and no rejection may go unhandled.
import { Dub } from "../../dist/index.js";
import { createFakeDub, errorReply } from "../../dist/testing/index.js";

process.on("unhandledRejection", (reason) => {
  console.log(`UNHANDLED ${reason}`);
  process.exitCode = 1;
});

const fake = createFakeDub();
const server = await fake.listen();
const outcomes = [];
const fast = { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 20, maxElapsedTime: 300 } };

for (const [transport, fetchImpl] of [["undici", undefined], ["fetch", (u, i) => fetch(u, i)]]) {
  // Deliberately never closed: idle keep-alive connections must not hold the process open.
  const dub = new Dub({ token: "dub_x", serverURL: server.url, retryConfig: fast, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const { id } = await dub.partners.create({ email: `${transport}@example.com` });
  const scenarios = {
    "timeout (slow headers)": () => (fake.inject({ delayMs: 2_000 }), dub.partners.createLink({ partnerId: id }, { timeoutMs: 50 })),
    "timeout (stalled body)": () => (fake.inject({ fault: { kind: "stall-body", stallMs: 2_000 } }), dub.partners.createLink({ partnerId: id }, { timeoutMs: 50 })),
    "abort during a request": () => (fake.inject({ delayMs: 2_000 }), dub.partners.createLink({ partnerId: id }, { signal: AbortSignal.timeout(30) })),
    "abort during backoff": () => (
      fake.inject({ status: 503 }),
      dub.partners.upsertLink({ partnerId: id, url: "https://acme.com" }, { retries: { strategy: "backoff", backoff: { initialInterval: 5_000, maxInterval: 5_000, maxElapsedTime: 60_000 } }, signal: AbortSignal.timeout(30) })
    ),
    "reset before response": () => (fake.inject({ fault: { kind: "reset-before-response" } }), dub.partners.createLink({ partnerId: id })),
    "reset mid-body": () => (fake.inject({ fault: { kind: "reset-mid-body" } }, { afterEffect: true }), dub.partners.createLink({ partnerId: id })),
    "503s until the budget is spent": () => (fake.inject({ status: 503 }, { times: 100 }), dub.partners.upsertLink({ partnerId: id, url: "https://acme.com" })),
    "429 past the budget": () => (fake.inject({ ...errorReply("rate_limit_exceeded"), headers: { "retry-after": String(Date.now() + 60_000) } }), dub.partners.createLink({ partnerId: id })),
    "500 after effect": () => (fake.inject(errorReply("internal_server_error"), { afterEffect: true }), dub.partners.createLink({ partnerId: id })),
  };
  for (const [name, run] of Object.entries(scenarios)) {
    const outcome = await run().then(() => "ok", (error) => error.name);
    outcomes.push(`${transport}: ${name}: ${outcome}`);
    while (fake.pendingFaults > 0) await dub.partners.create({ email: "drain@example.com" }).catch(() => {});
  }
}
const refused = new Dub({ token: "dub_x", serverURL: "http://127.0.0.1:9", retryConfig: fast });
outcomes.push(`undici: refused: ${await refused.partners.create({ email: "a@b.co" }).then(() => "ok", (e) => e.name)}`);

await server.close();
console.log(JSON.stringify(outcomes));
console.log(`DONE ${performance.now()}`);
