/**
 * Request contract of `track.lead`, `track.sale` and `track.open`: bodies that validate against
 * the spec (open and closed; `lemonsqueezy`, newer than the spec, aside), every constraint refused
 * before anything is sent, and `track.open` sent without a key.
 */
import { describe, expect, it } from "vitest";
import { Dub, SDKValidationError, type TrackLeadRequestBody, type TrackOpenRequestBody, type TrackSaleRequestBody } from "../../src/index.js";
import { bodySuite, type InvalidCase, type ValidCase } from "./body-suite.js";
import { propertyNames, requestSchema, responseSchema, sampleFromSchema, SERVER_URL, stubClient } from "./spec.js";

const LEAD = {
  sdkName: "track.lead",
  operationId: "trackLead",
  status: 200,
  reply: () => sampleFromSchema(responseSchema("trackLead", "200")),
  call: (dub: Dub, input: TrackLeadRequestBody) => dub.track.lead(input),
} as const;

const base: TrackLeadRequestBody = { clickId: "rLnWe1uz9t282v7g", eventName: "Sign up", customerExternalId: "user_42" };
const FULL_LEAD: TrackLeadRequestBody = {
  ...base,
  customerName: "Kim Lee",
  customerEmail: "kim@example.com",
  customerAvatar: "https://acme.com/avatars/kim.png",
  mode: "wait",
  eventQuantity: 3,
  metadata: { plan: "pro", seats: 3, nested: { ok: true } },
};

const LEAD_VALID: ValidCase<TrackLeadRequestBody>[] = [
  { name: "the required fields", input: base },
  { name: "every field", input: FULL_LEAD },
  { name: "an empty clickId (deferred tracking done before)", input: { ...base, clickId: "" } },
  { name: "mode async", input: { ...base, mode: "async" } },
  { name: "mode deferred", input: { ...base, mode: "deferred" } },
  { name: "eventName of 255 characters, customerExternalId of 100", input: { ...base, eventName: "e".repeat(255), customerExternalId: "c".repeat(100) } },
  { name: "eventQuantity 1 and 100", input: { ...base, eventQuantity: 100 } },
  { name: "eventQuantity 1", input: { ...base, eventQuantity: 1 } },
  { name: "nullable fields null", input: { ...base, customerName: null, customerEmail: null, customerAvatar: null, eventQuantity: null, metadata: null } },
  { name: "a customerName of 100 characters and an email of 100", input: { ...base, customerName: "n".repeat(100), customerEmail: `${"k".repeat(88)}@example.com` } },
  { name: "metadata of exactly 10,000 characters as JSON", input: { ...base, metadata: { k: "v".repeat(10_000 - '{"k":""}'.length) } } },
];

const LEAD_INVALID: InvalidCase[] = [
  { name: "no clickId", input: { eventName: "Sign up", customerExternalId: "user_42" }, path: ["clickId"], specRejects: true },
  { name: "an empty eventName", input: { ...base, eventName: "" }, path: ["eventName"], specRejects: true },
  { name: "eventName of 256 characters", input: { ...base, eventName: "e".repeat(256) }, path: ["eventName"], specRejects: true },
  { name: "customerExternalId of 101 characters", input: { ...base, customerExternalId: "c".repeat(101) }, path: ["customerExternalId"], specRejects: true },
  { name: "an empty customerExternalId", input: { ...base, customerExternalId: "" }, path: ["customerExternalId"], specRejects: true },
  { name: "customerName of 101 characters", input: { ...base, customerName: "n".repeat(101) }, path: ["customerName"], specRejects: true },
  { name: "an invalid email", input: { ...base, customerEmail: "kim@" }, path: ["customerEmail"], specRejects: true },
  { name: "an email of 101 characters", input: { ...base, customerEmail: `${"k".repeat(89)}@example.com` }, path: ["customerEmail"], specRejects: true },
  { name: 'mode "sync"', input: { ...base, mode: "sync" }, path: ["mode"], specRejects: true },
  // The spec writes zod's positive() as a bare "exclusiveMinimum: true", which a draft-07 validator cannot read.
  { name: "eventQuantity 0", input: { ...base, eventQuantity: 0 }, path: ["eventQuantity"], specRejects: false },
  { name: "eventQuantity 101", input: { ...base, eventQuantity: 101 }, path: ["eventQuantity"], specRejects: true },
  { name: "eventQuantity 1.5", input: { ...base, eventQuantity: 1.5 }, path: ["eventQuantity"], specRejects: true },
  { name: "metadata that is an array", input: { ...base, metadata: ["pro"] }, path: ["metadata"], specRejects: true },
  { name: "metadata of 10,001 characters as JSON", input: { ...base, metadata: { k: "v".repeat(10_001 - '{"k":""}'.length) } }, path: ["metadata"], specRejects: false },
  { name: "an undocumented field (the server's deprecated externalId)", input: { ...base, externalId: "user_42" }, path: [], specRejects: true },
];

bodySuite(LEAD, LEAD_VALID, LEAD_INVALID);

const SALE = {
  sdkName: "track.sale",
  operationId: "trackSale",
  status: 200,
  reply: () => sampleFromSchema(responseSchema("trackSale", "200")),
  call: (dub: Dub, input: TrackSaleRequestBody) => dub.track.sale(input),
} as const;

const sale: TrackSaleRequestBody = { customerExternalId: "user_42", amount: 4900 };
const FULL_SALE: TrackSaleRequestBody = {
  ...sale,
  currency: "eur",
  eventName: "Invoice paid",
  paymentProcessor: "stripe",
  invoiceId: "in_1QxYz2Ab3Cd4Ef5G",
  metadata: { plan: "pro" },
  leadEventName: "Sign up",
  clickId: "rLnWe1uz9t282v7g",
  customerName: "Kim Lee",
  customerEmail: "kim@example.com",
  customerAvatar: "https://acme.com/avatars/kim.png",
};

const SALE_VALID: ValidCase<TrackSaleRequestBody>[] = [
  { name: "the required fields", input: sale },
  { name: "every field", input: FULL_SALE },
  { name: "amount 0", input: { ...sale, amount: 0 } },
  { name: "the largest safe amount", input: { ...sale, amount: Number.MAX_SAFE_INTEGER } },
  ...(["stripe", "shopify", "polar", "paddle", "apple", "revenuecat", "dub", "custom"] as const).map((paymentProcessor) => ({
    name: `paymentProcessor ${paymentProcessor}`,
    input: { ...sale, paymentProcessor },
  })),
  { name: "paymentProcessor lemonsqueezy (dub 0.73.5, newer than the spec)", input: { ...sale, paymentProcessor: "lemonsqueezy" }, newer: ["paymentProcessor"] },
  { name: "an eventName of 255 characters", input: { ...sale, eventName: "e".repeat(255) } },
  {
    name: "nullable fields null",
    input: { ...sale, invoiceId: null, metadata: null, leadEventName: null, clickId: null, customerName: null, customerEmail: null, customerAvatar: null },
  },
];

const SALE_INVALID: InvalidCase[] = [
  { name: "no amount", input: { customerExternalId: "user_42" }, path: ["amount"], specRejects: true },
  { name: "no customerExternalId", input: { amount: 100 }, path: ["customerExternalId"], specRejects: true },
  { name: "a negative amount", input: { ...sale, amount: -1 }, path: ["amount"], specRejects: true },
  { name: "an amount in fractions of a cent", input: { ...sale, amount: 49.5 }, path: ["amount"], specRejects: true },
  { name: "an amount past the largest safe integer", input: { ...sale, amount: 2 ** 53 }, path: ["amount"], specRejects: true },
  { name: "an amount as a string", input: { ...sale, amount: "4900" }, path: ["amount"], specRejects: true },
  { name: "an eventName of 256 characters", input: { ...sale, eventName: "e".repeat(256) }, path: ["eventName"], specRejects: true },
  { name: 'paymentProcessor "gumroad"', input: { ...sale, paymentProcessor: "gumroad" }, path: ["paymentProcessor"], specRejects: true },
  { name: "customerExternalId of 101 characters", input: { ...sale, customerExternalId: "c".repeat(101) }, path: ["customerExternalId"], specRejects: true },
  { name: "an invalid customerEmail", input: { ...sale, customerEmail: "kim.example.com" }, path: ["customerEmail"], specRejects: true },
  { name: "customerName of 101 characters", input: { ...sale, customerName: "n".repeat(101) }, path: ["customerName"], specRejects: true },
  { name: "metadata as a string", input: { ...sale, metadata: "plan=pro" }, path: ["metadata"], specRejects: true },
  { name: "an invoiceId as a number", input: { ...sale, invoiceId: 42 }, path: ["invoiceId"], specRejects: true },
  { name: "an undocumented field", input: { ...sale, quantity: 2 }, path: [], specRejects: true },
];

bodySuite(SALE, SALE_VALID, SALE_INVALID);

const OPEN = {
  sdkName: "track.open",
  operationId: "trackOpen",
  status: 200,
  reply: () => sampleFromSchema(responseSchema("trackOpen", "200")),
  call: (dub: Dub, input: TrackOpenRequestBody) => dub.track.open(input),
} as const;

bodySuite(
  OPEN,
  [
    { name: "a deep link", input: { deepLink: "https://acme.link/spring" } },
    { name: "a domain (probabilistic tracking)", input: { dubDomain: "acme.link" } },
    { name: "both", input: { deepLink: "https://acme.link/spring", dubDomain: "acme.link" } },
    { name: "a deep link of 32,000 characters", input: { deepLink: `https://acme.link/${"k".repeat(32_000 - 18)}` } },
  ],
  [
    { name: "neither deepLink nor dubDomain", input: {}, path: [], specRejects: false },
    { name: "an empty deepLink and no domain", input: { deepLink: "" }, path: [], specRejects: false },
    { name: "a deep link of 32,001 characters", input: { deepLink: `https://acme.link/${"k".repeat(32_001 - 18)}` }, path: ["deepLink"], specRejects: true },
    { name: "dubDomain as a number", input: { dubDomain: 1 }, path: ["dubDomain"], specRejects: true },
    { name: "an undocumented field", input: { deepLink: "https://acme.link/spring", platform: "ios" }, path: [], specRejects: true },
  ],
);

describe("the cases cover the spec", () => {
  it.each([
    ["trackLead", FULL_LEAD],
    ["trackSale", FULL_SALE],
  ] as const)("%s: one case sets every property", (operationId, full) => {
    expect(Object.keys(full).sort()).toEqual(propertyNames(requestSchema(operationId)).all.sort());
  });

  it("every lead mode of the spec is sent", () => {
    expect(LEAD_VALID.map((c) => c.input.mode ?? "")).toEqual(expect.arrayContaining(requestSchema("trackLead").properties!.mode!.enum!));
  });

  it("every payment processor of the spec is sent", () => {
    expect(SALE_VALID.map((c) => c.input.paymentProcessor ?? "")).toEqual(expect.arrayContaining(requestSchema("trackSale").properties!.paymentProcessor!.enum!));
  });
});

describe("track.open goes without a key", () => {
  it("sends no Authorization header, even from a client with a token", async () => {
    const seen: Headers[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response(JSON.stringify({ clickId: null, link: null }), { status: 200, headers: { "content-type": "application/json" } });
    };
    const dub = new Dub({ token: "dub_live_9fQ2xTestTokenDoNotLeak", serverURL: SERVER_URL, fetch, retryConfig: { strategy: "none" } });
    await dub.track.open({ dubDomain: "acme.link" });
    await dub.track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "user_42" }).catch(() => undefined);
    expect(seen[0]!.has("authorization")).toBe(false);
    expect(seen[1]!.get("authorization")).toBe("Bearer dub_live_9fQ2xTestTokenDoNotLeak");
  });

  it("works from a client that has no key at all", async () => {
    const fetch = async () => new Response(JSON.stringify({ clickId: "rLnWe1uz9t282v7g", link: null }), { status: 200, headers: { "content-type": "application/json" } });
    const previous = process.env.DUB_API_KEY;
    delete process.env.DUB_API_KEY;
    try {
      const dub = new Dub({ serverURL: SERVER_URL, fetch, retryConfig: { strategy: "none" } });
      await expect(dub.track.open({ deepLink: "https://acme.link/spring" })).resolves.toEqual({ clickId: "rLnWe1uz9t282v7g", link: null });
    } finally {
      if (previous !== undefined) process.env.DUB_API_KEY = previous;
    }
  });
});

describe("metadata that cannot be sent as JSON is refused before sending", () => {
  const cyclic: Record<string, unknown> = { plan: "pro" };
  cyclic.self = cyclic;
  it.each([
    ["a cycle", cyclic],
    ["a BigInt", { seats: 3n }],
    ["a Date (an object, but the wire gets a string)", new Date(0)],
    ["a Map (sent as {})", new Map([["plan", "pro"]])],
  ])("%s", async (_name, metadata) => {
    const { dub, fetch } = stubClient({ status: 200, body: {} });
    const error = await dub.track
      .sale({ customerExternalId: "user_42", amount: 1, metadata: metadata as never })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(["metadata"]);
    expect(fetch).not.toHaveBeenCalled();
  });
});
