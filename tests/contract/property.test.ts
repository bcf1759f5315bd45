/**
 * Property: every createLink input that respects the SDK's documented constraints (src/models)
 * is sent, once, as a body the spec's request schema accepts, equal to the input minus the
 * legacy fields.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CreatePartnerLinkRequestBody, LinkProps, TestVariant } from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { describeErrors, requestValidator, SERVER_URL, specOperation, stubClient } from "./spec.js";

/** Length as the spec (JSON Schema `maxLength`) and the SDK count it: in code points. */
const codePoints = (s: string) => [...s].length;

/**
 * A string of at most `max` code points: mostly short with any code point, sometimes exactly
 * `max` code points of one character (an astral one is `2 * max` UTF-16 units).
 */
function str(max: number, min = 0): fc.Arbitrary<string> {
  const short = fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, 24) });
  const atLimit = fc
    .oneof(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), fc.constantFrom("é", "😀", "𝔘"))
    .map((c) => c.repeat(max));
  return fc
    .oneof({ weight: 6, arbitrary: short }, { weight: 1, arbitrary: atLimit })
    .filter((s) => codePoints(s) >= min && codePoints(s) <= max);
}

const anyString = str(64);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const stringOrStrings = fc.oneof(anyString, fc.array(anyString, { maxLength: 5 }));
const dateString = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  anyString,
);

const testVariant: fc.Arbitrary<TestVariant> = fc.record({
  url: str(200),
  percentage: fc.oneof(fc.integer({ min: 10, max: 90 }), fc.double({ min: 10, max: 90, noNaN: true })),
});

const linkProps: fc.Arbitrary<LinkProps> = fc.record(
  {
    externalId: nullable(str(255, 1)),
    tenantId: nullable(str(255)),
    prefix: anyString,
    archived: fc.boolean(),
    tagIds: stringOrStrings,
    tagNames: stringOrStrings,
    comments: nullable(anyString),
    expiresAt: nullable(dateString),
    expiredUrl: nullable(str(32_000)),
    password: nullable(anyString),
    proxy: fc.boolean(),
    title: nullable(anyString),
    description: nullable(anyString),
    image: nullable(anyString),
    video: nullable(anyString),
    rewrite: fc.boolean(),
    ios: nullable(str(32_000)),
    android: nullable(str(32_000)),
    doIndex: fc.boolean(),
    testVariants: nullable(fc.array(testVariant, { minLength: 2, maxLength: 4 })),
    testStartedAt: nullable(dateString),
    testCompletedAt: nullable(dateString),
  },
  { requiredKeys: [] },
);

const createLinkInput: fc.Arbitrary<CreatePartnerLinkRequestBody> = fc
  .record(
    {
      partnerId: nullable(anyString),
      tenantId: nullable(anyString),
      url: nullable(str(32_000)),
      key: str(190),
      comments: nullable(anyString),
      linkProps,
      programId: anyString,
      program_id: anyString,
    },
    { requiredKeys: [] },
  )
  // The one cross-field rule: the partner must be named.
  .filter((input) => Boolean(input.partnerId || input.tenantId));

describe("property: valid createLink inputs produce spec-valid bodies", () => {
  it("for 200 arbitrary inputs, the body sent validates and equals the input minus legacy fields", async () => {
    const validate = requestValidator("createPartnerLink");
    const validateClosed = requestValidator("createPartnerLink", "closed");
    const { path, method } = specOperation("createPartnerLink");
    const { dub, fetch, sent } = stubClient({ status: 201, body: exampleLink() });

    await fc.assert(
      fc.asyncProperty(createLinkInput, async (input) => {
        sent.length = 0;
        fetch.mockClear();
        const result = await dub.partners.createLink(input);
        expect(result).toStrictEqual(exampleLink());
        expect(fetch).toHaveBeenCalledTimes(1);
        const request = sent[0]!;
        expect(request.method).toBe(method);
        expect(request.url).toBe(SERVER_URL + path);

        const body: unknown = JSON.parse(request.body!);
        expect(validate(body), describeErrors(validate.errors)).toBe(true);
        expect(validateClosed(body), describeErrors(validateClosed.errors)).toBe(true);
        const { programId: _a, program_id: _b, ...wire } = input;
        expect(body).toStrictEqual(JSON.parse(JSON.stringify(wire)));
      }),
      { numRuns: 200 },
    );
  });
});
