import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

const fake = createFakeDub({ seed: "partners", now: () => Date.parse("2026-11-24T10:00:00.000Z") });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
afterEach(() => {
  // Every reply of every test, success or error, must be what the spec documents.
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

describe("POST /partners", () => {
  it("creates an enrolled partner (201) with a default link keyed by the username", async () => {
    const res = await call(url, "POST", "/partners", { email: "kim@example.com", name: "Kim Lee", username: "kimlee", tenantId: "user_42", country: "US" });
    expect(res.status).toBe(201);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.json).toMatchObject({
      name: "Kim Lee",
      username: "kimlee",
      email: "kim@example.com",
      tenantId: "user_42",
      country: "US",
      status: "approved",
      createdAt: "2026-11-24T10:00:00.000Z",
    });
    expect(res.json.id).toMatch(/^pn_[0-9A-Z]{26}$/);
    expect(res.json.partnerId).toBe(res.json.id);
    expect(res.json.links).toEqual([
      expect.objectContaining({ domain: "acme.link", key: "kimlee", shortLink: "https://acme.link/kimlee", url: "https://acme.com", clicks: 0 }),
    ]);
    expect(fake.partners()).toHaveLength(1);
    expect(fake.links()).toEqual([expect.objectContaining({ key: "kimlee", partnerId: res.json.id, tenantId: "user_42" })]);
  });

  it("keys the default link by a slug of the name, else of the email, and makes a taken key unique", async () => {
    const byName = await call(url, "POST", "/partners", { email: "ana@example.com", name: "Ana María Díaz" });
    expect(byName.json.links[0].key).toBe("ana-maria-diaz");
    const byEmail = await call(url, "POST", "/partners", { email: "Bo.Li@example.com" });
    expect(byEmail.json.name).toBe("Bo.Li@example.com");
    expect(byEmail.json.links[0].key).toBe("bo-li-example-com");
    const clash = await call(url, "POST", "/partners", { email: "other@example.com", username: "ana-maria-diaz" });
    expect(clash.json.links[0].key).toMatch(/^ana-maria-diaz-[a-z0-9]{4}$/);
  });

  it("applies linkProps to the default link (prefix, externalId, tags)", async () => {
    const res = await call(url, "POST", "/partners", {
      email: "kim@example.com",
      username: "kim",
      linkProps: { prefix: "/c/", externalId: "ext-1", tagNames: ["Summer"], comments: "vip" },
    });
    expect(res.status).toBe(201);
    const [link] = fake.links();
    expect(link).toMatchObject({ key: "c/kim", externalId: "ext-1", comments: "vip", shortLink: "https://acme.link/c/kim" });
    expect(link!.tags).toEqual([{ id: expect.stringMatching(/^tag_/), name: "Summer", color: expect.any(String) }]);
  });

  it("upserts by email (case-insensitively): the same partner comes back updated, no second link", async () => {
    const first = await call(url, "POST", "/partners", { email: "kim@example.com", name: "Kim" });
    const again = await call(url, "POST", "/partners", { email: "KIM@example.com", name: "Kim Lee", tenantId: "user_42", description: "Writer" });
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ id: first.json.id, email: "kim@example.com", name: "Kim Lee", tenantId: "user_42", description: "Writer" });
    expect(again.json.links).toEqual(first.json.links);
    expect(fake.partners()).toHaveLength(1);
    expect(fake.links()).toHaveLength(1);
  });

  it("refuses a tenantId another partner holds (409 conflict)", async () => {
    await call(url, "POST", "/partners", { email: "a@example.com", tenantId: "t1" });
    const res = await call(url, "POST", "/partners", { email: "b@example.com", tenantId: "t1" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
    expect(fake.partners()).toHaveLength(1);
  });

  it("ignores programId / program_id and unknown keys, as the server strips them", async () => {
    const res = await call(url, "POST", "/partners", {
      email: "kim@example.com",
      program_id: "prog_old",
      programId: "prog_old",
      favouriteColour: "green",
      linkProps: { notAField: true, testVariants: [{ url: "https://acme.com/a", percentage: 50, extra: 1 }, { url: "https://acme.com/b", percentage: 50 }] },
    });
    expect(res.status).toBe(201);
    expect(res.json.programId).not.toBe("prog_old");
    expect(res.json).not.toHaveProperty("favouriteColour");
    expect(fake.links()[0]!.testVariants).toEqual([
      { url: "https://acme.com/a", percentage: 50 },
      { url: "https://acme.com/b", percentage: 50 },
    ]);
  });

  it("answers 422 listing every problem of an invalid body", async () => {
    const res = await call(url, "POST", "/partners", { email: "not-an-email", name: "x".repeat(101), country: "usa" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unprocessable_entity");
    expect(res.json.error.message).toContain("email: must be a valid email address");
    expect(res.json.error.message).toContain("name: must have at most 100 characters");
    expect(res.json.error.message).toContain("country:");
    expect(fake.partners()).toHaveLength(0);
  });
});
