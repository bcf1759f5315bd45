/**
 * The fake's `POST /tokens/embed/referrals` over HTTP, every reply checked against the spec: the
 * enrollment found by partnerId or tenantId, else the partner found or created by email (an
 * upsert: a repeat creates nothing more), a new token on every call that expires three hours
 * later (`fake.embedTokens()` shows when), 404 and 422 as the server answers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

const START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "embed", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let kimId: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = START;
  kimId = (await call(url, "POST", "/partners", { email: "kim@example.com", tenantId: "user_42" })).json.id;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

const embed = (body: unknown) => call(url, "POST", "/tokens/embed/referrals", body);

describe("POST /tokens/embed/referrals", () => {
  it("201 with a dub_embed_ token that expires three hours later, for the partner named by partnerId", async () => {
    const res = await embed({ partnerId: kimId });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ publicToken: expect.stringMatching(/^dub_embed_[0-9A-Z]{26}$/), expires: "2026-11-24T13:00:00.000Z" });
    expect(fake.embedTokens()).toEqual([
      { publicToken: res.json.publicToken, partnerId: kimId, programId: expect.stringMatching(/^prog_/), createdAt: "2026-11-24T10:00:00.000Z", expires: "2026-11-24T13:00:00.000Z", expired: false },
    ]);
  });

  it("a new token on every call; fake.embedTokens() tells the expired ones by the fake's clock", async () => {
    const first = await embed({ tenantId: "user_42" });
    clock += 2 * 60 * 60 * 1000;
    const second = await embed({ tenantId: "user_42" });
    expect(second.json.publicToken).not.toBe(first.json.publicToken);
    clock = START + 3 * 60 * 60 * 1000;
    expect(fake.embedTokens().map((t) => [t.partnerId, t.expired])).toEqual([
      [kimId, true],
      [kimId, false],
    ]);
    expect(fake.partners()).toHaveLength(1);
  });

  it("partnerId wins over tenantId; a partnerId not enrolled is a 404 without a partner to enroll", async () => {
    const res = await embed({ partnerId: "pn_nope", tenantId: "user_42" });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "not_found", message: "The partner is not enrolled in this program." });
    expect((await embed({ tenantId: "user_nope" })).status).toBe(404);
    expect(fake.embedTokens()).toEqual([]);
  });

  it("an unknown tenant with a partner: the partner with that email is used (email compared case-insensitively)", async () => {
    const res = await embed({ tenantId: "user_new", partner: { email: "KIM@example.com" } });
    expect(res.status).toBe(201);
    expect(fake.embedTokens()[0]!.partnerId).toBe(kimId);
    expect(fake.partners()).toHaveLength(1);
  });

  it("a partner Dub does not know is created and enrolled, with the tenant ID on them and their link; a repeat creates nothing more", async () => {
    const body = { tenantId: "user_77", partner: { email: "ana@example.com", name: "Ana Ruiz", linkProps: { comments: "from the embed" } } };
    const first = await embed(body);
    const second = await embed(body);
    expect([first.status, second.status]).toEqual([201, 201]);
    const ana = fake.partners().find((p) => p.email === "ana@example.com")!;
    expect(ana).toMatchObject({ name: "Ana Ruiz", tenantId: "user_77", status: "approved" });
    expect(fake.links().filter((l) => l.partnerId === ana.id)).toEqual([expect.objectContaining({ tenantId: "user_77", comments: "from the embed" })]);
    expect(fake.embedTokens().map((t) => t.partnerId)).toEqual([ana.id, ana.id]);
    expect(fake.partners()).toHaveLength(2);
  });

  it("the tenant ID may come from partner.tenantId or partner.linkProps.tenantId", async () => {
    await embed({ partner: { email: "kim@example.com", tenantId: "user_42" } });
    await embed({ partner: { email: "someone@example.com", linkProps: { tenantId: "user_42" } } });
    expect(fake.embedTokens().map((t) => t.partnerId)).toEqual([kimId, kimId]);
    expect(fake.partners()).toHaveLength(1);
  });

  it("422 when nothing names the partner, or for what the partner body breaks", async () => {
    const none = await embed({});
    expect(none.status).toBe(422);
    expect(none.json.error.message).toBe("You must provide either partnerId, tenantId, or partner.");
    const bad = await embed({ partner: { email: "not-an-email", country: "us" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toMatch(/partner\.email: must be a valid email address/);
    expect(bad.json.error.message).toMatch(/partner\.country: must be a 2-letter ISO 3166-1 country code/);
    expect((await call(url, "POST", "/tokens/embed/referrals", "{not json")).status).toBe(400);
    expect(fake.partners()).toHaveLength(1);
  });
});
