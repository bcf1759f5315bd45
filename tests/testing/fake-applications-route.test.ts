import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

let clock = Date.parse("2026-11-24T10:00:00.000Z");
const fake = createFakeDub({ seed: "applications", now: () => clock });
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

/** Seeds an application one minute after the previous one. */
function apply(seed: Parameters<typeof fake.seedApplication>[0]) {
  clock += 60_000;
  return fake.seedApplication(seed);
}

const partnerOf = (id: string) => fake.partners().find((p) => p.id === id);

describe("fake.seedApplication", () => {
  it("stores a pending partner with an application and no link", async () => {
    const applicant = apply({ email: "ana@example.com", name: "Ana", country: "ES", applicationFormData: [{ label: "Audience", value: "Spanish devs" }] });
    expect(applicant).toMatchObject({
      email: "ana@example.com",
      name: "Ana",
      country: "ES",
      status: "pending",
      links: [],
      applicationId: expect.stringMatching(/^pgapp_/),
      application: { rejectionReason: null, rejectionNote: null, reviewedAt: null },
    });
    expect(fake.partners()).toHaveLength(1);
    expect(fake.links()).toEqual([]);
    const listed = await call(url, "GET", `/partners?status=pending`);
    expect(listed.json).toEqual([expect.objectContaining({ id: applicant.id, applicationId: applicant.applicationId })]);
  });

  it("refuses an email or tenantId another partner has, and is cleared by reset()", async () => {
    await call(url, "POST", "/partners", { email: "kim@example.com", tenantId: "t1" });
    expect(() => fake.seedApplication({ email: "KIM@example.com" })).toThrow(/already exists/);
    expect(() => fake.seedApplication({ email: "bo@example.com", tenantId: "t1" })).toThrow(/already exists/);
    expect(() => fake.seedApplication({} as never)).toThrow(TypeError);
    fake.seedApplication({ email: "bo@example.com" });
    fake.reset();
    expect((await call(url, "GET", "/partners/applications")).json).toEqual([]);
  });
});

describe("GET /partners/applications", () => {
  it("lists pending applications, newest first, with the applicant and the form answers", async () => {
    const ana = apply({ email: "ana@example.com", name: "Ana", website: "https://ana.dev", applicationFormData: [{ label: "Audience", value: null }] });
    const bo = apply({ email: "bo@example.com" });
    await call(url, "POST", "/partners", { email: "kim@example.com" }); // enrolled, not an application
    const res = await call(url, "GET", "/partners/applications");
    expect(res.status).toBe(200);
    expect(res.json.map((a: { partner: { id: string } }) => a.partner.id)).toEqual([bo.id, ana.id]);
    expect(res.json[1]).toEqual({
      id: ana.applicationId,
      createdAt: "2026-11-24T10:01:00.000Z",
      partner: expect.objectContaining({ id: ana.id, name: "Ana", email: "ana@example.com", status: "pending", website: "https://ana.dev" }),
      applicationFormData: [{ label: "Audience", value: null }],
    });
  });

  it("filters by country and groupId, and pages", async () => {
    apply({ email: "a@example.com", country: "US", groupId: "grp_a" });
    apply({ email: "b@example.com", country: "US" });
    apply({ email: "c@example.com", country: "DE", groupId: "grp_a" });
    const emails = async (query: string) => (await call(url, "GET", `/partners/applications${query}`)).json.map((a: { partner: { email: string } }) => a.partner.email);
    expect(await emails("?country=US")).toEqual(["b@example.com", "a@example.com"]);
    expect(await emails("?groupId=grp_a")).toEqual(["c@example.com", "a@example.com"]);
    expect(await emails("?pageSize=2&page=2")).toEqual(["a@example.com"]);
    expect((await call(url, "GET", "/partners/applications?pageSize=101")).status).toBe(422);
  });
});

describe("POST /partners/applications/approve", () => {
  it("approves: status approved, enrolled now in the given group, a default link, the application reviewed", async () => {
    const ana = apply({ email: "ana@example.com", name: "Ana Díaz" });
    clock += 60_000;
    const res = await call(url, "POST", "/partners/applications/approve", { partnerId: ana.id, groupId: "grp_vip" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ partnerId: ana.id });
    expect(partnerOf(ana.id)).toMatchObject({
      status: "approved",
      groupId: "grp_vip",
      createdAt: "2026-11-24T10:02:00.000Z",
      links: [expect.objectContaining({ key: "ana-diaz" })],
      application: { rejectionReason: null, rejectionNote: null, reviewedAt: "2026-11-24T10:02:00.000Z" },
    });
    expect((await call(url, "GET", "/partners/applications")).json).toEqual([]);
  });

  it("keeps the group applied to when none is given", async () => {
    const ana = apply({ email: "ana@example.com", groupId: "grp_applied" });
    await call(url, "POST", "/partners/applications/approve", { partnerId: ana.id, groupId: null });
    expect(partnerOf(ana.id)!.groupId).toBe("grp_applied");
  });

  it("answers 400 for a partner who is not pending or rejected, 404 for an unknown one, 422 without partnerId", async () => {
    const ana = apply({ email: "ana@example.com" });
    await call(url, "POST", "/partners/applications/approve", { partnerId: ana.id });
    const again = await call(url, "POST", "/partners/applications/approve", { partnerId: ana.id });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe("This enrollment cannot be approved because it is already approved.");
    expect(fake.links()).toHaveLength(1);
    const unknown = await call(url, "POST", "/partners/applications/approve", { partnerId: "pn_nope" });
    expect(unknown.status).toBe(404);
    expect((await call(url, "POST", "/partners/applications/approve", {})).status).toBe(422);
  });

  it("approves a rejected application", async () => {
    const ana = apply({ email: "ana@example.com" });
    await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id, rejectionReason: "other" });
    const res = await call(url, "POST", "/partners/applications/approve", { partnerId: ana.id });
    expect(res.status).toBe(200);
    expect(partnerOf(ana.id)).toMatchObject({ status: "approved", application: { rejectionReason: null, rejectionNote: null } });
  });
});

describe("POST /partners/applications/reject", () => {
  it("rejects: status rejected, the reason and note on the application, rewards cleared", async () => {
    const ana = apply({ email: "ana@example.com" });
    const res = await call(url, "POST", "/partners/applications/reject", {
      partnerId: ana.id,
      rejectionReason: "needsMoreDetail",
      rejectionNote: "Tell us about your audience.",
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ partnerId: ana.id });
    expect(partnerOf(ana.id)).toMatchObject({
      status: "rejected",
      application: { rejectionReason: "needsMoreDetail", rejectionNote: "Tell us about your audience.", reviewedAt: "2026-11-24T10:01:00.000Z" },
      saleRewardId: null,
    });
    const again = await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe("This enrollment cannot be rejected because it is no longer pending.");
  });

  it('with reapplicationTimeframe "instant", removes the enrollment so the partner can apply again', async () => {
    const ana = apply({ email: "ana@example.com" });
    const res = await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id, reapplicationTimeframe: "instant" });
    expect(res.status).toBe(200);
    expect(partnerOf(ana.id)).toBeUndefined();
    expect((await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id })).status).toBe(404);
    expect(fake.seedApplication({ email: "ana@example.com" }).status).toBe("pending");
  });

  it("answers 400 to a fraud flag without a reason or with instant reapplication, with the server's messages", async () => {
    const ana = apply({ email: "ana@example.com" });
    const noReason = await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id, flagForFraud: true, flagForFraudReason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toBe("Fraud reason is required when flagging for fraud.");
    const instant = await call(url, "POST", "/partners/applications/reject", {
      partnerId: ana.id,
      flagForFraud: true,
      flagForFraudReason: "ring",
      reapplicationTimeframe: "instant",
    });
    expect(instant.status).toBe(400);
    expect(instant.json.error.message).toBe("Cannot flag for fraud when allowing the partner to reapply immediately.");
    expect(partnerOf(ana.id)!.status).toBe("pending");
    const flagged = await call(url, "POST", "/partners/applications/reject", { partnerId: ana.id, flagForFraud: true, flagForFraudReason: "ring" });
    expect(flagged.status).toBe(200);
  });

  it("answers 422 for an invalid field, before the fraud-flag rules and the partner lookup", async () => {
    const res = await call(url, "POST", "/partners/applications/reject", { partnerId: "pn_nope", rejectionNote: "n".repeat(501), flagForFraud: true });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("rejectionNote:");
    expect((await call(url, "POST", "/partners/applications/reject", { partnerId: "pn_nope" })).status).toBe(404);
  });
});
