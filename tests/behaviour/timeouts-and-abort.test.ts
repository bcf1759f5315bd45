import { describe, expect, it } from "vitest";
import { RequestAbortedError, RequestTimeoutError } from "../../src/index.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

describe.each(TRANSPORTS)("timeouts and abort ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("slow response headers past timeoutMs throw RequestTimeoutError", async () => {
    ctx.script.reply({ status: 201, body: exampleLink(), delayMs: 2_000 });
    const started = Date.now();
    const e = (await ctx.harness.client({ timeoutMs: 150 }).partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as RequestTimeoutError;
    expect(e).toBeInstanceOf(RequestTimeoutError);
    expect(e.timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("a body that stalls after the headers is covered by the same deadline", async () => {
    ctx.script.reply({ status: 201, body: exampleLink(), fault: { kind: "stall-body", afterBytes: 20, stallMs: 3_000 } });
    const started = Date.now();
    const e = await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }, { timeoutMs: 200 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("an idempotent call gets a fresh deadline per attempt and succeeds on the retry", async () => {
    ctx.script.reply({ status: 201, body: examplePartner(), delayMs: 2_000 }, { status: 201, body: examplePartner() });
    await ctx.harness.client({ timeoutMs: 150 }).partners.create({ email: "kim@example.com" });
    expect(ctx.script.received).toHaveLength(2);
  });

  it("aborting during a request throws RequestAbortedError at once", async () => {
    ctx.script.reply({ status: 201, body: exampleLink(), delayMs: 3_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("user navigated away")), 100);
    const e = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }, { signal: controller.signal }).catch((x: unknown) => x)) as RequestAbortedError;
    expect(e).toBeInstanceOf(RequestAbortedError);
    expect((e.cause as Error).message).toBe("user navigated away");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("aborting during a backoff wait throws RequestAbortedError without another attempt", async () => {
    ctx.script.fallback = { status: 503, body: "" };
    const controller = new AbortController();
    const dub = ctx.harness.client({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 5_000, maxElapsedTime: 60_000 } } });
    const started = Date.now();
    setTimeout(() => controller.abort(), 150);
    const e = await dub.partners.create({ email: "kim@example.com" }, { signal: controller.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RequestAbortedError);
    expect(ctx.script.received).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("an already-aborted signal sends nothing", async () => {
    const e = await ctx.harness.client().partners.create({ email: "kim@example.com" }, { signal: AbortSignal.abort() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RequestAbortedError);
    expect(ctx.script.received).toHaveLength(0);
  });
});
