/**
 * The program state of the fake (clicks, customers, leads, commissions, payouts, the server's
 * short-lived memories, events, rewards): a fault answered without effect leaves none of it
 * behind, `reset()` forgets it, the accessors hand out copies, the seeding helpers refuse what
 * they cannot do, and a seeded fake repeats itself.
 */
import { describe, expect, it } from "vitest";
import { createFakeDub, type FakeDub, type ReceivedRequest } from "../../src/testing/index.js";

const NOW = Date.parse("2026-11-24T10:00:00.000Z");

function request(method: string, path: string, body?: object): ReceivedRequest {
  return { method, path, headers: { authorization: "Bearer dub_test", "content-type": "application/json" }, body: body ? JSON.stringify(body) : "" };
}

/** A partner with a link, a click on it and a lead: what a sale needs. */
async function program(fake: FakeDub) {
  await fake.handler(request("POST", "/partners", { email: "kim@example.com", username: "kim" }));
  const { clickId } = fake.recordClick({ linkId: fake.links()[0]!.id });
  await fake.handler(request("POST", "/track/lead", { clickId, eventName: "Sign up", customerExternalId: "user_42" }));
  return clickId;
}

describe("a fault answered without effect leaves no program state behind", () => {
  it.each([
    ["a 503", { status: 503, body: "" }],
    ["a reset before the response", { fault: { kind: "reset-before-response" } }],
  ] as const)("%s on a sale: no sale, no commission, no event, no replay memory", async (_name, fault) => {
    const fake = createFakeDub({ now: () => NOW });
    await program(fake);
    const before = { links: fake.links(), events: fake.events().length };
    fake.inject(fault as never, { route: "POST /track/sale" });
    await fake.handler(request("POST", "/track/sale", { customerExternalId: "user_42", amount: 4_900, invoiceId: "in_1" }));
    expect(fake.links()).toEqual(before.links);
    expect(fake.commissions()).toEqual([]);
    expect(fake.events()).toHaveLength(before.events);
    // No replay was remembered: the same invoice now records its sale.
    const reply = await fake.handler(request("POST", "/track/sale", { customerExternalId: "user_42", amount: 4_900, invoiceId: "in_1" }));
    expect(reply.status).toBe(200);
    expect(fake.links()[0]!.sales).toBe(1);
  });

  it("a 503 on a lead leaves no deduplication mark", async () => {
    const fake = createFakeDub({ now: () => NOW });
    const clickId = await program(fake);
    fake.inject({ status: 503, body: "" }, { route: "POST /track/lead" });
    await fake.handler(request("POST", "/track/lead", { clickId, eventName: "Trial started", customerExternalId: "user_42" }));
    const reply = await fake.handler(request("POST", "/track/lead", { clickId, eventName: "Trial started", customerExternalId: "user_42" }));
    expect((reply.body as { link: unknown }).link).not.toBeNull();
    expect(fake.links()[0]!.leads).toBe(2);
  });
});

describe("reset(), copies, helpers", () => {
  it("reset() forgets clicks, customers, commissions, payouts, events and rewards", async () => {
    const fake = createFakeDub();
    await program(fake);
    fake.setRewards({ sale: { type: "flat", amount: 1 } });
    await fake.handler(request("POST", "/track/sale", { customerExternalId: "user_42", amount: 100 }));
    fake.processCommissions();
    fake.reset();
    expect([fake.clicks(), fake.customers(), fake.commissions(), fake.payouts(), fake.events()]).toEqual([[], [], [], [], []]);
    expect(fake.setRewards({})).toEqual({ sale: { type: "percentage", amount: 10 }, lead: null });
  });

  it("the accessors hand out copies", async () => {
    const fake = createFakeDub();
    await program(fake);
    await fake.handler(request("POST", "/track/sale", { customerExternalId: "user_42", amount: 100 }));
    fake.customers()[0]!.name = "changed";
    fake.commissions()[0]!.earnings = 1e9;
    (fake.clicks()[0] as { linkId: string }).linkId = "changed";
    (fake.events()[0]!.data as Record<string, unknown>).click = "changed";
    (fake.setRewards({}) as { sale: unknown }).sale = null;
    expect(fake.customers()[0]!.name).not.toBe("changed");
    expect(fake.commissions()[0]!.earnings).toBe(10);
    expect(fake.clicks()[0]!.linkId).not.toBe("changed");
    expect(fake.events()[0]!.data).not.toMatchObject({ click: "changed" });
    expect(fake.setRewards({}).sale).not.toBeNull();
  });

  it("the seeding helpers refuse what they cannot do", async () => {
    const fake = createFakeDub();
    expect(() => fake.recordClick({ linkId: "link_nope" })).toThrow(/no link with the id link_nope/);
    expect(() => fake.recordClick(undefined as never)).toThrow(/no link/);
    const partner = (await fake.handler(request("POST", "/partners", { email: "kim@example.com" }))).body as { id: string };
    await fake.handler(request("POST", "/partners/ban", { partnerId: partner.id, reason: "fraud" }));
    expect(() => fake.recordClick({ linkId: fake.links()[0]!.id })).toThrow(/disabled/);
    expect(() => fake.setRewards({ sale: { type: "bonus", amount: 1 } as never })).toThrow(TypeError);
    expect(() => fake.setRewards({ lead: { type: "flat", amount: -1 } })).toThrow(TypeError);
    expect(() => fake.setRewards({ lead: { type: "flat", amount: Number.NaN } })).toThrow(TypeError);
    expect(fake.processCommissions()).toEqual([]);
    expect(fake.confirmPayouts()).toEqual([]);
    expect(fake.completePayouts()).toEqual([]);
  });

  it("a seeded fake on a fixed clock gives the same ids and answers", async () => {
    const run = async () => {
      const fake = createFakeDub({ seed: 3, now: () => NOW });
      await program(fake);
      const sale = await fake.handler(request("POST", "/track/sale", { customerExternalId: "user_42", amount: 100 }));
      return { sale: sale.body, clicks: fake.clicks(), commissions: fake.commissions(), events: fake.events() };
    };
    expect(await run()).toEqual(await run());
  });
});
