import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_TARGET_BYTES } from "../../src/core/request-target.js";
import { Dub, RateLimitExceeded, RequestAbortedError, ResponseValidationError, SDKValidationError } from "../../src/index.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { fetchOverHttp, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const MiB = 1024 * 1024;
const rateLimited = { error: { code: "rate_limit_exceeded", message: "slow down" } };

describe("maxResponseBytes bounds the decoded body on the fetch transport", () => {
  describe(`gzip with a declared Content-Length (${fetchOverHttp.name})`, () => {
    const ctx = useScriptedServer(fetchOverHttp);

    it("a 8 MiB body sent as a few kB of gzip fails at the 1 MiB limit", async () => {
      const inflated = Buffer.from(JSON.stringify(exampleLink({ comments: "x".repeat(8 * MiB) })));
      const compressed = gzipSync(inflated);
      expect(compressed.byteLength).toBeLessThan(64 * 1024);
      ctx.script.reply({ status: 200, headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: compressed });
      const dub = ctx.harness.client({ maxResponseBytes: MiB });
      const error = await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toContain(`${MiB}-byte limit`);
    });
  });

  it("a body longer than its Content-Length says (a mocked or proxied Response) is counted as it is read, not trusted", async () => {
    const body = JSON.stringify(exampleLink({ comments: "x".repeat(2 * MiB) }));
    const dub = new Dub({
      token: "dub_x",
      serverURL: "https://api.dub.test",
      maxResponseBytes: MiB,
      fetch: async () => new Response(body, { status: 200, headers: { "content-type": "application/json", "content-length": "100" } }),
    });
    const error = await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`${MiB}-byte limit`);
  });
});

describe("every timing option fits in a timer", () => {
  const TOO_LONG = 2 ** 31;

  it.each([
    ["timeoutMs", { timeoutMs: TOO_LONG }, ["timeoutMs"]],
    ["backoff.initialInterval", { retryConfig: { strategy: "backoff", backoff: { initialInterval: TOO_LONG } } }, ["retryConfig", "backoff", "initialInterval"]],
    ["backoff.maxInterval", { retryConfig: { strategy: "backoff", backoff: { maxInterval: TOO_LONG } } }, ["retryConfig", "backoff", "maxInterval"]],
    ["backoff.maxElapsedTime", { retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: TOO_LONG } } }, ["retryConfig", "backoff", "maxElapsedTime"]],
  ] as const)("client %s past 2^31 - 1 ms is refused with a clear error", (_name, options, path) => {
    const error = (() => {
      try {
        new Dub({ token: "dub_x", ...(options as object) });
      } catch (e) {
        return e;
      }
    })() as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.issues).toEqual([expect.objectContaining({ path, message: expect.stringContaining("longest a timer can wait") })]);
  });

  it("2^31 - 1 ms itself is accepted", () => {
    expect(() => new Dub({ token: "dub_x", timeoutMs: 2 ** 31 - 1, retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 2 ** 31 - 1 } } })).not.toThrow();
  });

  it("per call too: timeoutMs and retries, before anything is sent", async () => {
    let sent = 0;
    const dub = new Dub({ token: "dub_x", serverURL: "https://api.dub.test", fetch: async () => (sent++, new Response("{}")) });
    for (const options of [{ timeoutMs: TOO_LONG }, { retries: { strategy: "backoff", backoff: { maxInterval: TOO_LONG } } } as const]) {
      const error = await dub.partners.create({ email: "kim@example.com" }, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as Error).message).toContain("longest a timer can wait");
    }
    expect(sent).toBe(0);
  });
});

describe.each(TRANSPORTS)("server waits, whatever the clocks say ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const HOUR = 3_600_000;

  it("a client clock an hour fast does not hot-loop: the epoch-ms Retry-After is measured against Date", async () => {
    const times: number[] = [];
    ctx.script.reply(
      () => {
        times.push(performance.now());
        const serverNow = Date.now() - HOUR;
        return { status: 429, headers: { date: new Date(serverNow).toUTCString(), "retry-after": String(serverNow + 400) }, body: rateLimited };
      },
      () => (times.push(performance.now()), { status: 201, body: exampleLink() }),
    );
    await ctx.harness.client().partners.createLink({ partnerId: "pn_1" });
    expect(times).toHaveLength(2);
    // Date has one-second resolution, so the wait is the asked 400 ms plus up to a second.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(350);
  });

  it("a client clock an hour slow does not give up: the wait is the server's 400 ms, not an hour", async () => {
    ctx.script.reply(
      () => {
        const serverNow = Date.now() + HOUR;
        return { status: 429, headers: { date: new Date(serverNow).toUTCString(), "retry-after": String(serverNow + 400) }, body: rateLimited };
      },
      { status: 201, body: exampleLink() },
    );
    const link = await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((e: unknown) => e);
    expect(link).not.toBeInstanceOf(RateLimitExceeded);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("a retry never waits less than the backoff delay, whatever Retry-After says", async () => {
    const times: number[] = [];
    ctx.script.reply(
      () => (times.push(performance.now()), { status: 429, headers: { "retry-after-ms": "1" }, body: rateLimited }),
      () => (times.push(performance.now()), { status: 201, body: exampleLink() }),
    );
    // Backoff with jitter waits between half and all of 400 ms.
    const dub = ctx.harness.client({ retryConfig: { strategy: "backoff", backoff: { initialInterval: 400, maxInterval: 400, maxElapsedTime: 5_000 } } });
    await dub.partners.createLink({ partnerId: "pn_1" });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(195);
  });
});

describe.each(TRANSPORTS)("a URL no server accepts fails locally ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("a multi-megabyte query value is an SDKValidationError, nothing sent", async () => {
    const error = (await ctx.harness.client().partners.list({ search: "x".repeat(4 * MiB) }).catch((e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.message).toContain(`more than ${MAX_REQUEST_TARGET_BYTES}`);
    expect(ctx.script.received).toHaveLength(0);
  });

  it("just under the limit is sent", async () => {
    ctx.script.reply({ status: 200, body: [] });
    const search = "x".repeat(MAX_REQUEST_TARGET_BYTES - 200);
    await ctx.harness.client().partners.list({ search });
    expect(ctx.script.received[0]!.path).toContain(search);
  });
});

/** A signal made without AbortController, as a polyfill or another realm makes one. */
class DuckSignal {
  aborted = false;
  reason: unknown = undefined;
  readonly #listeners = new Set<() => void>();
  addEventListener(_type: "abort", listener: () => void) {
    this.#listeners.add(listener);
  }
  removeEventListener(_type: "abort", listener: () => void) {
    this.#listeners.delete(listener);
  }
  abort(reason: unknown) {
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.#listeners) listener();
  }
  get listeners() {
    return this.#listeners.size;
  }
}

describe.each(TRANSPORTS)("the caller's signal is validated ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const upsert = (dub: Dub, signal: unknown) => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }, { signal: signal as AbortSignal });

  it.each([
    ["an object with addEventListener only", { addEventListener() {} }],
    ["a string", "abort"],
    ["an AbortController instead of its signal", new AbortController()],
  ])("%s is refused before anything is sent", async (_case, signal) => {
    const error = (await upsert(ctx.harness.client(), signal).catch((e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.issues[0]!.path).toEqual(["signal"]);
    expect(ctx.script.received).toHaveLength(0);
  });

  it("a signal of another implementation works through retries and is let go after the call", async () => {
    ctx.script.reply({ status: 503, body: "" }, { status: 200, body: exampleLink({ id: "link_duck" }) });
    const signal = new DuckSignal();
    expect((await upsert(ctx.harness.client(), signal)).id).toBe("link_duck");
    expect(ctx.script.received).toHaveLength(2);
    expect(signal.listeners).toBe(0);
  });

  it("and aborts the call when it fires", async () => {
    ctx.script.reply({ status: 200, delayMs: 5_000, body: examplePartner() });
    const signal = new DuckSignal();
    setTimeout(() => signal.abort(new Error("stop")), 50);
    const error = await upsert(ctx.harness.client(), signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toEqual(new Error("stop"));
  });
});
