import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConnectionError, Conflict, Dub, InternalServerError, NotFound, RequestTimeoutError, ResponseValidationError, SDKError, Unauthorized } from "../../src/index.js";
import { createFakeDub, errorReply, truncatedJson } from "../../src/testing/index.js";
import { fakeDubHandlers } from "../../src/testing/msw.js";
import { assertSpecResponse } from "./helpers/spec.js";

const BASE = "https://api.dub.test";
const fake = createFakeDub({ seed: "msw" });
const server = setupServer(...fakeDubHandlers(fake, BASE));
const dub = new Dub({ serverURL: BASE, token: "dub_test", fetch: (u, i) => fetch(u, i) });
const NO_RETRY = { retries: { strategy: "none" } } as const;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(() => server.close());

async function enroll(): Promise<string> {
  return (await dub.partners.create({ email: "kim@example.com", username: "kim" })).id;
}
const extraLinks = () => fake.links().filter((l) => l.key !== "kim");

describe("the three operations over msw", () => {
  it("create, createLink and upsertLink behave as over HTTP, and match the spec", async () => {
    const partner = await dub.partners.create({ email: "kim@example.com", username: "kim", tenantId: "user_42", program_id: "prog_legacy" });
    assertSpecResponse("POST", "/partners", 201, partner);
    expect(partner.links).toEqual([expect.objectContaining({ key: "kim" })]);
    expect(JSON.parse(fake.requests[0]!.body)).not.toHaveProperty("program_id");

    const a = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
    const b = await dub.partners.createLink({ tenantId: "user_42", url: "https://acme.com/pricing" });
    assertSpecResponse("POST", "/partners/links", 201, a);
    expect(a.id).not.toBe(b.id);

    const up = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog", key: "blog" });
    const same = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog", key: "blog" });
    const changed = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog", comments: "new" });
    assertSpecResponse("PUT", "/partners/links/upsert", 200, up);
    expect(same).toEqual(up);
    expect(changed).toMatchObject({ id: up.id, comments: "new" });
    expect(fake.links()).toHaveLength(4);

    // Upsert by email: the same partner, still one default link.
    const again = await dub.partners.create({ email: "kim@example.com", name: "Kim Lee" });
    expect(again.id).toBe(partner.id);
    expect(again.links).toHaveLength(4);
  });

  it("answers errors the client maps to its classes", async () => {
    const partnerId = await enroll();
    await expect(dub.partners.createLink({ partnerId, key: "kim" })).rejects.toBeInstanceOf(Conflict);
    await expect(dub.partners.createLink({ tenantId: "nobody" })).rejects.toBeInstanceOf(NotFound);
    const anonymous = new Dub({ serverURL: BASE, token: "not_a_dub_key", fetch: (u, i) => fetch(u, i), retryConfig: { strategy: "none" } });
    await expect(anonymous.partners.create({ email: "kim@example.com" })).rejects.toBeInstanceOf(Unauthorized);
  });

  it("serves under a base URL with a path prefix", async () => {
    const prefixed = setupServer(...fakeDubHandlers(fake, "https://proxy.test/dub/"));
    server.close();
    prefixed.listen({ onUnhandledRequest: "error" });
    try {
      const viaProxy = new Dub({ serverURL: "https://proxy.test/dub", token: "dub_test", fetch: (u, i) => fetch(u, i) });
      await viaProxy.partners.create({ email: "kim@example.com" });
      expect(fake.requests[0]!.path).toBe("/partners");
    } finally {
      prefixed.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});

describe("faults over msw", () => {
  it("plays an HTML 502 and an empty 503 without effect", async () => {
    const partnerId = await enroll();
    fake.inject({ status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad Gateway</html>" });
    fake.inject({ status: 503 });
    const html = await dub.partners.createLink({ partnerId }, NO_RETRY).catch((e: unknown) => e);
    expect(html).toBeInstanceOf(SDKError);
    expect((html as SDKError).body).toBe("<html>Bad Gateway</html>");
    const empty = await dub.partners.createLink({ partnerId }, NO_RETRY).catch((e: unknown) => e);
    expect((empty as SDKError).statusCode).toBe(503);
    expect(extraLinks()).toHaveLength(0);
  });

  it("plays a 500 after the link was created", async () => {
    const partnerId = await enroll();
    fake.inject(errorReply("internal_server_error"), { afterEffect: true });
    await expect(dub.partners.createLink({ partnerId })).rejects.toBeInstanceOf(InternalServerError);
    expect(extraLinks()).toHaveLength(1);
  });

  it("plays reset-before-response as a network error, before or after the effect", async () => {
    const partnerId = await enroll();
    fake.inject({ fault: { kind: "reset-before-response" } });
    await expect(dub.partners.createLink({ partnerId }, NO_RETRY)).rejects.toBeInstanceOf(ConnectionError);
    expect(extraLinks()).toHaveLength(0);
    fake.inject({ fault: { kind: "reset-before-response" } }, { afterEffect: true });
    await expect(dub.partners.createLink({ partnerId })).rejects.toBeInstanceOf(ConnectionError);
    expect(extraLinks()).toHaveLength(1);
  });

  it("plays reset-mid-body as a body that fails while read", async () => {
    const partnerId = await enroll();
    fake.inject({ fault: { kind: "reset-mid-body", afterBytes: 15 } }, { afterEffect: true });
    await expect(dub.partners.createLink({ partnerId })).rejects.toBeInstanceOf(ConnectionError);
    expect(extraLinks()).toHaveLength(1);
    fake.inject({ fault: { kind: "reset-mid-body" } }, { route: "POST /partners/links" });
    const response = await fetch(`${BASE}/partners/links`, { method: "POST", headers: { authorization: "Bearer dub_test" }, body: JSON.stringify({ partnerId }) });
    expect(response.status).toBe(201);
    await expect(response.text()).rejects.toThrow();
    expect(extraLinks()).toHaveLength(1);
  });

  it("plays stall-body: the client's deadline fires", async () => {
    const partnerId = await enroll();
    fake.inject({ fault: { kind: "stall-body", afterBytes: 5, stallMs: 500 } });
    await expect(dub.partners.createLink({ partnerId }, { ...NO_RETRY, timeoutMs: 100 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("plays latency and truncated JSON", async () => {
    const partnerId = await enroll();
    fake.inject({ delayMs: 300 });
    await expect(dub.partners.upsertLink({ partnerId, url: "https://acme.com/a" }, { ...NO_RETRY, timeoutMs: 80 })).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(extraLinks()).toHaveLength(1);
    fake.inject(truncatedJson(), { route: "PUT /partners/links/upsert", afterEffect: true });
    const error = await dub.partners.upsertLink({ partnerId, url: "https://acme.com/b" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(extraLinks()).toHaveLength(2);
  });
});
