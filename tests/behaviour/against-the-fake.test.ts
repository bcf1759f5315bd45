import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, InternalServerError, ResponseValidationError } from "../../src/index.js";
import { createFakeDub, errorReply, truncatedJson, type FakeDub } from "../../src/testing/index.js";
import { TRANSPORTS, type TransportHarness } from "../helpers/transports.js";

describe.each(TRANSPORTS)("the client against the fake Dub API ($name)", (transport) => {
  let fake: FakeDub;
  let harness: TransportHarness;
  beforeEach(async () => {
    fake = createFakeDub({ rateLimit: { limit: 5, windowMs: 400 } });
    harness = await transport.start(fake.handler);
  });
  afterEach(() => harness.stop());

  it("the mission: enroll, create a link, upsert the same URL twice and get the same link back", async () => {
    const dub = harness.client();
    const partner = await dub.partners.create({ email: "kim@example.com", tenantId: "user_42" });
    const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
    const first = await dub.partners.upsertLink({ tenantId: "user_42", url: "https://acme.com/blog" });
    const second = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
    expect(link.partnerId).toBe(partner.id);
    expect(second.id).toBe(first.id);
    expect(fake.links().filter((l) => l.partnerId === partner.id)).toHaveLength(3); // default link + 2
  });

  it("a burst past the rate limit succeeds by waiting out the 429s (epoch-ms Retry-After)", async () => {
    const statuses: number[] = [];
    const dub = harness.client({ hooks: { afterResponse: ({ status }) => void statuses.push(status) } });
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => dub.partners.upsertLink({ partnerId: id, url: `https://acme.com/${i}` })));
    expect(new Set(results.map((l) => l.id)).size).toBe(12);
    // 5 requests per 400 ms window: the create and 4 upserts fit the first one, so at least 8
    // upserts met a 429, and each was repeated after waiting for the window's end.
    const limited = statuses.filter((s) => s === 429).length;
    expect(limited).toBeGreaterThanOrEqual(8);
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(13);
    expect(fake.requests).toHaveLength(13 + limited);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(fake.links()).toHaveLength(13);
  });

  it("a 500 after the server created the link: one error, exactly one link", async () => {
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
    await expect(dub.partners.createLink({ partnerId: id })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.links().filter((l) => l.partnerId === id)).toHaveLength(2); // default link + 1
  });

  it("a reset mid-body after the server created the link: ConnectionError, exactly one link", async () => {
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    fake.inject({ fault: { kind: "reset-mid-body", afterBytes: 30 } }, { route: "POST /partners/links", afterEffect: true });
    const error = (await dub.partners.createLink({ partnerId: id }).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.requestSent).toBe(true);
    expect(fake.requests.filter((r) => r.path === "/partners/links")).toHaveLength(1);
    expect(fake.links().filter((l) => l.partnerId === id)).toHaveLength(2);
  });

  it("truncated JSON on a 2XX: ResponseValidationError with the raw body, not a bare SyntaxError", async () => {
    const dub = harness.client();
    const { id } = await dub.partners.create({ email: "kim@example.com" });
    fake.inject(truncatedJson({ keepBytes: 40 }), { route: "PUT /partners/links/upsert" });
    const error = (await dub.partners.upsertLink({ partnerId: id, url: "https://acme.com" }).catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.body).toHaveLength(40);
  });
});
