/**
 * The fake's conversion routes over HTTP (`POST /track/open`, `/track/lead`, `/track/sale`), every
 * reply checked against the spec and every webhook event against the spec's event schemas: clicks
 * from deep links and visits, leads deduplicated per customer and event name (not in deferred
 * mode), sales replayed by invoice ID, the link's totals, and the commission of the partner whose
 * link was clicked.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";
import { assertWebhookEvent } from "./helpers/webhook-spec.js";

const START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "conversions", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;
let linkId: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = START;
  const res = await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim" });
  partnerId = res.json.id;
  linkId = fake.links()[0]!.id;
  clock += 60_000;
});
afterEach(() => {
  try {
    expect(served.checkAll()).toBeGreaterThan(0);
    for (const event of fake.events()) if (event.event !== "payout.confirmed") assertWebhookEvent(event);
  } finally {
    fake.reset();
  }
});
afterAll(() => served.server.close());

const link = () => fake.links().find((l) => l.id === linkId)!;
const lead = (body: object) => call(url, "POST", "/track/lead", { eventName: "Sign up", customerExternalId: "user_42", ...body });
const sale = (body: object) => call(url, "POST", "/track/sale", { customerExternalId: "user_42", amount: 4900, ...body });
/** The triggers of the events after the set-up (whose enrollment emits partner.enrolled). */
const triggers = () => fake.events().map((e) => e.event).filter((trigger) => trigger !== "partner.enrolled");

describe("POST /track/open", () => {
  it("records a click for the deep link, without a key, and answers it with the link", async () => {
    const res = await call(url, "POST", "/track/open", { deepLink: "https://acme.link/kim" }, { token: null });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ clickId: expect.stringMatching(/^[A-Za-z0-9]{16}$/), link: { id: linkId, domain: "acme.link", key: "kim", url: "https://acme.com" } });
    expect(fake.clicks()).toEqual([expect.objectContaining({ id: res.json.clickId, linkId, trigger: "deeplink", timestamp: "2026-11-24T10:01:00.000Z" })]);
    expect(link()).toMatchObject({ clicks: 1, lastClicked: "2026-11-24T10:01:00.000Z" });
    expect(triggers()).toEqual(["link.clicked"]);
  });

  it("a repeat within the hour reuses the click (one device); after it, a new one", async () => {
    const first = await call(url, "POST", "/track/open", { deepLink: "https://www.ACME.link/kim" }, { token: null });
    clock += 59 * 60_000;
    const again = await call(url, "POST", "/track/open", { deepLink: "https://acme.link/kim" }, { token: null });
    expect(again.json.clickId).toBe(first.json.clickId);
    expect(link().clicks).toBe(1);
    clock += 2 * 60_000;
    const later = await call(url, "POST", "/track/open", { deepLink: "https://acme.link/kim" }, { token: null });
    expect(later.json.clickId).not.toBe(first.json.clickId);
    expect(link().clicks).toBe(2);
  });

  it("by domain only: the latest click on it within the hour, else nothing", async () => {
    const none = await call(url, "POST", "/track/open", { dubDomain: "acme.link" }, { token: null });
    expect(none.json).toEqual({ clickId: null, link: null });
    const { clickId } = fake.recordClick({ linkId });
    const found = await call(url, "POST", "/track/open", { dubDomain: "acme.link" }, { token: null });
    expect(found.json).toEqual({ clickId, link: { id: linkId, domain: "acme.link", key: "kim", url: "https://acme.com" } });
    clock += 61 * 60_000;
    expect((await call(url, "POST", "/track/open", { dubDomain: "acme.link" }, { token: null })).json).toEqual({ clickId: null, link: null });
  });

  it("404 for an unknown deep link; 422 without deepLink or dubDomain, or for a deep link that is not a URL", async () => {
    const unknown = await call(url, "POST", "/track/open", { deepLink: "https://acme.link/nobody" }, { token: null });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("Deep link not found: https://acme.link/nobody");
    expect((await call(url, "POST", "/track/open", {}, { token: null })).status).toBe(422);
    const bad = await call(url, "POST", "/track/open", { deepLink: "acme.link/kim" }, { token: null });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain("deepLink");
    expect(fake.clicks()).toEqual([]);
  });
});

describe("POST /track/lead", () => {
  it("creates the customer from the click, counts the lead on the link and emits lead.created", async () => {
    const { clickId } = fake.recordClick({ linkId, country: "DE" });
    const res = await lead({ clickId, customerEmail: "ana@example.com", metadata: { plan: "pro" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      click: { id: clickId },
      link: { id: linkId, domain: "acme.link", key: "kim", shortLink: "https://acme.link/kim", url: "https://acme.com", partnerId, programId: link().programId, tenantId: null, externalId: null },
      customer: { name: "ana@example.com", email: "ana@example.com", avatar: null, externalId: "user_42" },
    });
    expect(fake.customers()).toEqual([expect.objectContaining({ externalId: "user_42", country: "DE", partner: expect.objectContaining({ id: partnerId }), link: expect.objectContaining({ id: linkId }) })]);
    expect(link().leads).toBe(1);
    expect(fake.partners()[0]!.totalLeads).toBe(1);
    const event = fake.events().find((e) => e.event === "lead.created")!;
    expect(event.data).toMatchObject({ eventName: "Sign up", metadata: { plan: "pro" }, click: { id: clickId, country: "DE" }, partner: { id: partnerId, totalLeads: 1 } });
  });

  it("a random name without name or email; eventQuantity counts several leads", async () => {
    const { clickId } = fake.recordClick({ linkId });
    const res = await lead({ clickId, eventQuantity: 3 });
    expect(res.json.customer.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(link().leads).toBe(3);
  });

  it("is deduplicated per customer and event name for 7 days: the repeat answers link null and records nothing", async () => {
    const { clickId } = fake.recordClick({ linkId });
    await lead({ clickId });
    clock += 6 * 24 * 3_600_000;
    const again = await lead({ clickId, eventName: "sign up" });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ click: { id: clickId }, link: null, customer: { externalId: "user_42" } });
    expect(link().leads).toBe(1);
    expect(triggers().filter((t) => t === "lead.created")).toHaveLength(1);
    const other = await lead({ clickId, eventName: "Trial started" });
    expect(other.json.link).not.toBeNull();
    clock += 2 * 24 * 3_600_000;
    expect((await lead({ clickId })).json.link).not.toBeNull();
    expect(link().leads).toBe(3);
  });

  it('mode "deferred": the customer only, no lead and no dedup mark; the later lead with an empty clickId uses their click', async () => {
    const { clickId } = fake.recordClick({ linkId });
    const deferred = await lead({ clickId, mode: "deferred" });
    expect(deferred.json.link).toMatchObject({ id: linkId });
    await lead({ clickId, mode: "deferred" });
    expect(fake.customers()).toHaveLength(1);
    expect(link().leads).toBe(0);
    const later = await lead({ clickId: "" });
    expect(later.json.click.id).toBe(clickId);
    expect(link().leads).toBe(1);
  });

  it("an empty clickId for an unknown customer is a 400; an unknown click a 404, which still marks the lead as seen (as the server does)", async () => {
    const noClick = await lead({ clickId: "" });
    expect(noClick.status).toBe(400);
    const unknown = await lead({ clickId: "nope" });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("Click event not found for clickId: nope");
    const { clickId } = fake.recordClick({ linkId });
    const corrected = await lead({ clickId });
    expect(corrected.json.link).toBeNull();
    expect(fake.customers()).toEqual([]);
  });

  it("a disabled link is a 404", async () => {
    const { clickId } = fake.recordClick({ linkId });
    await call(url, "POST", "/partners/ban", { partnerId, reason: "fraud" });
    const res = await lead({ clickId });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe(`Link ${linkId} for clickId ${clickId} is disabled, lead not tracked`);
  });

  it("a lead reward makes a lead commission, once per customer", async () => {
    fake.setRewards({ lead: { type: "flat", amount: 300 } });
    const { clickId } = fake.recordClick({ linkId });
    await lead({ clickId });
    await lead({ clickId, eventName: "Trial started" });
    expect(fake.commissions()).toEqual([expect.objectContaining({ type: "lead", earnings: 300, amount: 0, status: "pending", customer: expect.objectContaining({ externalId: "user_42" }) })]);
    expect(fake.partners()[0]!.totalCommissions).toBe(300);
  });

  it("422 for what the spec refuses", async () => {
    const res = await lead({ clickId: "c", eventQuantity: 0, customerEmail: "kim@" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/eventQuantity/);
  });
});

describe("POST /track/sale", () => {
  let clickId: string;
  beforeEach(async () => {
    clickId = fake.recordClick({ linkId }).clickId;
    await lead({ clickId });
  });

  it("records the sale: link and customer totals, the partner's commission (10 % by default), sale.created and commission.created", async () => {
    const res = await sale({ invoiceId: "in_1", paymentProcessor: "stripe", metadata: { plan: "pro" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      eventName: "Purchase",
      customer: { id: expect.stringMatching(/^cus_/), name: expect.any(String), email: null, avatar: null, externalId: "user_42" },
      sale: { amount: 4900, currency: "usd", paymentProcessor: "stripe", invoiceId: "in_1", metadata: { plan: "pro" } },
    });
    expect(link()).toMatchObject({ sales: 1, saleAmount: 4900, conversions: 1 });
    expect(fake.customers()[0]).toMatchObject({ sales: 1, saleAmount: 4900, firstSaleAt: "2026-11-24T10:01:00.000Z" });
    expect(fake.commissions()).toEqual([
      expect.objectContaining({ type: "sale", amount: 4900, earnings: 490, invoiceId: "in_1", status: "pending", partner: expect.objectContaining({ id: partnerId }) }),
    ]);
    expect(fake.partners()[0]).toMatchObject({ totalSales: 1, totalSaleAmount: 4900, totalCommissions: 490 });
    expect(triggers()).toEqual(["link.clicked", "lead.created", "commission.created", "sale.created"]);
    const saleEvent = fake.events().find((e) => e.event === "sale.created")!;
    expect(saleEvent.data).toMatchObject({ sale: { amount: 4900, invoiceId: "in_1", paymentProcessor: "stripe" }, click: { id: clickId }, partner: { id: partnerId } });
  });

  it("with an invoiceId, a repeat within 7 days gets the first answer and records nothing", async () => {
    const first = await sale({ invoiceId: "in_1" });
    clock += 60_000;
    const repeat = await sale({ invoiceId: "in_1", amount: 9900 });
    expect(repeat.json).toEqual(first.json);
    expect(link()).toMatchObject({ sales: 1, saleAmount: 4900 });
    expect(fake.commissions()).toHaveLength(1);
    clock += 7 * 24 * 3_600_000;
    await sale({ invoiceId: "in_1" });
    expect(link().sales).toBe(2);
    // The commission's invoice is taken: the sale counts, but earns no second commission.
    expect(fake.commissions()).toHaveLength(1);
  });

  it("without one, every call records a sale; only the first is the link's conversion", async () => {
    await sale({});
    await sale({});
    expect(link()).toMatchObject({ sales: 2, saleAmount: 9800, conversions: 1 });
    expect(fake.commissions()).toHaveLength(2);
  });

  it("a custom reward: flat per sale, or none at all", async () => {
    fake.setRewards({ sale: { type: "flat", amount: 1500 } });
    await sale({});
    fake.setRewards({ sale: null });
    await sale({});
    expect(fake.commissions().map((c) => c.earnings)).toEqual([1500]);
  });

  it("lemonsqueezy, newer than the spec, is accepted", async () => {
    const res = await sale({ paymentProcessor: "lemonsqueezy" });
    expect(res.status).toBe(200);
    expect(res.json.sale.paymentProcessor).toBe("lemonsqueezy");
    expect((await sale({ paymentProcessor: "gumroad" })).status).toBe(422);
  });

  it("an amount of 0, or an unknown customer without clickId: nothing recorded", async () => {
    expect((await sale({ amount: 0 })).json).toEqual({ eventName: "Purchase", customer: null, sale: null });
    expect((await sale({ customerExternalId: "stranger" })).json).toEqual({ eventName: "Purchase", customer: null, sale: null });
    expect(link().sales).toBe(0);
  });

  it("an unknown customer with a clickId: direct sale tracking creates them with a lead", async () => {
    const other = fake.recordClick({ linkId }).clickId;
    const res = await sale({ customerExternalId: "user_43", clickId: other, customerName: "Bo" });
    expect(res.json.customer).toMatchObject({ name: "Bo", externalId: "user_43" });
    expect(link()).toMatchObject({ leads: 2, sales: 1 });
  });

  it("404 for a lead of another name, and for a customer whose link is disabled", async () => {
    const res = await sale({ leadEventName: "Trial started" });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe("Lead event not found for externalId: user_42 and leadEventName: Trial started");
    await call(url, "POST", "/partners/ban", { partnerId, reason: "fraud" });
    expect((await sale({})).status).toBe(404);
  });
});

describe("the webhook events are checked against the spec's schemas", () => {
  it("an event without its click is refused by the check (so the checks above can fail)", async () => {
    const { clickId } = fake.recordClick({ linkId });
    await lead({ clickId });
    const event = fake.events().find((e) => e.event === "lead.created")!;
    assertWebhookEvent(event);
    const { click: _click, ...data } = event.data as Record<string, unknown>;
    expect(() => assertWebhookEvent({ ...event, data })).toThrow(/LeadCreatedEvent/);
  });
});
