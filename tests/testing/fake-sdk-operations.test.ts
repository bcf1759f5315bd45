import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BadRequest, Dub, NotFound, SDKValidationError } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { fakeDubHandlers } from "../../src/testing/msw.js";
import { assertSpecResponse } from "./helpers/spec.js";

const BASE = "https://api.dub.test";
const fake = createFakeDub({ seed: "sdk" });
const server = setupServer(...fakeDubHandlers(fake, BASE));
const dub = new Dub({ serverURL: BASE, token: "dub_test", fetch: (u, i) => fetch(u, i), retryConfig: { strategy: "none" } });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(() => server.close());

describe("every Partners operation through the SDK against the fake, answers checked against the spec", () => {
  it("list, retrieveLinks and analytics", async () => {
    const kim = await dub.partners.create({ email: "kim@example.com", username: "kim", tenantId: "user_42", country: "US" });
    await dub.partners.create({ email: "bo@example.com", country: "DE" });
    const extra = await dub.partners.createLink({ partnerId: kim.id, key: "summer" });
    fake.setLinkStats(extra.id, { clicks: 9, leads: 2, sales: 1, saleAmount: 2500 });

    const all = await dub.partners.list({ sortBy: "totalClicks" });
    assertSpecResponse("GET", "/partners", 200, all);
    expect(all.map((p) => p.email)).toEqual(["kim@example.com", "bo@example.com"]);
    expect(all[0]).toMatchObject({ totalClicks: 9, totalSaleAmount: 2500 });
    expect(await dub.partners.list({ country: "DE" })).toEqual([expect.objectContaining({ email: "bo@example.com" })]);

    const links = await dub.partners.retrieveLinks({ tenantId: "user_42" });
    assertSpecResponse("GET", "/partners/links", 200, links);
    expect(links.map((l) => l.key)).toEqual(["kim", "summer"]);

    const count = await dub.partners.analytics({ partnerId: kim.id });
    assertSpecResponse("GET", "/partners/analytics", 200, count);
    expect(count).toEqual({ clicks: 9, leads: 2, sales: 1, saleAmount: 2500, earnings: 0 });
    const series = await dub.partners.analytics({ partnerId: kim.id, groupBy: "timeseries", interval: "7d" });
    assertSpecResponse("GET", "/partners/analytics", 200, series);
    expect(series.reduce((n, b) => n + b.clicks, 0)).toBe(9);
    const top = await dub.partners.analytics({ tenantId: "user_42", groupBy: "top_links" });
    assertSpecResponse("GET", "/partners/analytics", 200, top);
    expect(top[0]).toMatchObject({ id: extra.id, clicks: 9 });
  });

  it("ban and deactivate, with the server's refusals as typed errors", async () => {
    const kim = await dub.partners.create({ email: "kim@example.com", tenantId: "user_42" });
    const bo = await dub.partners.create({ email: "bo@example.com" });
    const banned = await dub.partners.ban({ tenantId: "user_42", reason: "fraud" });
    assertSpecResponse("POST", "/partners/ban", 200, banned);
    expect(banned).toEqual({ partnerId: kim.id });
    await expect(dub.partners.ban({ partnerId: kim.id, reason: "spam" })).rejects.toBeInstanceOf(BadRequest);
    const deactivated = await dub.partners.deactivate({ partnerId: bo.id });
    assertSpecResponse("POST", "/partners/deactivate", 200, deactivated);
    await expect(dub.partners.deactivate({ partnerId: bo.id })).rejects.toBeInstanceOf(BadRequest);
    await expect(dub.partners.deactivate({ partnerId: "pn_nope" })).rejects.toBeInstanceOf(NotFound);
    expect(fake.partners().map((p) => p.status)).toEqual(["banned", "deactivated"]);
  });

  it("applications: list (paged), approve, reject", async () => {
    const ana = fake.seedApplication({ email: "ana@example.com", country: "ES" });
    const bo = fake.seedApplication({ email: "bo@example.com", country: "ES" });
    const cy = fake.seedApplication({ email: "cy@example.com", country: "US" });

    const page = await dub.partnerApplications.list({ country: "ES" });
    assertSpecResponse("GET", "/partners/applications", 200, page);
    expect(page.map((a) => a.partner.id).sort()).toEqual([ana.id, bo.id].sort());
    const ids: string[] = [];
    for await (const application of dub.partnerApplications.list({ pageSize: 1 })) ids.push(application.partner.id);
    expect(ids.sort()).toEqual([ana.id, bo.id, cy.id].sort());

    const approved = await dub.partnerApplications.approve({ partnerId: ana.id, groupId: "grp_vip" });
    assertSpecResponse("POST", "/partners/applications/approve", 200, approved);
    const rejected = await dub.partnerApplications.reject({ partnerId: bo.id, rejectionReason: "notTheRightFit" });
    assertSpecResponse("POST", "/partners/applications/reject", 200, rejected);
    await expect(dub.partnerApplications.approve({ partnerId: ana.id })).rejects.toBeInstanceOf(BadRequest);
    await expect(dub.partnerApplications.reject({ partnerId: "pn_nope" })).rejects.toBeInstanceOf(NotFound);

    expect((await dub.partnerApplications.list()).map((a) => a.partner.id)).toEqual([cy.id]);
    const [kim] = await dub.partners.list({ status: "approved" });
    expect(kim).toMatchObject({ id: ana.id, groupId: "grp_vip", links: [expect.objectContaining({ key: "ana-example-com" })] });
    expect(await dub.partners.retrieveLinks({ partnerId: ana.id })).toHaveLength(1);
  });

  it("a page size above 100 sent past the SDK is a 422 from the fake", async () => {
    const res = await fetch(`${BASE}/partners?pageSize=500`, { headers: { authorization: "Bearer dub_test" } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unprocessable_entity");
    // The SDK never sends it.
    const requests = fake.requests.length;
    await expect(dub.partners.list({ pageSize: 500 })).rejects.toBeInstanceOf(SDKValidationError);
    expect(fake.requests).toHaveLength(requests);
  });
});
