/**
 * The partner program through the SDK against the fake, over both transports: a click's lead and
 * sale, the partner's commission, its review, the payout; and the retry rules meeting the
 * server's own semantics, with the failure injected after the fake acted (`afterEffect`): a sale
 * replayed by its invoice is recorded once, a sale without one is not repeated, a commission's
 * 409 after a lost answer is `AlreadyApplied`, a delete's 404 after one resolves.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlreadyApplied, BadRequest, InternalServerError, NotFound } from "../../src/index.js";
import { createFakeDub, errorReply, type FakeDub } from "../../src/testing/index.js";
import { TRANSPORTS, type TransportHarness } from "../helpers/transports.js";

describe.each(TRANSPORTS)("the partner program against the fake ($name)", (transport) => {
  let fake: FakeDub;
  let harness: TransportHarness;
  let partnerId: string;
  let clickId: string;
  beforeEach(async () => {
    fake = createFakeDub({ seed: "program" });
    harness = await transport.start(fake.handler);
    const partner = await harness.client().partners.create({ email: "kim@example.com", username: "kim" });
    partnerId = partner.id;
    clickId = (await harness.client().track.open({ deepLink: "https://acme.link/kim" })).clickId!;
    await harness.client().track.lead({ clickId, eventName: "Sign up", customerExternalId: "user_42", customerEmail: "ana@example.com" });
  });
  afterEach(() => harness.stop());

  it("the whole flow: a sale's commission, reviewed, processed into a payout, confirmed and paid", async () => {
    const dub = harness.client();
    const { sale } = await dub.track.sale({ customerExternalId: "user_42", amount: 12_900, invoiceId: "in_1", paymentProcessor: "stripe" });
    expect(sale).toMatchObject({ amount: 12_900, invoiceId: "in_1" });

    const [commission] = await dub.commissions.list({ partnerId });
    expect(commission).toMatchObject({ type: "sale", amount: 12_900, earnings: 1_290, status: "pending", customer: { externalId: "user_42" } });
    const corrected = await dub.commissions.update({ id: commission!.id, requestBody: { saleAmount: 9_900 } });
    expect(corrected).toMatchObject({ amount: 9_900, earnings: 990 });

    fake.processCommissions();
    const [payout] = await dub.payouts.list({ partnerId });
    expect(payout).toMatchObject({ status: "pending", amount: 990, partner: { id: partnerId } });
    fake.confirmPayouts();
    fake.completePayouts();
    const [paid] = await dub.commissions.list({ status: "paid" });
    expect(paid!.paidAt).not.toBeNull();
    await expect(dub.commissions.update({ id: paid!.id, requestBody: { status: "refunded" } })).rejects.toBeInstanceOf(BadRequest);

    const customer = await dub.customers.get({ id: "ext_user_42", includeExpandedFields: true });
    expect(customer).toMatchObject({ email: "ana@example.com", sales: 1, partner: { id: partnerId } });
    expect(fake.events().map((e) => e.event)).toEqual(["partner.enrolled", "link.clicked", "lead.created", "commission.created", "sale.created", "payout.confirmed"]);
  });

  it("track.sale with an invoiceId: a 500 after the sale was recorded, the repeat replayed: one sale, one commission", async () => {
    fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
    const answer = await harness.client().track.sale({ customerExternalId: "user_42", amount: 4_900, invoiceId: "in_1" });
    expect(answer.sale).toMatchObject({ amount: 4_900, invoiceId: "in_1" });
    expect(fake.requests.filter((r) => r.path === "/track/sale")).toHaveLength(2);
    expect(fake.links()[0]).toMatchObject({ sales: 1, saleAmount: 4_900 });
    expect(fake.commissions()).toHaveLength(1);
  });

  it("track.sale without one: the 500 after the sale is the error, the sale recorded once, never twice", async () => {
    fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
    const e = await harness
      .client()
      .track.sale({ customerExternalId: "user_42", amount: 4_900 })
      .then(() => undefined, (x: unknown) => x as Error);
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e!.message).toMatch(/pass the sale's invoiceId/);
    expect(fake.requests.filter((r) => r.path === "/track/sale")).toHaveLength(1);
    expect(fake.links()[0]!.sales).toBe(1);
  });

  it("track.lead: a reset after the lead was recorded, the repeat deduplicated: one lead", async () => {
    fake.inject({ fault: { kind: "reset-before-response" } }, { route: "POST /track/lead", afterEffect: true });
    const answer = await harness.client().track.lead({ clickId, eventName: "Trial started", customerExternalId: "user_42" });
    expect(answer.link).toBeNull();
    expect(fake.links()[0]!.leads).toBe(2);
  });

  it("commissions.create with sale.invoiceId: a 503 after it was created, then the 409: AlreadyApplied, one commission", async () => {
    const customerId = fake.customers()[0]!.id;
    fake.inject({ status: 503, body: "" }, { route: "POST /commissions", afterEffect: true });
    await expect(harness.client().commissions.create({ type: "sale", partnerId, customerId, sale: { amount: 5_000, invoiceId: "in_9" } })).rejects.toBeInstanceOf(AlreadyApplied);
    expect(fake.commissions()).toEqual([expect.objectContaining({ invoiceId: "in_9" })]);
  });

  it("commissions.create of a clawback: a 503 after it was created is not repeated: one clawback", async () => {
    fake.inject({ status: 503, body: "" }, { route: "POST /commissions", afterEffect: true });
    await expect(harness.client().commissions.create({ type: "custom", partnerId, amount: -500, description: "fraud" })).rejects.toThrow(/not retried: a clawback/);
    expect(fake.commissions().map((c) => c.earnings)).toEqual([-500]);
  });

  it("commissions.update with a delta: a 500 after it applied is not repeated: applied once", async () => {
    await harness.client().track.sale({ customerExternalId: "user_42", amount: 10_000, invoiceId: "in_1" });
    const id = fake.commissions()[0]!.id;
    fake.inject(errorReply("internal_server_error"), { route: `PATCH /commissions/${id}`, afterEffect: true });
    await expect(harness.client().commissions.update({ id, requestBody: { modifySaleAmount: -1_000 } })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.commissions()[0]!.amount).toBe(9_000);
  });

  it("customers.delete: a 503 after the delete, then 404: resolves; a second delete is a NotFound", async () => {
    fake.inject({ status: 503, body: "" }, { route: "DELETE /customers/ext_user_42", afterEffect: true });
    await expect(harness.client().customers.delete("ext_user_42")).resolves.toEqual({ id: "ext_user_42" });
    expect(fake.customers()).toEqual([]);
    await expect(harness.client().customers.delete("ext_user_42")).rejects.toBeInstanceOf(NotFound);
  });

  it("iterates customers and commissions by cursor, and payouts by page", async () => {
    const dub = harness.client();
    for (let i = 0; i < 5; i++) {
      const click = fake.recordClick({ linkId: fake.links()[0]!.id });
      await dub.track.lead({ clickId: click.clickId, eventName: "Sign up", customerExternalId: `user_${i}` });
      await dub.track.sale({ customerExternalId: `user_${i}`, amount: 1_000 * (i + 1), invoiceId: `in_${i}` });
    }
    const customers: string[] = [];
    for await (const c of dub.customers.list({ pageSize: 2 })) customers.push(c.externalId);
    expect(customers).toEqual(["user_4", "user_3", "user_2", "user_1", "user_0", "user_42"]);
    const commissions: number[] = [];
    for await (const c of dub.commissions.list({ pageSize: 2, sortOrder: "asc" })) commissions.push(c.amount);
    expect(commissions).toEqual([1_000, 2_000, 3_000, 4_000, 5_000]);
    fake.processCommissions();
    const payouts = [];
    for await (const p of dub.payouts.list({ pageSize: 1 })) payouts.push(p);
    expect(payouts).toHaveLength(1);
  });
});
