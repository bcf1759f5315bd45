import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  InternalServerError,
  RateLimitExceeded,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from "../../src/index.js";
import { createFakeDub, errorReply, truncatedJson } from "../../src/testing/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import type { Reply } from "../../src/testing/types.js";
import { Script } from "../helpers/script.js";
import { TRANSPORTS_OVER_SOCKETS, type TransportHarness } from "../helpers/transports.js";

/**
 * The fault suite: every scenario over both transports against a real server on 127.0.0.1,
 * checking the typed outcome, how many attempts reached the server, and the time it took.
 */
describe.each(TRANSPORTS_OVER_SOCKETS)("faults over real sockets ($name)", (transport) => {
  const running: TransportHarness[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((h) => h.stop()));
  });

  async function scripted(...replies: (Reply | (() => Reply))[]) {
    const script = new Script().reply(...replies);
    const harness = await transport.start(script.handler);
    running.push(harness);
    return { script, dub: harness.client() };
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
    const started = performance.now();
    try {
      return { value: await work(), ms: performance.now() - started };
    } catch (error) {
      return { error, ms: performance.now() - started };
    }
  }

  const rateLimited = (headers: Record<string, string>): Reply => ({
    status: 429,
    headers,
    body: { error: { code: "rate_limit_exceeded", message: "Too many requests" } },
  });

  describe("429 with every form of Retry-After: waited out, then one success", () => {
    it.each([
      ["delta seconds", () => ({ "retry-after": "1" }), 900],
      ["an HTTP date", () => ({ "retry-after": new Date(Date.now() + 1_600).toUTCString() }), 500],
      ["epoch milliseconds (Dub)", () => ({ "retry-after": String(Date.now() + 400) }), 350],
      ["retry-after-ms", () => ({ "retry-after-ms": "400" }), 350],
    ] as const)("%s", async (_form, headers, minWait) => {
      const { script, dub } = await scripted(() => rateLimited(headers()), { status: 201, body: exampleLink() });
      const run = await timed(() => dub.partners.createLink({ partnerId: "pn_1" }));
      expect(run.error).toBeUndefined();
      expect(script.received).toHaveLength(2);
      expect(run.ms).toBeGreaterThanOrEqual(minWait);
      expect(run.ms).toBeLessThan(2_500);
    });
  });

  it("429 asking for longer than the retry budget: RateLimitExceeded at once, one attempt", async () => {
    const { script, dub } = await scripted(() => rateLimited({ "retry-after": String(Date.now() + 45_000) }));
    const run = await timed(() => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }));
    expect(run.error).toBeInstanceOf(RateLimitExceeded);
    expect((run.error as RateLimitExceeded).rateLimit?.retryAfterMs).toBeGreaterThan(40_000);
    expect(script.received).toHaveLength(1);
    expect(run.ms).toBeLessThan(300);
  });

  it("a burst of 503s, then success: every attempt counted, one result", async () => {
    const unavailable: Reply = { status: 503, body: "" };
    const { script, dub } = await scripted(unavailable, unavailable, unavailable, { status: 200, body: exampleLink() });
    const run = await timed(() => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }));
    expect(run.value?.id).toBe(exampleLink().id);
    expect(script.received).toHaveLength(4);
    expect(run.ms).toBeLessThan(1_000);
  });

  it("an HTML 502 and an empty 503 from a proxy: SDKError keeping the body; createLink tries once", async () => {
    const html = "<html><body>502 Bad Gateway</body></html>";
    const { script, dub } = await scripted({ status: 502, headers: { "content-type": "text/html" }, body: html }, { status: 503, body: "" });
    const first = await timed(() => dub.partners.createLink({ partnerId: "pn_1" }));
    expect(first.error).toBeInstanceOf(SDKError);
    expect((first.error as SDKError).body).toBe(html);
    const second = await timed(() => dub.partners.createLink({ partnerId: "pn_1" }));
    expect((second.error as SDKError).statusCode).toBe(503);
    expect((second.error as SDKError).body).toBe("");
    expect(script.received).toHaveLength(2);
  });

  it("a 500 on createLink after the server created the link: not retried, exactly one link", async () => {
    const fake = createFakeDub();
    const harness = await transport.start(fake.handler);
    running.push(harness);
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    const before = fake.links().length;
    fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
    const run = await timed(() => dub.partners.createLink({ partnerId: id }));
    expect(run.error).toBeInstanceOf(InternalServerError);
    expect(fake.requests.filter((r) => r.path === "/partners/links")).toHaveLength(1);
    expect(fake.links().length - before).toBe(1);
  });

  it("a reset before the response: createLink fails once (it may have acted); upsertLink retries", async () => {
    const reset: Reply = { status: 200, fault: { kind: "reset-before-response" } };
    const { script, dub } = await scripted(reset, reset, { status: 200, body: exampleLink() });
    const create = await timed(() => dub.partners.createLink({ partnerId: "pn_1" }));
    expect(create.error).toBeInstanceOf(ConnectionError);
    expect((create.error as ConnectionError).requestSent).toBe(true);
    expect(script.received).toHaveLength(1);
    const upsert = await timed(() => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }));
    expect(upsert.error).toBeUndefined();
    expect(script.received).toHaveLength(3);
  });

  it("a reset mid-body after the server acted: ConnectionError, exactly one link; upsert rides it out", async () => {
    const fake = createFakeDub();
    const harness = await transport.start(fake.handler);
    running.push(harness);
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    const before = fake.links().length;
    fake.inject({ fault: { kind: "reset-mid-body", afterBytes: 25 } }, { route: "POST /partners/links", afterEffect: true });
    const create = await timed(() => dub.partners.createLink({ partnerId: id }));
    expect(create.error).toBeInstanceOf(ConnectionError);
    expect(fake.links().length - before).toBe(1);
    fake.inject({ fault: { kind: "reset-mid-body", afterBytes: 25 } }, { route: "PUT /partners/links/upsert", afterEffect: true });
    const upsert = await timed(() => dub.partners.upsertLink({ partnerId: id, url: "https://acme.com/x" }));
    expect(upsert.error).toBeUndefined();
    expect(fake.links().length - before).toBe(2);
    expect(fake.requests.filter((r) => r.method === "PUT")).toHaveLength(2);
  });

  it("a keep-alive connection closed by the server between calls: the next call succeeds", async () => {
    const script = new Script();
    script.fallback = { status: 201, body: exampleLink() };
    const harness = await transport.start(script.handler, { keepAliveTimeoutMs: 50 });
    running.push(harness);
    const dub = harness.client({ retryConfig: { strategy: "none" } });
    for (let i = 0; i < 3; i++) {
      await dub.partners.createLink({ partnerId: "pn_1" });
      await new Promise((resolve) => setTimeout(resolve, 150)); // the server drops the idle socket
    }
    expect(script.received).toHaveLength(3);
  });

  it("slow headers and a stalled body past timeoutMs: RequestTimeoutError, one attempt each", async () => {
    const { script, dub } = await scripted(
      { status: 201, body: exampleLink(), delayMs: 5_000 },
      { status: 201, body: exampleLink(), fault: { kind: "stall-body", afterBytes: 30, stallMs: 5_000 } },
    );
    for (let i = 0; i < 2; i++) {
      const run = await timed(() => dub.partners.createLink({ partnerId: "pn_1" }, { timeoutMs: 200 }));
      expect(run.error).toBeInstanceOf(RequestTimeoutError);
      expect(run.ms).toBeLessThan(1_000);
    }
    expect(script.received).toHaveLength(2);
  });

  it("abort during a backoff wait and during a request: RequestAbortedError at once", async () => {
    const { script, dub } = await scripted({ status: 503, body: "" }, { status: 201, body: exampleLink(), delayMs: 5_000 });
    const slowRetries = { retries: { strategy: "backoff", backoff: { initialInterval: 5_000, maxInterval: 5_000, maxElapsedTime: 60_000 } } } as const;
    const duringSleep = await timed(() => dub.partners.upsertLink({ partnerId: "p", url: "https://acme.com" }, { ...slowRetries, signal: AbortSignal.timeout(150) }));
    expect(duringSleep.error).toBeInstanceOf(RequestAbortedError);
    expect(duringSleep.ms).toBeLessThan(1_000);
    const duringRequest = await timed(() => dub.partners.createLink({ partnerId: "p" }, { signal: AbortSignal.timeout(150) }));
    expect(duringRequest.error, String(duringRequest.error)).toBeInstanceOf(RequestAbortedError);
    expect(duringRequest.ms).toBeLessThan(1_000);
    expect(script.received).toHaveLength(2);
  });

  it("truncated JSON and invalid UTF-8 on a 2XX: ResponseValidationError keeping the raw body", async () => {
    const json = JSON.stringify(exampleLink());
    const badBytes = new Uint8Array([...new TextEncoder().encode('{"id":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    const { script, dub } = await scripted(
      { status: 201, headers: { "content-type": "application/json" }, body: json.slice(0, 60) },
      { status: 201, headers: { "content-type": "application/json" }, body: badBytes },
    );
    const truncated = await timed(() => dub.partners.createLink({ partnerId: "p" }));
    expect(truncated.error).toBeInstanceOf(ResponseValidationError);
    expect((truncated.error as ResponseValidationError).body).toBe(json.slice(0, 60));
    const invalid = await timed(() => dub.partners.createLink({ partnerId: "p" }));
    expect(invalid.error).toBeInstanceOf(ResponseValidationError);
    expect((invalid.error as Error).message).toContain("UTF-8");
    expect(script.received).toHaveLength(2);
  });

  it("a redirect to another origin is not followed: the other server never sees the token", async () => {
    const elsewhere: string[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(String(req.headers.authorization));
      res.end("{}");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const target = `http://127.0.0.1:${(other.address() as AddressInfo).port}/steal`;
      const { script, dub } = await scripted({ status: 302, headers: { location: target }, body: "" });
      const run = await timed(() => dub.partners.create({ email: "kim@example.com" }));
      expect(run.error).toBeInstanceOf(SDKError);
      expect((run.error as SDKError).statusCode).toBe(302);
      expect(script.received).toHaveLength(1);
      expect(elsewhere).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("with truncatedJson from the fake: the same typed error", async () => {
    const fake = createFakeDub();
    const harness = await transport.start(fake.handler);
    running.push(harness);
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    fake.inject(truncatedJson({ keepBytes: 50 }), { route: "POST /partners/links" });
    const run = await timed(() => dub.partners.createLink({ partnerId: id }));
    expect(run.error).toBeInstanceOf(ResponseValidationError);
    expect((run.error as ResponseValidationError).body).toHaveLength(50);
  });
});

/** A server streaming `size` bytes of a JSON-looking body, generated on the fly so that only the client holds memory. */
async function hugeBodyServer(size: number, declareLength: boolean): Promise<{ url: string; server: Server; sent: () => number }> {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, "a");
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json", ...(declareLength ? { "content-length": String(size) } : {}) });
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => res.removeAllListeners("drain"));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, sent: () => sent };
}

describe.each([
  ["undici", undefined],
  ["fetch", (url: string, init: RequestInit) => globalThis.fetch(url, init)],
] as const)("a 50 MB response body (%s transport): a clear error, bounded memory", (_name, fetchImpl) => {
  it.each([true, false])("content-length declared: %s", async (declared) => {
    const { Dub } = await import("../../src/index.js");
    const huge = await hugeBodyServer(50 * 1024 * 1024, declared);
    const dub = new Dub({ token: "dub_x", serverURL: huge.url, retryConfig: { strategy: "none" }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
    try {
      global.gc?.();
      const before = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
      const started = performance.now();
      const error = await dub.partners.upsertLink({ partnerId: "p", url: "https://acme.com" }).catch((e: unknown) => e);
      const grew = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed - before;
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).message).toContain("16777216-byte limit");
      expect(performance.now() - started).toBeLessThan(5_000);
      // The client stops at 16 MiB; it never holds the 50 MB.
      expect(grew).toBeLessThan(40 * 1024 * 1024);
    } finally {
      await dub.close();
      huge.server.closeAllConnections();
      await new Promise((resolve) => huge.server.close(resolve));
    }
  });
});
