import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, Dub, InternalServerError, RequestTimeoutError, ResponseValidationError, SDKError } from "../../src/index.js";
import { createFakeDub, errorReply, type RunningServer, truncatedJson } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";

const fake = createFakeDub({ seed: "faults" });
let server: RunningServer;
let dub: Dub;
let partnerId: string;
const NO_RETRY = { retries: { strategy: "none" } } as const;

beforeAll(async () => {
  server = await fake.listen();
  dub = new Dub({ serverURL: server.url, token: "dub_test" });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await dub.close();
  await server.close();
});

async function enroll(): Promise<void> {
  partnerId = (await dub.partners.create({ email: "kim@example.com", username: "kim" })).id;
}

/** Links other than the partner's default one. */
const extraLinks = () => fake.links().filter((l) => l.key !== "kim");

describe("replies that replace the answer (real server)", () => {
  it("plays a proxy's HTML 502: nothing is created", async () => {
    await enroll();
    fake.inject({ status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" });
    const res = await call(server.url, "POST", "/partners/links", { partnerId });
    expect(res).toMatchObject({ status: 502, text: "<html>Bad Gateway</html>" });
    expect(res.headers["content-type"]).toBe("text/html");
    expect(extraLinks()).toHaveLength(0);
  });

  it("plays an empty 503, which the client reports as SDKError", async () => {
    await enroll();
    fake.inject({ status: 503 });
    const error = await dub.partners.createLink({ partnerId }, NO_RETRY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).statusCode).toBe(503);
    expect((error as SDKError).body).toBe("");
  });

  it("afterEffect: the link is created, then the answer is a 500 envelope", async () => {
    await enroll();
    fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
    await expect(dub.partners.createLink({ partnerId, key: "summer" }, NO_RETRY)).rejects.toBeInstanceOf(InternalServerError);
    expect(extraLinks()).toEqual([expect.objectContaining({ key: "summer" })]);
    // A blind retry now hits the key the first attempt took.
    expect((await call(server.url, "POST", "/partners/links", { partnerId, key: "summer" })).status).toBe(409);
  });

  it("consumes faults in order, `times` over, only on the chosen route", async () => {
    fake.inject({ status: 500 }, { route: "/partners/links", times: 2 });
    fake.inject({ status: 502 }, { route: "PUT /partners/links/upsert" });
    fake.inject({ status: 504 });
    expect(fake.pendingFaults).toBe(4);
    expect((await call(server.url, "POST", "/partners", { email: "kim@example.com" })).status).toBe(504);
    const created = await call(server.url, "POST", "/partners", { email: "kim@example.com" });
    expect(created.status).toBe(201);
    partnerId = created.json.id;
    expect((await call(server.url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com" })).status).toBe(502);
    expect((await call(server.url, "POST", "/partners/links?x=1", { partnerId })).status).toBe(500);
    expect((await call(server.url, "POST", "/partners/links", { partnerId })).status).toBe(500);
    expect((await call(server.url, "POST", "/partners/links", { partnerId })).status).toBe(201);
    expect(fake.pendingFaults).toBe(0);
  });

  it("refuses malformed inject options", () => {
    expect(() => fake.inject({ status: 500 }, { route: "partners" })).toThrow(RangeError);
    expect(() => fake.inject({ status: 500 }, { times: 0 })).toThrow(RangeError);
  });
});

describe("transport faults (real server)", () => {
  it("reset-before-response without effect: the request fails, nothing is created", async () => {
    await enroll();
    fake.inject({ fault: { kind: "reset-before-response" } });
    await expect(call(server.url, "POST", "/partners/links", { partnerId })).rejects.toThrow();
    expect(extraLinks()).toHaveLength(0);
  });

  it("reset-before-response after the server acted: the client sees a ConnectionError, the link exists", async () => {
    await enroll();
    fake.inject({ fault: { kind: "reset-before-response" } }, { afterEffect: true });
    const error = await dub.partners.createLink({ partnerId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).requestSent).toBe(true);
    // Not idempotent: the client must not have retried into a second link.
    expect(extraLinks()).toHaveLength(1);
  });

  it("reset-mid-body after effect: headers and part of the real answer arrive, then the connection dies", async () => {
    await enroll();
    fake.inject({ fault: { kind: "reset-mid-body", afterBytes: 20 } }, { afterEffect: true });
    const response = await fetch(`${server.url}/partners/links`, {
      method: "POST",
      headers: { authorization: "Bearer dub_test", "content-type": "application/json" },
      body: JSON.stringify({ partnerId }),
    });
    expect(response.status).toBe(201);
    await expect(response.text()).rejects.toThrow();
    expect(extraLinks()).toHaveLength(1);
  });

  it("reset-mid-body without effect sends the answer it would have given, and keeps nothing", async () => {
    await enroll();
    fake.inject({ fault: { kind: "reset-mid-body" } });
    const error = await dub.partners.createLink({ partnerId }, NO_RETRY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(extraLinks()).toHaveLength(0);
  });

  it("stall-body: the body stops, then the connection closes after stallMs; a client timeout fires first", async () => {
    await enroll();
    fake.inject({ status: 201, body: { id: "link_x", padding: "x".repeat(100) }, fault: { kind: "stall-body", afterBytes: 10, stallMs: 2_000 } });
    const started = Date.now();
    const error = await dub.partners.createLink({ partnerId }, { ...NO_RETRY, timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("stall-body ends with a broken body when the client waits", async () => {
    await enroll();
    fake.inject({ fault: { kind: "stall-body", stallMs: 50 } }, { afterEffect: true });
    const response = await fetch(`${server.url}/partners/links`, {
      method: "POST",
      headers: { authorization: "Bearer dub_test" },
      body: JSON.stringify({ partnerId }),
    });
    await expect(response.text()).rejects.toThrow();
    expect(extraLinks()).toHaveLength(1);
  });

  it("delayMs alone is latency: the request takes effect and answers late", async () => {
    await enroll();
    fake.inject({ delayMs: 400 });
    const error = await dub.partners.createLink({ partnerId }, { ...NO_RETRY, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(extraLinks()).toHaveLength(1);
    fake.inject({ delayMs: 50 });
    const started = Date.now();
    await dub.partners.createLink({ partnerId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("truncatedJson: a complete 201 whose JSON is cut; the client reports ResponseValidationError", async () => {
    await enroll();
    fake.inject(truncatedJson({ keepBytes: 30 }), { afterEffect: true });
    const error = await dub.partners.createLink({ partnerId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).statusCode).toBe(201);
    expect((error as ResponseValidationError).body).toHaveLength(30);
    expect(extraLinks()).toHaveLength(1);

    fake.inject(truncatedJson());
    const raw = await call(server.url, "POST", "/partners/links", { partnerId });
    expect(raw.status).toBe(201);
    expect(raw.json).toBeUndefined();
    expect(Number(raw.headers["content-length"])).toBe(Buffer.byteLength(raw.text));
    expect(raw.text.startsWith('{"id":"link_')).toBe(true);
    expect(extraLinks()).toHaveLength(1);
  });
});
