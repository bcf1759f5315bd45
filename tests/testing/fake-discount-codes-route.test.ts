/**
 * The fake's discount-code routes over HTTP, every reply checked against the spec: codes need the
 * discount of the partner's group and one of the partner's links; a link has one code; codes are
 * unique in the program whatever their case (Stripe's upper-cased); a deleted code is gone (a
 * second delete is a 404) and can be created again; ban and deactivate disable codes; each change
 * records its `discount_code.*` event in the spec's `DiscountCodeWebhookEvent` shape.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedDiscount } from "../../src/testing/fake/discount-records.js";
import { ROUTES } from "../../src/testing/fake/routes/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { recordingContext } from "./helpers/route-events.js";
import { serveChecked } from "./helpers/served.js";
import { assertSpecSchema } from "./helpers/spec.js";

let clock = Date.parse("2026-11-24T10:00:00.000Z");
const fake = createFakeDub({ seed: "discounts", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let kim: { id: string; linkId: string };
let bo: { id: string; linkId: string };

async function enroll(email: string, name: string, groupId?: string) {
  const res = await call(url, "POST", "/partners", { email, name, ...(groupId && { groupId }) });
  return { id: res.json.id as string, linkId: res.json.links[0].id as string };
}

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = Date.parse("2026-11-24T10:00:00.000Z");
  kim = await enroll("kim@example.com", "Kim Lee");
  bo = await enroll("bo@example.com", "Bo Berg");
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

describe("fake.seedDiscount", () => {
  it("gives the partners of the default group the discount: their discountId", () => {
    const discount = fake.seedDiscount();
    expect(discount).toMatchObject({ id: expect.stringMatching(/^disc_/), amount: 10, type: "percentage", maxDuration: null, provider: "stripe" });
    expect(fake.partners().map((p) => p.discountId)).toEqual([discount.id, discount.id]);
  });

  it("only the partners of the named group, and only those enrolled already", async () => {
    const vip = await enroll("vip@example.com", "Vi Pham", "grp_vip");
    const discount = fake.seedDiscount({ groupId: "grp_vip", amount: 500, type: "flat" });
    const later = await enroll("late@example.com", "La Te", "grp_vip");
    expect(Object.fromEntries(fake.partners().map((p) => [p.id, p.discountId]))).toEqual({ [kim.id]: null, [bo.id]: null, [vip.id]: discount.id, [later.id]: null });
  });

  it.each([
    [{ amount: -1 }, /amount/],
    [{ type: "half" }, /type/],
    [{ provider: "paypal" }, /provider/],
    [{ maxDuration: 1.5 }, /maxDuration/],
    [{ groupId: "" }, /groupId/],
  ])("refuses %j", (seed, message) => {
    expect(() => fake.seedDiscount(seed as never)).toThrow(message);
  });
});

describe("POST /discount-codes", () => {
  it("creates the code for the partner's link, under the group's discount (200)", async () => {
    const discount = fake.seedDiscount();
    const res = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: expect.stringMatching(/^dcode_/), code: "KIM10", discountId: discount.id, partnerId: kim.id, linkId: kim.linkId, disabledAt: null });
    expect(fake.discountCodes()).toEqual([res.json]);
  });

  it("stores a Stripe discount's code in upper case, another provider's as sent", async () => {
    fake.seedDiscount({ provider: "stripe" });
    const stripe = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "kim-summer" });
    expect(stripe.json.code).toBe("KIM-SUMMER");
    fake.reset();
    kim = await enroll("kim@example.com", "Kim Lee");
    fake.seedDiscount({ provider: "custom" });
    const custom = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "kim-summer" });
    expect(custom.json.code).toBe("kim-summer");
  });

  it("without a code, makes one from the first name and the discount; a taken one gets random characters", async () => {
    fake.seedDiscount({ amount: 15 });
    const first = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId });
    expect(first.json.code).toBe("KIM15OFF");
    const second = await call(url, "POST", "/partners/links", { partnerId: kim.id });
    const again = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: second.json.id });
    expect(again.status).toBe(200);
    expect(again.json.code).toMatch(/^KIM15OFF[A-Z0-9]{2}$/);
  });

  it("a flat discount's generated code says dollars; an empty code is generated too", async () => {
    fake.seedDiscount({ amount: 2500, type: "flat", provider: "custom" });
    const res = await call(url, "POST", "/discount-codes", { partnerId: bo.id, linkId: bo.linkId, code: "   " });
    // "   " breaks the spec's pattern: refused before the server would trim it away.
    expect(res.status).toBe(422);
    const generated = await call(url, "POST", "/discount-codes", { partnerId: bo.id, linkId: bo.linkId });
    expect(generated.json.code).toBe("BO25OFF");
  });

  it("400 for a partner whose group has no discount", async () => {
    const res = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "bad_request", message: "No discount is assigned to this partner group. Please add a discount before proceeding." });
  });

  it("400 for a link of another partner, 404 for a partner not enrolled", async () => {
    fake.seedDiscount();
    const other = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: bo.linkId });
    expect(other.status).toBe(400);
    expect(other.json.error.message).toBe("Partner link not found.");
    const unknown = await call(url, "POST", "/discount-codes", { partnerId: "pn_nope", linkId: kim.linkId });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toMatch(/^Partner pn_nope is not enrolled in program prog_/);
  });

  it("400 for a second code on the same link, before the code's own check (what a repeat meets)", async () => {
    fake.seedDiscount();
    await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" });
    const repeat = await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" });
    expect(repeat.status).toBe(400);
    expect(repeat.json.error.message).toBe("This link already has a discount code (KIM10) assigned.");
    expect(fake.discountCodes()).toHaveLength(1);
  });

  it("409 for a code another link holds, whatever its case", async () => {
    fake.seedDiscount();
    await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "SUMMER" });
    const taken = await call(url, "POST", "/discount-codes", { partnerId: bo.id, linkId: bo.linkId, code: "summer" });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe("conflict");
    expect(taken.json.error.message).toMatch(/^This discount code "summer" is already in use by \[kim@example\.com\]/);
  });

  it("422 for what breaks the spec (a code with a space, a missing linkId)", async () => {
    fake.seedDiscount();
    const res = await call(url, "POST", "/discount-codes", { partnerId: kim.id, code: "KIM 10" });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/linkId: is required/);
    expect(res.json.error.message).toMatch(/code: must be a valid/);
  });
});

describe("GET /discount-codes", () => {
  beforeEach(async () => {
    fake.seedDiscount();
    await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" });
    clock += 1000;
    await call(url, "POST", "/discount-codes", { partnerId: bo.id, linkId: bo.linkId, code: "BO10" });
  });

  it("lists the program's codes, newest first; by partner; paged", async () => {
    expect((await call(url, "GET", "/discount-codes")).json.map((c: { code: string }) => c.code)).toEqual(["BO10", "KIM10"]);
    expect((await call(url, "GET", `/discount-codes?partnerId=${kim.id}`)).json.map((c: { code: string }) => c.code)).toEqual(["KIM10"]);
    expect((await call(url, "GET", "/discount-codes?pageSize=1&page=2")).json.map((c: { code: string }) => c.code)).toEqual(["KIM10"]);
    expect((await call(url, "GET", "/discount-codes?pageSize=1&page=3")).json).toEqual([]);
  });

  it("by discount; 404 for an unknown discount or partner; 422 for a page size above 100", async () => {
    const [code] = fake.discountCodes();
    expect((await call(url, "GET", `/discount-codes?discountId=${code!.discountId}`)).json).toHaveLength(2);
    expect((await call(url, "GET", "/discount-codes?discountId=disc_nope")).status).toBe(404);
    expect((await call(url, "GET", "/discount-codes?partnerId=pn_nope")).status).toBe(404);
    expect((await call(url, "GET", "/discount-codes?pageSize=101")).status).toBe(422);
  });
});

describe("DELETE /discount-codes/{idOrCode}", () => {
  let created: { id: string; code: string };
  beforeEach(async () => {
    fake.seedDiscount();
    created = (await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" })).json;
  });

  it("deletes by ID (200 { id }); a second delete is a 404; the link can get a code again", async () => {
    const res = await call(url, "DELETE", `/discount-codes/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: created.id });
    expect(fake.discountCodes()).toEqual([]);
    const again = await call(url, "DELETE", `/discount-codes/${created.id}`);
    expect(again.status).toBe(404);
    expect(again.json.error.message).toBe(`Discount code (${created.id}) not found.`);
    expect((await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" })).status).toBe(200);
  });

  it("deletes by code, whatever its case; an unknown code is a 404", async () => {
    expect((await call(url, "DELETE", "/discount-codes/kim10")).json).toEqual({ id: created.id });
    expect((await call(url, "DELETE", "/discount-codes/KIM10")).status).toBe(404);
    expect((await call(url, "DELETE", "/discount-codes/dcode_nope")).status).toBe(404);
  });
});

describe("ban and deactivate disable the partner's codes, which stay taken", () => {
  it.each([
    ["ban", "/partners/ban", { reason: "fraud" }],
    ["deactivate", "/partners/deactivate", {}],
  ])("%s", async (_name, path, extra) => {
    fake.seedDiscount();
    await call(url, "POST", "/discount-codes", { partnerId: kim.id, linkId: kim.linkId, code: "KIM10" });
    clock += 60_000;
    await call(url, "POST", path, { partnerId: kim.id, ...extra });
    expect(fake.discountCodes()).toEqual([expect.objectContaining({ code: "KIM10", disabledAt: "2026-11-24T10:01:00.000Z" })]);
    expect((await call(url, "POST", "/discount-codes", { partnerId: bo.id, linkId: bo.linkId, code: "kim10" })).status).toBe(409);
  });
});

describe("webhook events, in the spec's DiscountCodeWebhookEvent shape", () => {
  const DATA = "#/components/schemas/DiscountCodeWebhookEvent/properties/data";

  function enrolled(ctx: ReturnType<typeof recordingContext>) {
    const partner = ROUTES.createPartner(ctx, { email: "kim@example.com", name: "Kim Lee" }).body as { id: string; links: { id: string }[] };
    ctx.events.length = 0; // the enrollment's partner.enrolled; the discount codes' events are what count here
    return { partnerId: partner.id, linkId: partner.links[0]!.id };
  }

  it("create records discount_code.created; delete records discount_code.deleted with the discount", () => {
    const ctx = recordingContext();
    const { partnerId, linkId } = enrolled(ctx);
    const discount = seedDiscount(ctx.state, { amount: 20, maxDuration: 3 }, ctx.now, ctx.random);
    const code = ROUTES.createDiscountCode(ctx, { partnerId, linkId, code: "kim20" }).body as { id: string };
    ROUTES.deleteDiscountCode(ctx, "KIM20");
    const expectedDiscount = { id: discount.id, amount: 20, type: "percentage", maxDuration: 3, provider: "stripe" };
    expect(ctx.events).toEqual([
      { event: "discount_code.created", data: { id: code.id, code: "KIM20", partnerId, linkId, disabledAt: null, discount: expectedDiscount } },
      { event: "discount_code.deleted", data: { id: code.id, code: "KIM20", partnerId, linkId, disabledAt: null, discount: expectedDiscount } },
    ]);
    for (const { data } of ctx.events) assertSpecSchema(DATA, data);
  });

  it("a refused request records nothing; a ban records discount_code.deleted with disabledAt", () => {
    const ctx = recordingContext();
    const { partnerId, linkId } = enrolled(ctx);
    expect(() => ROUTES.createDiscountCode(ctx, { partnerId, linkId })).toThrow(/No discount/);
    expect(ctx.events).toEqual([]);
    seedDiscount(ctx.state, {}, ctx.now, ctx.random);
    ROUTES.createDiscountCode(ctx, { partnerId, linkId });
    ROUTES.banPartner(ctx, { partnerId, reason: "fraud" });
    expect(ctx.events.map((e) => e.event)).toEqual(["discount_code.created", "discount_code.deleted"]);
    expect(ctx.events[1]!.data.disabledAt).toBe("2026-11-24T10:00:00.000Z");
    assertSpecSchema(DATA, ctx.events[1]!.data);
  });
});
