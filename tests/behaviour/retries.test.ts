import { describe, expect, it } from "vitest";
import { ConnectionError, InternalServerError, RateLimitExceeded, SDKError } from "../../src/index.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

describe.each(TRANSPORTS)("retries ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("rides out two 503s on an idempotent call: three attempts, one result", async () => {
    ctx.script.reply({ status: 503, body: "" }, { status: 503, body: "" }, { status: 201, body: examplePartner() });
    const partner = await ctx.harness.client().partners.create({ email: "kim@example.com" });
    expect(partner.id).toBe(examplePartner().id);
    expect(ctx.script.received).toHaveLength(3);
    expect(new Set(ctx.script.received.map((r) => r.body)).size).toBe(1);
  });

  it("retries 429 on createLink (the server did nothing) and honours Dub's epoch-ms Retry-After", async () => {
    const started = Date.now();
    ctx.script.reply(
      () => ({ status: 429, headers: { "retry-after": String(Date.now() + 300) }, body: { error: { code: "rate_limit_exceeded", message: "slow down" } } }),
      { status: 201, body: exampleLink() },
    );
    await ctx.harness.client().partners.createLink({ partnerId: "pn_1" });
    const elapsed = Date.now() - started;
    expect(ctx.script.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1_500);
  });

  it("fails fast with RateLimitExceeded when the requested wait exceeds the retry budget", async () => {
    const started = Date.now();
    ctx.script.reply(() => ({
      status: 429,
      headers: { "retry-after": String(Date.now() + 30_000), "x-ratelimit-reset": String(Date.now() + 30_000) },
      body: { error: { code: "rate_limit_exceeded", message: "slow down" } },
    }));
    const e = (await ctx.harness.client().partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((x: unknown) => x)) as RateLimitExceeded;
    expect(e).toBeInstanceOf(RateLimitExceeded);
    expect(e.rateLimit?.retryAfterMs).toBeGreaterThan(25_000);
    expect(ctx.script.received).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("does not retry a 500 or a 503 on createLink: exactly one request reached the server", async () => {
    ctx.script.reply({ status: 500, body: { error: { code: "internal_server_error", message: "boom" } } });
    await expect(ctx.harness.client().partners.createLink({ partnerId: "pn_1" })).rejects.toBeInstanceOf(InternalServerError);
    ctx.script.reply({ status: 503, body: "" });
    await expect(ctx.harness.client().partners.createLink({ partnerId: "pn_1" })).rejects.toBeInstanceOf(SDKError);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("retries a 503 on createLink when the caller opts in with retryNonIdempotent", async () => {
    ctx.script.reply({ status: 503, body: "" }, { status: 201, body: exampleLink() });
    const dub = ctx.harness.client({
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 10, maxElapsedTime: 2_000 }, retryNonIdempotent: true },
    });
    await dub.partners.createLink({ partnerId: "pn_1", key: "summer" });
    expect(ctx.script.received).toHaveLength(2);
  });

  it("retries a 500 on an operation that is safe to repeat, as dub does; never on createLink", async () => {
    const boom = { status: 500, body: { error: { code: "internal_server_error", message: "boom" } } };
    ctx.script.reply(boom, { status: 201, body: examplePartner() });
    const dub = ctx.harness.client();
    expect((await dub.partners.create({ email: "kim@example.com" })).id).toBe(examplePartner().id);
    expect(ctx.script.received).toHaveLength(2);

    ctx.script.reply(boom, { status: 201, body: exampleLink() });
    await expect(dub.partners.createLink({ partnerId: "pn_1" })).rejects.toBeInstanceOf(InternalServerError);
    expect(ctx.script.received).toHaveLength(3);
  });

  it("strategy none makes exactly one attempt", async () => {
    ctx.script.fallback = { status: 503, body: "" };
    await expect(ctx.harness.client({ retryConfig: { strategy: "none" } }).partners.create({ email: "kim@example.com" })).rejects.toBeInstanceOf(SDKError);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("per-call retries override the client's", async () => {
    ctx.script.reply({ status: 503, body: "" }, { status: 201, body: examplePartner() });
    const dub = ctx.harness.client({ retryConfig: { strategy: "none" } });
    await dub.partners.create({ email: "kim@example.com" }, { retries: { strategy: "backoff", backoff: { initialInterval: 5 } } });
    expect(ctx.script.received).toHaveLength(2);
  });

  it("per-call retries merge over the client's: an opt-in keeps the client's timings", async () => {
    ctx.script.reply({ status: 503, body: "" }, { status: 503, body: "" }, { status: 201, body: exampleLink() });
    const dub = ctx.harness.client({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 5, maxElapsedTime: 2_000 } } });
    const started = Date.now();
    await dub.partners.createLink({ partnerId: "pn_1", key: "k1" }, { retries: { strategy: "backoff", retryNonIdempotent: true } });
    expect(ctx.script.received).toHaveLength(3);
    // With the default timings the two waits alone would take at least 0.75 s.
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("stops retrying when maxElapsedTime is spent and throws the last error", async () => {
    ctx.script.fallback = { status: 503, body: "" };
    const started = Date.now();
    const dub = ctx.harness.client({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 20, maxInterval: 20, maxElapsedTime: 300 } } });
    await expect(dub.partners.create({ email: "kim@example.com" })).rejects.toBeInstanceOf(SDKError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ctx.script.received.length).toBeGreaterThanOrEqual(5);
    expect(ctx.script.received.length).toBeLessThan(40);
  });

  it("does not retry a reset after the request was sent on createLink; retries it on upsertLink", async () => {
    ctx.script.reply({ status: 201, fault: { kind: "reset-before-response" } });
    const e = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as ConnectionError;
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.requestSent).toBe(true);
    expect(ctx.script.received).toHaveLength(1);

    ctx.script.reply({ status: 200, fault: { kind: "reset-before-response" } }, { status: 200, body: exampleLink() });
    await ctx.harness.client().partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" });
    expect(ctx.script.received).toHaveLength(3);
  });
});

describe("connection refused (nothing was sent): retried even for createLink", () => {
  it.each([
    ["undici", undefined],
    ["fetch", (url: string, init: RequestInit) => globalThis.fetch(url, init)],
  ] as const)("%s transport", async (_name, fetchImpl) => {
    const { createServer } = await import("node:net");
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const { Dub } = await import("../../src/index.js");
    const attempts: number[] = [];
    const dub = new Dub({
      token: "dub_test",
      serverURL: `http://127.0.0.1:${port}`,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 20, maxElapsedTime: 200 } },
      debugLogger: { debug: (line) => line.includes("attempt") && line.includes("→") && attempts.push(1) },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    const e = (await dub.partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as ConnectionError;
    await dub.close();
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.requestSent).toBe(false);
    expect(e.errorCode).toBe("ECONNREFUSED");
    expect(attempts.length).toBeGreaterThan(1);
  });
});
