import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
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
        fc.property(mutations(example as unknown as Record<string, unknown>), (body) => {
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

  it("compiles a schema once, after its first 100 uses on the runtime parser", () => {
    const schema = z.looseObject({ id: z.string() });
    const seen = Array.from({ length: 101 }, () => fastSchema(schema));
    expect(seen.slice(0, 99).every((s) => s === schema)).toBe(true);
    expect(seen[99]).not.toBe(schema);
    expect(seen[100]).toBe(seen[99]);
    expect(fastSchema(schema)).toBe(seen[99]);
  });

  it("gives the same answers before and after compiling", () => {
    const schema = z.looseObject({ id: z.string(), n: z.optional(z.number()) });
    const verdicts = (value: unknown) => Array.from({ length: 150 }, () => conforms(schema, value));
    expect(new Set(verdicts({ id: "a", n: 1, extra: true }))).toEqual(new Set([true]));
    expect(new Set(verdicts({ id: 1 }))).toEqual(new Set([false]));
  });
});
