import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeDub, type ReceivedRequest, type RunningServer } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";

const NOW = Date.parse("2026-11-24T10:00:00.000Z");

function request(method: string, path: string, body?: object, token = "dub_test"): ReceivedRequest {
  return { method, path, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body ? JSON.stringify(body) : "" };
}

describe("the pure handler", () => {
  it("answers without any adapter", async () => {
    const fake = createFakeDub();
    const reply = await fake.handler(request("POST", "/partners", { email: "kim@example.com" }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ email: "kim@example.com" });
  });

  it("is deterministic with a seed and a fixed clock, again after reset()", async () => {
    const run = async (fake: ReturnType<typeof createFakeDub>) => {
      const partner = (await fake.handler(request("POST", "/partners", { email: "kim@example.com", tenantId: "t" }))).body as { id: string };
      const link = (await fake.handler(request("POST", "/partners/links", { tenantId: "t" }))).body;
      return { partner, link };
    };
    const a = createFakeDub({ seed: 7, now: () => NOW });
    const b = createFakeDub({ seed: 7, now: () => NOW });
    const first = await run(a);
    expect(await run(b)).toEqual(first);
    a.reset();
    expect(await run(a)).toEqual(first);
    const c = createFakeDub({ seed: 8, now: () => NOW });
    expect((await run(c)).partner.id).not.toBe(first.partner.id);
  });

  it("uses the configured domain and program URL", async () => {
    const fake = createFakeDub({ domain: "go.shop.test", programUrl: "https://shop.test/welcome" });
    const partner = (await fake.handler(request("POST", "/partners", { email: "kim@example.com", username: "kim" }))).body as { id: string };
    expect(fake.links()[0]).toMatchObject({ domain: "go.shop.test", url: "https://shop.test/welcome", shortLink: "https://go.shop.test/kim" });
    const other = await fake.handler(request("POST", "/partners/links", { partnerId: partner.id, url: "https://acme.com" }));
    expect(other.status).toBe(400);
  });

  it("refuses unusable options", () => {
    expect(() => createFakeDub({ rateLimit: { limit: -1, windowMs: 1000 } })).toThrow(RangeError);
    expect(() => createFakeDub({ rateLimit: { limit: 1, windowMs: 0 } })).toThrow(RangeError);
    expect(() => createFakeDub({ token: "" })).toThrow(RangeError);
    expect(() => createFakeDub({ programUrl: "not a url" })).toThrow();
  });
});

describe("recording and reset over HTTP", () => {
  const fake = createFakeDub({ rateLimit: { limit: 1, windowMs: 60_000 } });
  let server: RunningServer;
  beforeAll(async () => {
    server = await fake.listen();
  });
  afterAll(() => server.close());

  it("records every request in order, including refused, unknown and faulted ones", async () => {
    fake.inject({ status: 503 }, { route: "PUT /partners/links/upsert" });
    await call(server.url, "POST", "/partners", { email: "kim@example.com" });
    await call(server.url, "POST", "/partners", { email: "kim@example.com" }, { token: null });
    await call(server.url, "GET", "/nope?x=1");
    await call(server.url, "PUT", "/partners/links/upsert", { url: "https://acme.com" });
    await call(server.url, "POST", "/partners", { email: "bo@example.com" }); // over the limit
    const seen = fake.requests;
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /partners",
      "POST /partners",
      "GET /nope?x=1",
      "PUT /partners/links/upsert",
      "POST /partners",
    ]);
    expect(seen[0]).toMatchObject({ headers: expect.objectContaining({ authorization: "Bearer dub_test", "content-type": "application/json" }) });
    expect(JSON.parse(seen[0]!.body)).toEqual({ email: "kim@example.com" });
    expect(seen[1]!.headers.authorization).toBeUndefined();
    // A copy: changing it does not change the record.
    (seen as ReceivedRequest[]).length = 0;
    expect(fake.requests).toHaveLength(5);
  });

  it("returns copies from partners() and links()", () => {
    fake.partners()[0]!.name = "changed";
    fake.links()[0]!.key = "changed";
    expect(fake.partners()[0]!.name).toBe("kim@example.com");
    expect(fake.links()[0]!.key).not.toBe("changed");
  });

  it("reset() clears partners, links, faults, rate-limit counts and requests", async () => {
    fake.inject({ status: 500 }, { times: 3 });
    expect(fake.partners()).toHaveLength(1);
    fake.reset();
    expect(fake.partners()).toEqual([]);
    expect(fake.links()).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(fake.pendingFaults).toBe(0);
    // The rate-limit window was full before the reset.
    const res = await call(server.url, "POST", "/partners", { email: "kim@example.com" });
    expect(res.status).toBe(201);
    expect(res.headers["x-ratelimit-remaining"]).toBe("0");
  });
});
