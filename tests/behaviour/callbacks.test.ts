import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NotFound, RequestAbortedError, RequestTimeoutError, SDKValidationError } from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

/** A deadline no other timer of the test run uses, to find the attempts' timers among all timers. */
const DISTINCT_TIMEOUT_MS = 43_219;

const never = () => new Promise<never>(() => {});
const notFound = { status: 404, body: { error: { code: "not_found", message: "no such partner" } } };

/** Records the timers armed with `ms` and whether each was cleared. */
function watchTimers(ms: number) {
  const armed = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, delay?: number) => {
    const timer = realSet(fn, delay);
    if (delay === ms) armed.add(timer);
    return timer;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, "clearTimeout").mockImplementation(((timer?: Parameters<typeof clearTimeout>[0]) => {
    armed.delete(timer);
    realClear(timer);
  }) as typeof clearTimeout);
  return { stillArmed: () => armed.size };
}

describe.each(TRANSPORTS)("the caller's own code cannot hang or break a call ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  describe("a token function or beforeRequest hook that never settles", () => {
    it("ends at once on abort(), with RequestAbortedError, nothing sent", { timeout: 3_000 }, async () => {
      for (const options of [{ token: never }, { hooks: { beforeRequest: never } }]) {
        const controller = new AbortController();
        const call = ctx.harness.client(options).partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }, { signal: controller.signal });
        setTimeout(() => controller.abort(new Error("user gave up")), 30);
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RequestAbortedError);
        expect((error as Error).cause).toEqual(new Error("user gave up"));
      }
      expect(ctx.script.received).toHaveLength(0);
    });

    it("ends at the deadline with RequestTimeoutError", { timeout: 3_000 }, async () => {
      const dub = ctx.harness.client({ token: never, timeoutMs: 80, retryConfig: { strategy: "none" } });
      const error = (await dub.partners.create({ email: "kim@example.com" }).catch((e: unknown) => e)) as RequestTimeoutError;
      expect(error).toBeInstanceOf(RequestTimeoutError);
      expect(error.message).toContain("token function");
      const hooked = ctx.harness.client({ hooks: { beforeRequest: never }, timeoutMs: 80, retryConfig: { strategy: "none" } });
      expect(await hooked.partners.create({ email: "kim@example.com" }).catch((e: unknown) => e)).toBeInstanceOf(RequestTimeoutError);
      expect(ctx.script.received).toHaveLength(0);
    });
  });

  it.each([
    ["throws", () => {
      throw new Error("vault down");
    }, "token_function_failed"],
    ["rejects", () => Promise.reject(new Error("vault down")), "token_function_failed"],
    ["returns a number", () => 42 as unknown as string, "invalid_token"],
    ["resolves to null", () => Promise.resolve(null as unknown as string), "invalid_token"],
    ["returns an empty string", () => "", "missing_token"],
  ])("a token function that %s fails with SDKValidationError, nothing sent", async (_case, token, code) => {
    const error = (await ctx.harness.client({ token }).partners.create({ email: "kim@example.com" }).catch((e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.issues).toEqual([expect.objectContaining({ path: ["token"], code })]);
    if (code === "token_function_failed") expect(error.cause).toEqual(new Error("vault down"));
    expect(ctx.script.received).toHaveLength(0);
  });

  it("a throwing debugLogger changes nothing: the link is created, no timer is left armed, one warning", async () => {
    const timers = watchTimers(DISTINCT_TIMEOUT_MS);
    const dub = ctx.harness.client({
      timeoutMs: DISTINCT_TIMEOUT_MS,
      debugLogger: {
        debug: () => {
          throw new Error("log sink full");
        },
      },
    });
    ctx.script.reply({ status: 201, body: exampleLink({ id: "link_a" }) }, { status: 201, body: exampleLink({ id: "link_b" }) });
    expect((await dub.partners.createLink({ partnerId: "pn_1" })).id).toBe("link_a");
    expect((await dub.partners.createLink({ partnerId: "pn_1" })).id).toBe("link_b");
    expect(timers.stillArmed()).toBe(0);
    expect(ctx.script.received).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/debugLogger threw \(Error: log sink full\)/);
  });

  it("a throwing or rejecting afterResponse does not turn a created link into a failure", async () => {
    ctx.script.reply({ status: 201, body: exampleLink({ id: "link_a" }) }, { status: 201, body: exampleLink({ id: "link_b" }) });
    const throwing = ctx.harness.client({
      hooks: {
        afterResponse: () => {
          throw new Error("metrics down");
        },
      },
    });
    expect((await throwing.partners.createLink({ partnerId: "pn_1" })).id).toBe("link_a");
    const rejecting = ctx.harness.client({ hooks: { afterResponse: async () => Promise.reject(new Error("metrics down")) } });
    expect((await rejecting.partners.createLink({ partnerId: "pn_1" })).id).toBe("link_b");
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    expect(ctx.script.received).toHaveLength(2);
  });

  it("an afterResponse that never settles does not hold the call", { timeout: 3_000 }, async () => {
    ctx.script.reply({ status: 201, body: exampleLink({ id: "link_a" }) });
    const dub = ctx.harness.client({ hooks: { afterResponse: never } });
    expect((await dub.partners.createLink({ partnerId: "pn_1" })).id).toBe("link_a");
  });

  it("a throwing onError does not replace the call's error", async () => {
    ctx.script.reply(notFound, notFound);
    const dub = ctx.harness.client({
      hooks: {
        onError: () => {
          throw new Error("alerting down");
        },
      },
    });
    await expect(dub.partners.createLink({ partnerId: "pn_404" })).rejects.toBeInstanceOf(NotFound);
    await expect(dub.partners.createLink({ partnerId: "pn_404" })).rejects.toBeInstanceOf(NotFound);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("an HTTP error that arrives just before the caller aborts stays that error", async () => {
    const controller = new AbortController();
    ctx.script.reply(notFound);
    const dub = ctx.harness.client({ hooks: { afterResponse: () => controller.abort() } });
    await expect(dub.partners.createLink({ partnerId: "pn_404" }, { signal: controller.signal })).rejects.toBeInstanceOf(NotFound);
  });

  it("a result that arrives just before the caller aborts, on a retry, is still the result", async () => {
    const controller = new AbortController();
    ctx.script.reply({ status: 503, body: "" }, { status: 200, body: exampleLink({ id: "link_r" }) });
    const dub = ctx.harness.client({ hooks: { afterResponse: (res) => void (res.status === 200 && controller.abort()) } });
    const link = await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }, { signal: controller.signal });
    expect(link.id).toBe("link_r");
    expect(ctx.script.received).toHaveLength(2);
  });
});
