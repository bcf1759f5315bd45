/**
 * The fake's commission and payout routes over HTTP, every reply checked against the spec and
 * every event against the spec's event schemas: manual commissions (202, then listed; 409 for a
 * second one of an invoice; both request shapes), the list's filters and default status filter,
 * updates and bulk updates with the server's 400s, payouts derived from processed commissions,
 * and paid commissions that can no longer change.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";
import { assertWebhookEvent } from "./helpers/webhook-spec.js";

const START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "commissions", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;
let customerId: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = START;
  partnerId = (await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim", tenantId: "user_42" })).json.id;
  const { clickId } = fake.recordClick({ linkId: fake.links()[0]!.id });
  await call(url, "POST", "/track/lead", { clickId, eventName: "Sign up", customerExternalId: "cust_1" });
  customerId = fake.customers()[0]!.id;
  clock += 60_000;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  try {
    for (const event of fake.events()) if (event.event !== "payout.confirmed") assertWebhookEvent(event);
  } finally {
    fake.reset();
  }
});
afterAll(() => served.server.close());

const create = (body: object) => call(url, "POST", "/commissions", { partnerId, ...body });
const commissions = async (query = "") => (await call(url, "GET", `/commissions${query}`)).json as { id: string; type: string; status: string; earnings: number; amount: number; invoiceId: string | null; paidAt: string | null }[];

describe("POST /commissions", () => {
  it("202 without the commission, which the next list shows: custom, and a clawback (negative earnings)", async () => {
    const res = await create({ type: "custom", amount: 2500, description: "Conference talk" });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ success: true, message: "Your commissions are being created and will appear shortly." });
    const clawback = await create({ type: "custom", amount: -1000, description: "order_canceled", date: "2026-11-01T00:00:00Z" });
    expect(clawback.json.message).toBe("A clawback has been queued for the partner!");
    expect(await commissions("?sortOrder=asc")).toEqual([
      expect.objectContaining({ type: "custom", amount: 0, earnings: -1000, description: "order_canceled", createdAt: "2026-11-01T00:00:00.000Z", userId: expect.stringMatching(/^user_/) }),
      expect.objectContaining({ type: "custom", amount: 0, earnings: 2500, status: "pending" }),
    ]);
    expect(fake.partners()[0]!.totalCommissions).toBe(1500);
    expect(fake.events().filter((e) => e.event === "commission.created")).toHaveLength(2);
  });

  it("a sale commission in the spec's shape and in the newer one; a second one of the invoice is a 409 in both", async () => {
    expect((await create({ type: "sale", customerId, saleAmount: 10_000, invoiceId: "in_1" })).status).toBe(202);
    expect((await create({ type: "sale", customerId, sale: { amount: 20_000, invoiceId: "in_2", paymentProcessor: "lemonsqueezy", metadata: { plan: "pro" } } })).status).toBe(202);
    for (const body of [{ sale: { amount: 5, invoiceId: "in_1" } }, { saleAmount: 5, invoiceId: "in_2" }]) {
      const again = await create({ type: "sale", customerId, ...body });
      expect(again.status).toBe(409);
      expect(again.json.error.message).toMatch(/^There is already a commission for the invoice in_[12]\.$/);
    }
    expect((await commissions()).map((c) => [c.amount, c.earnings, c.invoiceId])).toEqual([
      [20_000, 2000, "in_2"],
      [10_000, 1000, "in_1"],
    ]);
    expect(fake.links()[0]).toMatchObject({ sales: 2, saleAmount: 30_000 });
    expect((await commissions("?query=metadata['plan']:'pro'")).map((c) => c.invoiceId)).toEqual(["in_2"]);
  });

  it("a lead commission for a new customer (upserted by externalId), with a lead reward; none without one (as the server)", async () => {
    await create({ type: "lead", customer: { externalId: "cust_2", country: "FR", email: "zoe@example.com" }, lead: { eventName: "Demo booked" } });
    expect(await commissions()).toEqual([]);
    expect(fake.customers().map((c) => c.externalId)).toEqual(["cust_1", "cust_2"]);
    fake.setRewards({ lead: { type: "flat", amount: 700 } });
    await create({ type: "lead", customerId, leadEventName: "Demo booked" });
    expect(await commissions()).toEqual([expect.objectContaining({ type: "lead", earnings: 700 })]);
  });

  it("the server's 400s and 404s: customer missing or doubled, a link of another partner, unknown partner or customer, Stripe import", async () => {
    expect((await create({ type: "lead" })).json.error.message).toBe("Either customerId or customer must be provided.");
    expect((await create({ type: "lead", customerId, customer: { externalId: "x", country: "US" } })).status).toBe(400);
    expect((await create({ type: "sale", customerId, saleAmount: 1, linkId: "link_other" })).status).toBe(404);
    expect((await create({ type: "sale", customerId: "cus_nope", saleAmount: 1 })).status).toBe(404);
    expect((await call(url, "POST", "/commissions", { type: "custom", partnerId: "pn_nope", amount: 1 })).status).toBe(404);
    expect((await create({ type: "sale", customerId, importStripeInvoices: true })).status).toBe(400);
    expect(await commissions()).toEqual([]);
  });

  it("422 for what the spec and the server refuse, fields of the matching variant included", async () => {
    for (const body of [
      { type: "custom", amount: 0 },
      { type: "custom", amount: -5 },
      { type: "custom", amount: "5" },
      { type: "sale", customerId },
      { type: "sale", customerId, saleAmount: "5" },
      { type: "sale", customerId, sale: { amount: 5, paymentProcessor: "gumroad" } },
      { type: "lead", customer: { externalId: "x" } },
      { type: "bounty", amount: 5 },
    ]) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe("GET /commissions", () => {
  beforeEach(async () => {
    await create({ type: "sale", customerId, saleAmount: 10_000, invoiceId: "in_1" });
    clock += 60_000;
    await create({ type: "custom", amount: 300 });
    clock += 60_000;
    await create({ type: "sale", customerId, saleAmount: 4_000 });
  });

  it("filters by type, customer, invoice, partner (lists, exclusions, tenantId), and sorts by amount", async () => {
    expect((await commissions("?type=custom")).map((c) => c.earnings)).toEqual([300]);
    expect(await commissions(`?customerId=${customerId}`)).toHaveLength(2);
    expect((await commissions("?invoiceId=in_1")).map((c) => c.amount)).toEqual([10_000]);
    expect(await commissions(`?partnerId=${partnerId},pn_other`)).toHaveLength(3);
    expect(await commissions(`?partnerId=-${partnerId}`)).toEqual([]);
    expect(await commissions("?tenantId=user_42")).toHaveLength(3);
    expect((await call(url, "GET", "/commissions?tenantId=nobody")).status).toBe(404);
    expect((await commissions("?sortBy=amount&sortOrder=asc")).map((c) => c.amount)).toEqual([0, 4_000, 10_000]);
  });

  it("by date: interval and start/end; 422 for a date that is not one", async () => {
    clock += 2 * 24 * 3_600_000;
    expect(await commissions("?interval=24h")).toEqual([]);
    expect(await commissions("?interval=7d")).toHaveLength(3);
    expect(await commissions("?start=2026-11-24T10:01:30Z&end=2026-11-24T10:02:30Z")).toHaveLength(1);
    expect((await call(url, "GET", "/commissions?start=yesterday")).status).toBe(422);
  });

  it("duplicate, fraud and canceled are left out unless asked for, or unless filtered by type, customer, payout or partner", async () => {
    const [newest] = await commissions();
    await call(url, "PATCH", `/commissions/${newest!.id}`, { status: "fraud" });
    expect(await commissions()).toHaveLength(2);
    expect((await commissions("?status=fraud")).map((c) => c.id)).toEqual([newest!.id]);
    expect(await commissions(`?customerId=${customerId}`)).toHaveLength(2);
    expect(await commissions("?type=sale")).toHaveLength(2);
  });

  it("pages by cursor: the page after the one just read", async () => {
    const [first, second, third] = await commissions();
    expect((await commissions(`?pageSize=1&startingAfter=${first!.id}`)).map((c) => c.id)).toEqual([second!.id]);
    expect((await commissions(`?startingAfter=${second!.id}`)).map((c) => c.id)).toEqual([third!.id]);
    expect((await call(url, "GET", "/commissions?startingAfter=cm_nope")).status).toBe(422);
  });
});

describe("PATCH /commissions/{id} and /commissions/bulk", () => {
  let saleId: string;
  let customId: string;
  beforeEach(async () => {
    await create({ type: "sale", customerId, saleAmount: 10_000, invoiceId: "in_1" });
    await create({ type: "custom", amount: 300 });
    [saleId, customId] = fake.commissions().map((c) => c.id) as [string, string];
  });

  it("saleAmount is absolute, modifySaleAmount a delta; earnings follow the reward, or are set", async () => {
    const absolute = await call(url, "PATCH", `/commissions/${saleId}`, { saleAmount: 8_000 });
    expect(absolute.json).toMatchObject({ id: saleId, amount: 8_000, earnings: 800 });
    await call(url, "PATCH", `/commissions/${saleId}`, { saleAmount: 8_000 });
    expect(fake.commissions()[0]).toMatchObject({ amount: 8_000, earnings: 800 });
    const delta = await call(url, "PATCH", `/commissions/${saleId}`, { modifySaleAmount: -1_000 });
    expect(delta.json).toMatchObject({ amount: 7_000, earnings: 700 });
    await call(url, "PATCH", `/commissions/${saleId}`, { modifyAmount: -1_000 });
    expect(fake.commissions()[0]).toMatchObject({ amount: 6_000 });
    expect((await call(url, "PATCH", `/commissions/${saleId}`, { earnings: 999 })).json.earnings).toBe(999);
    expect(fake.partners()[0]!.totalCommissions).toBe(999 + 300);
  });

  it("a sale amount of 0 refunds it; a status set twice is a 400; a sale amount on a custom commission a 400; unknown a 404", async () => {
    const refunded = await call(url, "PATCH", `/commissions/${saleId}`, { modifySaleAmount: -20_000 });
    expect(refunded.json).toMatchObject({ status: "refunded", amount: 10_000 });
    const twice = await call(url, "PATCH", `/commissions/${saleId}`, { status: "refunded" });
    expect(twice.status).toBe(400);
    expect(twice.json.error.message).toBe("This commission is already in the refunded status.");
    expect((await call(url, "PATCH", `/commissions/${customId}`, { saleAmount: 5 })).status).toBe(400);
    expect((await call(url, "PATCH", "/commissions/cm_nope", { status: "fraud" })).status).toBe(404);
    expect((await call(url, "PATCH", `/commissions/${customId}`, { status: "paid" })).status).toBe(422);
    expect(fake.partners()[0]!.totalCommissions).toBe(300);
  });

  it("bulk: all or nothing, answered by ID; the server's 404 and 400s", async () => {
    const res = await call(url, "PATCH", "/commissions/bulk", { commissionIds: [customId, saleId], status: "duplicate" });
    expect(res.json).toEqual([saleId, customId].sort().map((id) => ({ id, status: "duplicate" })));
    const again = await call(url, "PATCH", "/commissions/bulk", { commissionIds: [saleId], status: "duplicate" });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe(`The following commission(s) are already in the duplicate status: ${saleId}`);
    expect((await call(url, "PATCH", "/commissions/bulk", { commissionIds: [saleId, "cm_nope"], status: "fraud" })).status).toBe(404);
    expect(fake.commissions().map((c) => c.status)).toEqual(["duplicate", "duplicate"]);
    expect((await call(url, "PATCH", "/commissions/bulk", { commissionIds: [saleId, saleId], status: "fraud" })).status).toBe(422);
  });
});

describe("payouts, derived from the commissions", () => {
  beforeEach(async () => {
    await create({ type: "sale", customerId, saleAmount: 10_000, invoiceId: "in_1" });
    clock += 60_000;
    await create({ type: "custom", amount: 300 });
  });

  it("processCommissions: one pending payout per partner with its processed commissions, amount and period", async () => {
    expect((await call(url, "GET", "/payouts")).json).toEqual([]);
    const [payout] = fake.processCommissions();
    expect(payout).toMatchObject({ status: "pending", amount: 1_300, periodStart: "2026-11-24T10:01:00.000Z", periodEnd: "2026-11-24T10:02:00.000Z", invoiceId: null, partner: { id: partnerId, tenantId: "user_42" } });
    expect(fake.commissions().map((c) => c.status)).toEqual(["processed", "processed"]);
    expect((await commissions(`?payoutId=${payout!.id}`))).toHaveLength(2);
    await create({ type: "custom", amount: 200 });
    expect(fake.processCommissions()).toEqual([expect.objectContaining({ id: payout!.id, amount: 1_500 })]);
    expect((await call(url, "GET", "/payouts?status=pending")).json).toEqual([expect.objectContaining({ id: payout!.id, amount: 1_500 })]);
  });

  it("a processed commission refunded leaves the payout, whose amount follows; the last one deletes it", async () => {
    fake.processCommissions();
    const [sale, custom] = fake.commissions();
    await call(url, "PATCH", `/commissions/${sale!.id}`, { status: "refunded" });
    expect(fake.payouts()).toEqual([expect.objectContaining({ amount: 300 })]);
    await call(url, "PATCH", "/commissions/bulk", { commissionIds: [custom!.id], status: "canceled" });
    expect(fake.payouts()).toEqual([]);
  });

  it("confirmPayouts emits payout.confirmed; then the commissions cannot change; completePayouts pays them, paidAt on each", async () => {
    fake.processCommissions();
    const [confirmed] = fake.confirmPayouts();
    expect(confirmed).toMatchObject({ status: "processing", invoiceId: expect.stringMatching(/^inv_/), initiatedAt: "2026-11-24T10:02:00.000Z", mode: "external", method: "connect" });
    const event = fake.events().find((e) => e.event === "payout.confirmed")!;
    expect(event.data).toMatchObject({ id: confirmed!.id, amount: 1_300, status: "processing", partner: { id: partnerId, status: "approved" } });
    const [sale] = fake.commissions();
    const blocked = await call(url, "PATCH", `/commissions/${sale!.id}`, { status: "refunded" });
    expect(blocked.status).toBe(400);
    expect(blocked.json.error.message).toBe("Cannot update commission: Its payout is already processing.");
    clock += 60_000;
    fake.completePayouts();
    expect((await commissions()).map((c) => [c.status, c.paidAt])).toEqual([
      ["paid", "2026-11-24T10:03:00.000Z"],
      ["paid", "2026-11-24T10:03:00.000Z"],
    ]);
    const paid = await call(url, "PATCH", `/commissions/${sale!.id}`, { saleAmount: 5 });
    expect(paid.status).toBe(400);
    expect(paid.json.error.message).toBe(`Cannot update commission: Commission ${sale!.id} has already been paid.`);
    expect((await call(url, "PATCH", "/commissions/bulk", { commissionIds: [sale!.id], status: "fraud" })).status).toBe(400);
    expect(fake.partners()[0]!.totalCommissions).toBe(1_300);
  });

  it("GET /payouts: filters by status, partner, tenant, invoice, group; sorted by amount; paged", async () => {
    const bo = (await call(url, "POST", "/partners", { email: "bo@example.com", groupId: "grp_b" })).json.id;
    await call(url, "POST", "/commissions", { type: "custom", partnerId: bo, amount: 9_000 });
    fake.processCommissions();
    const list = async (query = "") => ((await call(url, "GET", `/payouts${query}`)).json as { amount: number }[]).map((p) => p.amount);
    expect(await list()).toEqual([9_000, 1_300]);
    expect(await list("?sortOrder=asc")).toEqual([1_300, 9_000]);
    expect(await list(`?partnerId=${bo}`)).toEqual([9_000]);
    expect(await list("?tenantId=user_42")).toEqual([1_300]);
    expect(await list("?groupId=grp_b")).toEqual([9_000]);
    expect(await list("?groupId=-grp_b")).toEqual([1_300]);
    expect(await list("?pageSize=1&page=2")).toEqual([1_300]);
    const [first] = fake.confirmPayouts();
    expect(await list(`?invoiceId=${first!.invoiceId}`)).toHaveLength(2);
    expect(await list("?status=pending")).toEqual([]);
  });
});
