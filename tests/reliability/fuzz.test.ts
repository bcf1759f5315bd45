import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadRequest, Dub, SDKValidationError, UnprocessableEntity } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { requestValidator, type OperationId } from "../contract/spec.js";
import { inProcessFetch } from "../helpers/in-process-fetch.js";

// ---------------------------------------------------------------------------------------------
// Arbitraries of valid input, built from the documented constraints
// ---------------------------------------------------------------------------------------------

const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
const word = (min: number, max: number) => fc.string({ unit: alnum, minLength: min, maxLength: max });
const anyText = (max: number) => fc.string({ maxLength: max, unit: "grapheme" });

const email = fc
  .tuple(word(1, 20), fc.array(word(1, 12), { minLength: 1, maxLength: 3 }), fc.string({ unit: fc.constantFrom(..."abcdefghij"), minLength: 2, maxLength: 6 }))
  .map(([local, labels, tld]) => `${local}@${labels.join(".")}.${tld}`);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const strings = fc.oneof(word(1, 10), fc.array(word(1, 10), { maxLength: 3 }));

const linkProps = fc.record(
  {
    externalId: nullable(word(1, 255)),
    tenantId: nullable(word(0, 255)),
    prefix: word(0, 5),
    archived: fc.boolean(),
    tagNames: strings,
    comments: nullable(anyText(50)),
    expiresAt: nullable(fc.constant("2027-01-01T00:00:00.000Z")),
    title: nullable(anyText(30)),
    proxy: fc.boolean(),
    ios: nullable(fc.constant("https://apps.apple.com/app/id1")),
    doIndex: fc.boolean(),
    testVariants: nullable(
      fc.array(fc.record({ url: fc.constant("https://acme.com/v"), percentage: fc.integer({ min: 10, max: 90 }) }), { minLength: 2, maxLength: 4 }),
    ),
  },
  { requiredKeys: [] },
);

const partnerBody = fc.record(
  {
    email,
    name: nullable(word(0, 100)),
    username: nullable(word(1, 100)),
    description: nullable(anyText(200)),
    country: nullable(fc.constantFrom("US", "DE", "FR", "BR")),
    linkProps,
  },
  { requiredKeys: ["email"] },
);

const linkFields = { key: optional(word(1, 40)), comments: optional(nullable(anyText(40))), linkProps: optional(linkProps) };
const path = word(0, 30);

// ---------------------------------------------------------------------------------------------
// Valid input: accepted by the fake's server-side validation and by the spec
// ---------------------------------------------------------------------------------------------

function harness() {
  const fake = createFakeDub({ seed: 7 });
  const sent: { operationId: OperationId; body: unknown }[] = [];
  const toServer = inProcessFetch(fake.handler);
  const dub = new Dub({
    token: "dub_fuzz",
    serverURL: "https://api.dub.test",
    retryConfig: { strategy: "none" },
    fetch: async (url, init) => {
      const operationId: OperationId = init.method === "PUT" ? "upsertPartnerLink" : url.endsWith("/links") ? "createPartnerLink" : "createPartner";
      sent.push({ operationId, body: JSON.parse(String(init.body)) });
      return toServer(url, init);
    },
  });
  return { fake, dub, sent };
}

/** The server may refuse a valid body for what it holds (a taken key: 409), never for its shape. */
async function acceptedAsValid(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).not.toBeInstanceOf(SDKValidationError);
  expect(error).not.toBeInstanceOf(BadRequest);
  expect(error).not.toBeInstanceOf(UnprocessableEntity);
}

describe("valid input: the fake's server-side validation and the spec schema accept what the SDK sends", () => {
  it("partners.create", async () => {
    const { dub, sent } = harness();
    await fc.assert(fc.asyncProperty(partnerBody, (body) => acceptedAsValid(dub.partners.create(body))), { numRuns: 150 });
    for (const { operationId, body } of sent) expect(requestValidator(operationId)(body), JSON.stringify(body)).toBe(true);
  });

  it("partners.createLink and partners.upsertLink", async () => {
    const { dub, sent } = harness();
    const { id } = await dub.partners.create({ email: "kim@example.com", tenantId: "user_1" });
    const who = fc.constantFrom({ partnerId: id }, { tenantId: "user_1" }, { partnerId: id, tenantId: null });
    await fc.assert(
      fc.asyncProperty(who, path, fc.record(linkFields, { requiredKeys: [] }), fc.boolean(), async (partner, p, fields, upsert) => {
        const body = { ...partner, url: `https://acme.com/${p}`, ...fields };
        await acceptedAsValid(upsert ? dub.partners.upsertLink(body) : dub.partners.createLink(body));
      }),
      { numRuns: 200 },
    );
    expect(sent.length).toBeGreaterThan(200);
    for (const { operationId, body } of sent) expect(requestValidator(operationId)(body), JSON.stringify(body)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid input: SDKValidationError, and nothing reaches the server
// ---------------------------------------------------------------------------------------------

/**
 * One way to break a valid body, and the path of the issue it must raise. Mutations compose:
 * each changes one field (nested ones merge into `linkProps`), so every break stays visible.
 */
type Mutation = { path: string; apply: (body: Record<string, unknown>) => void };

const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.constant([1]), fc.double());

const mutations: fc.Arbitrary<Mutation>[] = [
  word(101, 300).map((v) => ({ path: "name", apply: (b) => void (b.name = v) })),
  word(101, 300).map((v) => ({ path: "username", apply: (b) => void (b.username = v) })),
  fc.string({ minLength: 5001, maxLength: 5100 }).map((v) => ({ path: "description", apply: (b) => void (b.description = v) })),
  fc.constantFrom("kim", "kim@", "@acme.com", ".kim@acme.com", "kim..lee@acme.com", "kim@acme", "kim@acme.c", `${"a".repeat(190)}@acme.com`).map((v) => ({
    path: "email",
    apply: (b) => void (b.email = v),
  })),
  fc.constantFrom("us", "USA", "U", "12").map((v) => ({ path: "country", apply: (b) => void (b.country = v) })),
  wrongType.map((v) => ({ path: "email", apply: (b) => void (b.email = v) })),
  wrongType.map((v) => ({ path: "tenantId", apply: (b) => void (b.tenantId = v) })),
  fc.constantFrom("", "x".repeat(256)).map((v) => ({ path: "linkProps.externalId", apply: (b) => void (b.linkProps = { ...(b.linkProps as object), externalId: v }) })),
  fc.integer({ min: 0, max: 9 }).filter((n) => n < 2 || n > 4).map((n) => ({
    path: "linkProps.testVariants",
    apply: (b) => void (b.linkProps = { ...(b.linkProps as object), testVariants: Array.from({ length: n }, () => ({ url: "https://acme.com", percentage: 50 })) }),
  })),
  fc.oneof(fc.integer({ min: -100, max: 9 }), fc.integer({ min: 91, max: 1000 })).map((p) => ({
    path: "linkProps.testVariants.0.percentage",
    apply: (b) =>
      void (b.linkProps = { ...(b.linkProps as object), testVariants: [{ url: "https://acme.com", percentage: p }, { url: "https://acme.com", percentage: 50 }] }),
  })),
  fc.constantFrom("__proto__", "constructor", "emial", "tenantID", "link_props").map((key) => ({
    path: "",
    apply: (b) => void Object.defineProperty(b, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true }),
  })),
  word(1, 10).map((key) => ({ path: "linkProps", apply: (b) => void (b.linkProps = { ...(b.linkProps as object), [`x_${key}`]: 1 }) })),
];

describe("invalid input: a typed error before any byte is sent", () => {
  it("partners.create: every mutation of a valid body is refused at its path", async () => {
    let calls = 0;
    const dub = new Dub({ token: "dub_fuzz", serverURL: "https://api.dub.test", fetch: async () => (calls++, new Response("{}")) });
    await fc.assert(
      // At most one mutation per field: a second one on the same field would replace the first.
      fc.asyncProperty(partnerBody, fc.uniqueArray(fc.oneof(...mutations), { minLength: 1, maxLength: 3, selector: (m) => m.path.split(".").slice(0, 2).join(".") }), async (valid, breaks) => {
        const body: Record<string, unknown> = { ...valid };
        for (const m of breaks) m.apply(body);
        const error = await dub.partners.create(body as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SDKValidationError);
        const paths = (error as SDKValidationError).issues.map((i) => i.path.join("."));
        for (const m of breaks) expect(paths.some((p) => p === m.path || p.startsWith(`${m.path}.`) || (m.path === "" && p === ""))).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(calls).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("link calls: no partner, no url on upsert, or any value of the wrong type is refused", async () => {
    let calls = 0;
    const dub = new Dub({ token: "dub_fuzz", serverURL: "https://api.dub.test", fetch: async () => (calls++, new Response("{}")) });
    const field = fc.constantFrom("partnerId", "tenantId", "url", "key", "comments", "linkProps");
    await fc.assert(
      fc.asyncProperty(field, wrongType, fc.boolean(), async (name, value, upsert) => {
        fc.pre(!(name === "linkProps" && JSON.stringify(value) === "{}")); // an empty linkProps is valid
        const body = { partnerId: "pn_1", url: "https://acme.com", [name]: value };
        const call = upsert ? dub.partners.upsertLink(body as never) : dub.partners.createLink(body as never);
        await expect(call).rejects.toBeInstanceOf(SDKValidationError);
      }),
      { numRuns: 200 },
    );
    await expect(dub.partners.upsertLink({ partnerId: "pn_1" } as never)).rejects.toBeInstanceOf(SDKValidationError);
    await expect(dub.partners.createLink({ url: "https://acme.com" })).rejects.toBeInstanceOf(SDKValidationError);
    expect(calls).toBe(0);
  });

  it("huge strings are refused quickly, without being sent", async () => {
    let calls = 0;
    const dub = new Dub({ token: "dub_fuzz", serverURL: "https://api.dub.test", fetch: async () => (calls++, new Response("{}")) });
    const huge = "x".repeat(20 * 1024 * 1024);
    const started = performance.now();
    await expect(dub.partners.createLink({ partnerId: "pn_1", url: huge })).rejects.toBeInstanceOf(SDKValidationError);
    await expect(dub.partners.create({ email: huge })).rejects.toBeInstanceOf(SDKValidationError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(calls).toBe(0);
  });
});
