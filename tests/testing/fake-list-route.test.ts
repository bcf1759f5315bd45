import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import type { ReceivedRequest } from "../../src/testing/types.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

let clock = Date.parse("2026-11-24T10:00:00.000Z");
const fake = createFakeDub({ seed: "list", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
  clock = Date.parse("2026-11-24T10:00:00.000Z");
});
afterAll(() => served.server.close());

/** Creates a partner straight through the handler (fast), one second after the previous one. */
async function enroll(body: Record<string, unknown>): Promise<{ id: string; links: { id: string }[] }> {
  clock += 1000;
  const request: ReceivedRequest = { method: "POST", path: "/partners", headers: { authorization: "Bearer dub_test" }, body: JSON.stringify(body) };
  const reply = await fake.handler(request);
  expect(reply.status).toBe(201);
  return reply.body as { id: string; links: { id: string }[] };
}

const emails = (res: { json: { email: string }[] }) => res.json.map((p) => p.email);

describe("GET /partners", () => {
  it("lists every partner with the spec's shape, in enrollment order when the default sort ties", async () => {
    await enroll({ email: "a@example.com" });
    await enroll({ email: "b@example.com" });
    fake.seedApplication({ email: "c@example.com" });
    const res = await call(url, "GET", "/partners");
    expect(res.status).toBe(200);
    expect(emails(res)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    expect(res.json.map((p: { status: string }) => p.status)).toEqual(["approved", "approved", "pending"]);
  });

  it("filters by status, groupId and country exactly", async () => {
    await enroll({ email: "us@example.com", country: "US", groupId: "grp_a" });
    await enroll({ email: "de@example.com", country: "DE", groupId: "grp_b" });
    fake.seedApplication({ email: "applicant@example.com", country: "US" });
    expect(emails(await call(url, "GET", "/partners?status=pending"))).toEqual(["applicant@example.com"]);
    expect(emails(await call(url, "GET", "/partners?country=US&status=approved"))).toEqual(["us@example.com"]);
    expect(emails(await call(url, "GET", "/partners?groupId=grp_b"))).toEqual(["de@example.com"]);
    expect(emails(await call(url, "GET", "/partners?country=us"))).toEqual([]);
  });

  it("tenantId wins over email, and email (any case) over search", async () => {
    await enroll({ email: "kim@example.com", name: "Kim Lee", tenantId: "t1" });
    await enroll({ email: "bo@example.com", name: "Bo Kim", tenantId: "t2" });
    expect(emails(await call(url, "GET", "/partners?tenantId=t2&email=kim@example.com&search=lee"))).toEqual(["bo@example.com"]);
    expect(emails(await call(url, "GET", "/partners?email=KIM@example.com&search=bo"))).toEqual(["kim@example.com"]);
    expect(emails(await call(url, "GET", "/partners?search=KIM"))).toEqual(["kim@example.com", "bo@example.com"]);
    expect(emails(await call(url, "GET", "/partners?search=lee"))).toEqual(["kim@example.com"]);
    expect(emails(await call(url, "GET", "/partners?tenantId=nobody"))).toEqual([]);
  });

  it("searches the ID and the company name too", async () => {
    const kim = await enroll({ email: "kim@example.com" });
    fake.seedApplication({ email: "shop@example.com", companyName: "Acme Widgets" });
    expect(emails(await call(url, "GET", "/partners?search=widgets"))).toEqual(["shop@example.com"]);
    expect(emails(await call(url, "GET", `/partners?search=${kim.id.slice(-8).toLowerCase()}`))).toEqual(["kim@example.com"]);
  });

  it("sorts by the totals the links add up to, in either order; nulls are the smallest", async () => {
    const a = await enroll({ email: "a@example.com" });
    const b = await enroll({ email: "b@example.com" });
    const c = await enroll({ email: "c@example.com" });
    fake.setLinkStats(a.links[0]!.id, { clicks: 10, saleAmount: 500 });
    fake.setLinkStats(b.links[0]!.id, { clicks: 30, saleAmount: 100 });
    fake.setLinkStats(c.links[0]!.id, { clicks: 20 });
    expect(emails(await call(url, "GET", "/partners"))).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    expect(emails(await call(url, "GET", "/partners?sortBy=totalClicks"))).toEqual(["b@example.com", "c@example.com", "a@example.com"]);
    expect(emails(await call(url, "GET", "/partners?sortBy=totalClicks&sortOrder=asc"))).toEqual(["a@example.com", "c@example.com", "b@example.com"]);
    expect(emails(await call(url, "GET", "/partners?sortBy=createdAt&sortOrder=desc"))).toEqual(["c@example.com", "b@example.com", "a@example.com"]);
    const byEpc = await call(url, "GET", "/partners?sortBy=earningsPerClick");
    expect(emails(byEpc)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    expect(byEpc.json[0]).toMatchObject({ totalClicks: 10, totalSaleAmount: 500, earningsPerClick: 50, netRevenue: 500, clickToLeadRate: 0 });
    expect(byEpc.json[0].links[0]).toMatchObject({ clicks: 10, saleAmount: 500 });
  });

  it("pages with page and pageSize; 100 per page by default", async () => {
    for (let i = 0; i < 105; i++) await enroll({ email: `p${String(i).padStart(3, "0")}@example.com` });
    const first = await call(url, "GET", "/partners");
    expect(first.json).toHaveLength(100);
    const second = await call(url, "GET", "/partners?page=2");
    expect(emails(second)).toEqual(["p100@example.com", "p101@example.com", "p102@example.com", "p103@example.com", "p104@example.com"]);
    expect(emails(await call(url, "GET", "/partners?page=3&pageSize=10"))).toEqual(Array.from({ length: 10 }, (_, i) => `p0${20 + i}@example.com`));
    expect((await call(url, "GET", "/partners?page=99")).json).toEqual([]);
  });

  it.each([
    ["pageSize=101", "pageSize"],
    ["pageSize=0", "pageSize"],
    ["page=0", "page"],
    ["page=1.5", "page"],
    ["page=abc", "page"],
    ["status=paused", "status"],
    ["sortBy=clicks", "sortBy"],
    ["sortOrder=up", "sortOrder"],
  ])("answers 422 for ?%s", async (query, field) => {
    const res = await call(url, "GET", `/partners?${query}`);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unprocessable_entity");
    expect(res.json.error.message).toContain(`${field}:`);
  });

  it("ignores query parameters it does not know, as the server does", async () => {
    await enroll({ email: "kim@example.com" });
    const res = await call(url, "GET", "/partners?includeExpandedFields=true&limit=1");
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
  });
});

describe("GET /partners/links", () => {
  it("returns the partner's links, oldest first, by partnerId or tenantId", async () => {
    const kim = await enroll({ email: "kim@example.com", username: "kim", tenantId: "user_42" });
    await call(url, "POST", "/partners/links", { partnerId: kim.id, key: "summer", url: "https://acme.com/summer" });
    const byId = await call(url, "GET", `/partners/links?partnerId=${kim.id}`);
    expect(byId.status).toBe(200);
    expect(byId.json.map((l: { key: string }) => l.key)).toEqual(["kim", "summer"]);
    expect(Object.keys(byId.json[0]).sort()).toEqual(["clicks", "conversions", "domain", "id", "key", "leads", "saleAmount", "sales", "shortLink", "url"]);
    const byTenant = await call(url, "GET", "/partners/links?tenantId=user_42");
    expect(byTenant.json).toEqual(byId.json);
  });

  it("answers 400 without partnerId or tenantId, 404 for an unknown partner", async () => {
    const none = await call(url, "GET", "/partners/links");
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe("bad_request");
    const empty = await call(url, "GET", "/partners/links?tenantId=");
    expect(empty.status).toBe(400);
    const unknown = await call(url, "GET", "/partners/links?partnerId=pn_nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("is an empty array for an applicant, who has no link before approval", async () => {
    const applicant = fake.seedApplication({ email: "new@example.com" });
    const res = await call(url, "GET", `/partners/links?partnerId=${applicant.id}`);
    expect(res.json).toEqual([]);
  });
});
