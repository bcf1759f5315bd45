import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

let clock = Date.parse("2026-11-24T10:00:00.000Z");
const fake = createFakeDub({ seed: "links", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = Date.parse("2026-11-24T10:00:00.000Z");
  const res = await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim", tenantId: "user_42" });
  partnerId = res.json.id;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

describe("POST /partners/links", () => {
  it("creates a NEW link on every call (201), with random 7-character keys", async () => {
    const a = await call(url, "POST", "/partners/links", { partnerId, url: "https://acme.com/pricing" });
    const b = await call(url, "POST", "/partners/links", { partnerId, url: "https://acme.com/pricing" });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).not.toBe(b.json.id);
    for (const link of [a.json, b.json]) {
      expect(link.key).toMatch(/^[A-Za-z0-9]{7}$/);
      expect(link).toMatchObject({ partnerId, tenantId: "user_42", domain: "acme.link", url: "https://acme.com/pricing" });
      expect(link.shortLink).toBe(`https://acme.link/${link.key}`);
    }
    expect(fake.links()).toHaveLength(3); // the default link and the two new ones
  });

  it("uses the given key, the program URL by default, and resolves the partner by tenantId", async () => {
    const res = await call(url, "POST", "/partners/links", { tenantId: "user_42", key: "summer", comments: "campaign" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ key: "summer", url: "https://acme.com", partnerId, comments: "campaign" });
  });

  it("answers 409 conflict for a key taken on the domain (keys compare case-insensitively)", async () => {
    await call(url, "POST", "/partners/links", { partnerId, key: "summer" });
    for (const key of ["summer", "SUMMER", "kim"]) {
      const res = await call(url, "POST", "/partners/links", { partnerId, key });
      expect(res.status).toBe(409);
      expect(res.json.error).toEqual({ code: "conflict", message: expect.stringContaining("already exists"), doc_url: "https://dub.co/docs/api-reference/errors#conflict" });
    }
    expect(fake.links()).toHaveLength(2);
  });

  it("answers 409 for an externalId another link holds", async () => {
    await call(url, "POST", "/partners/links", { partnerId, linkProps: { externalId: "ext-1" } });
    const res = await call(url, "POST", "/partners/links", { partnerId, linkProps: { externalId: "ext-1" } });
    expect(res.status).toBe(409);
  });

  it("answers 400 bad_request without partnerId or tenantId (not 422)", async () => {
    for (const body of [{ url: "https://acme.com" }, { partnerId: null, tenantId: "" }]) {
      const res = await call(url, "POST", "/partners/links", body);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: "bad_request", doc_url: "https://dub.co/docs/api-reference/errors#bad-request" });
    }
  });

  it("answers 422 when a field is invalid too, as the server validates the schema first", async () => {
    const res = await call(url, "POST", "/partners/links", { key: 42 });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("key: expected string");
  });

  it("answers 404 not_found for an unknown partnerId or tenantId", async () => {
    const byId = await call(url, "POST", "/partners/links", { partnerId: "pn_nope" });
    const byTenant = await call(url, "POST", "/partners/links", { tenantId: "nobody" });
    for (const res of [byId, byTenant]) {
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: "not_found", doc_url: "https://dub.co/docs/api-reference/errors#not-found" });
    }
    // partnerId takes precedence: a known tenantId does not rescue an unknown partnerId.
    expect((await call(url, "POST", "/partners/links", { partnerId: "pn_nope", tenantId: "user_42" })).status).toBe(404);
  });

  it("answers 400 for a destination outside the program's domain; subdomains and a missing scheme pass", async () => {
    const other = await call(url, "POST", "/partners/links", { partnerId, url: "https://evil.example/x" });
    expect(other.status).toBe(400);
    expect(other.json.error.message).toContain("does not match the program's domain");
    const sub = await call(url, "POST", "/partners/links", { partnerId, url: "shop.acme.com/x" });
    expect(sub.status).toBe(201);
    expect(sub.json.url).toBe("https://shop.acme.com/x");
  });

  it("assigns tags by name (created on first use) and by id; unknown ids and a non-URL expiredUrl are 422", async () => {
    const named = await call(url, "POST", "/partners/links", { partnerId, linkProps: { tagNames: ["Summer", "vip"] } });
    expect(named.json.tags.map((t: { name: string }) => t.name)).toEqual(["Summer", "vip"]);
    const summerId = named.json.tags[0].id;
    const byId = await call(url, "POST", "/partners/links", { partnerId, linkProps: { tagIds: summerId, tagNames: "SUMMER" } });
    expect(byId.json.tags).toEqual([named.json.tags[0]]);
    expect((await call(url, "POST", "/partners/links", { partnerId, linkProps: { tagIds: ["tag_nope"] } })).status).toBe(422);
    expect((await call(url, "POST", "/partners/links", { partnerId, linkProps: { expiredUrl: "not a url" } })).status).toBe(422);
  });

  it("accepts and ignores programId / program_id and unknown keys", async () => {
    const res = await call(url, "POST", "/partners/links", { partnerId, program_id: "prog_x", programId: "prog_x", extra: 1, linkProps: { nope: 1 } });
    expect(res.status).toBe(201);
    expect(res.json).not.toHaveProperty("extra");
    expect(res.json.programId).not.toBe("prog_x");
  });
});

describe("PUT /partners/links/upsert", () => {
  it("creates the partner's link for a new URL (200)", async () => {
    const res = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing", key: "pricing" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ partnerId, url: "https://acme.com/pricing", key: "pricing" });
    expect(fake.links()).toHaveLength(2);
  });

  it("returns the same link unchanged when the URL matches and the other fields are equal", async () => {
    const first = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing", comments: "a" });
    clock += 60_000;
    const again = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing", comments: "a", programId: "old" });
    const bare = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing" });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(bare.json).toEqual(first.json);
    expect(fake.links()).toHaveLength(2);
  });

  it("updates the matching link when other fields differ (updatedAt moves, createdAt stays)", async () => {
    const first = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing", comments: "a" });
    clock += 60_000;
    const updated = await call(url, "PUT", "/partners/links/upsert", {
      partnerId,
      url: "https://acme.com/pricing",
      comments: "b",
      key: "pricing",
      linkProps: { archived: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: first.json.id, comments: "b", key: "pricing", archived: true, shortLink: "https://acme.link/pricing" });
    expect(updated.json.createdAt).toBe(first.json.createdAt);
    expect(updated.json.updatedAt).toBe("2026-11-24T10:01:00.000Z");
    expect(fake.links().find((l) => l.id === first.json.id)).toEqual(updated.json);
  });

  it("matches the partner's default link by URL", async () => {
    const res = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com" });
    expect(res.json.key).toBe("kim");
    expect(fake.links()).toHaveLength(1);
  });

  it("resolves the partner through tenantId when partnerId is absent", async () => {
    const res = await call(url, "PUT", "/partners/links/upsert", { tenantId: "user_42", url: "https://acme.com" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ partnerId, key: "kim" });
  });

  it("only matches the named partner's links", async () => {
    const other = await call(url, "POST", "/partners", { email: "bo@example.com", username: "bo" });
    const res = await call(url, "PUT", "/partners/links/upsert", { partnerId: other.json.id, url: "https://acme.com/pricing" });
    const mine = await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing" });
    expect(res.json.id).not.toBe(mine.json.id);
  });

  it("answers 409 when an update takes a key another link holds, 404/400/422 as createLink", async () => {
    await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing" });
    expect((await call(url, "PUT", "/partners/links/upsert", { partnerId, url: "https://acme.com/pricing", key: "kim" })).status).toBe(409);
    expect((await call(url, "PUT", "/partners/links/upsert", { partnerId: "pn_nope", url: "https://acme.com" })).status).toBe(404);
    expect((await call(url, "PUT", "/partners/links/upsert", { url: "https://acme.com" })).status).toBe(400);
    const invalid = await call(url, "PUT", "/partners/links/upsert", { partnerId });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.message).toContain("url:");
  });
});
