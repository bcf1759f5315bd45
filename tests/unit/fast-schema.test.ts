import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conforms, fastSchema } from "../../src/core/fast-schema.node.js";
import { linkSchema } from "../../src/models/link.js";
import { createPartnerResponseSchema } from "../../src/models/partner.js";
import { exampleLink, examplePartner } from "../../src/testing/index.js";

// A JSON value to put in place of a field: right or wrong type, null, nested.
const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

function mutations(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), fc.oneof(jsonValue, fc.constant(undefined))), { maxLength: 3 }).map((changes) => {
    const value: Record<string, unknown> = structuredClone(base);
    for (const [key, replacement] of changes) {
      if (replacement === undefined) delete value[key];
      else value[key] = replacement;
    }
    return value;
  });
}

describe("the compiled validator of response bodies (Node)", () => {
  for (const [name, schema, example] of [
    ["link", linkSchema, exampleLink()],
    ["partner", createPartnerResponseSchema, examplePartner()],
  ] as const) {
    it(`agrees with zod's runtime parse on ${name} bodies, valid or broken`, () => {
      let rejected = 0;
      fc.assert(
        fc.property(mutations(example as Record<string, unknown>), (body) => {
          const runtime = schema.safeParse(body);
          expect(conforms(schema, body)).toBe(runtime.success);
          if (!runtime.success) rejected++;
          // The body is used as the data itself: valid bodies parse to an equal value.
          if (runtime.success) expect(runtime.data).toEqual(body);
        }),
        { numRuns: 300 },
      );
      expect(rejected).toBeGreaterThan(0);
    });
  }

  it("compiles each schema once", () => {
    expect(fastSchema(linkSchema)).toBe(fastSchema(linkSchema));
    expect(fastSchema(linkSchema)).not.toBe(linkSchema);
  });
});
