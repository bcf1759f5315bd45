/**
 * The response contract of one operation, as a reusable suite: every spec-valid body (all fields,
 * nullable ones null, optional ones absent) parses through the SDK unchanged, the SDK's model
 * names exactly the spec's properties, a body without a required field is a
 * `ResponseValidationError` with the raw text, and unknown fields and enum values pass through.
 */
import { describe, expect, it } from "vitest";
import { type Dub, ResponseValidationError } from "../../src/index.js";
import {
  type AnyOperationId,
  deref,
  expectInvalid,
  expectValid,
  propertyNames,
  responseSchema,
  responseValidator,
  sampleFromSchema,
  stubClient,
  withNullablesNull,
  withoutOptionals,
} from "./spec.js";

type Body = Record<string, unknown>;

/** One operation's success response, and how to call it. */
export interface ResponseCase {
  readonly name: string;
  readonly operationId: AnyOperationId;
  /** The status of the spec's success response. */
  readonly status: number;
  /** The SDK's schema of the body (an array's items are compared). */
  readonly model: unknown;
  readonly call: (dub: Dub) => Promise<unknown>;
  /** Enum fields of an item whose values the API may extend, with a value the spec does not list. */
  readonly newEnumValues?: Readonly<Record<string, string>>;
}

/** The property names of a zod/mini object schema, looking through arrays. */
function modelKeys(schema: unknown): string[] {
  let def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
  while (def.type === "array") def = (def.element as { _zod: { def: Record<string, unknown> } })._zod.def;
  return Object.keys(def.shape as object);
}

async function respond(c: ResponseCase, body: unknown): Promise<{ value?: unknown; error?: unknown }> {
  const { dub, fetch } = stubClient({ status: c.status, body });
  try {
    return { value: await c.call(dub) };
  } catch (error) {
    return { error };
  } finally {
    expect(fetch).toHaveBeenCalledTimes(1);
  }
}

async function expectParsesUnchanged(c: ResponseCase, body: unknown): Promise<void> {
  const { value, error } = await respond(c, body);
  expect(error).toBeUndefined();
  expect(value).toStrictEqual(body);
}

const itemOf = (body: unknown) => (Array.isArray(body) ? body[0] : body) as Body;
const itemPath = (body: unknown, prop: string) => (Array.isArray(body) ? [0, prop] : [prop]);

/** Runs the response contract of every case. */
export function responseSuite(cases: readonly ResponseCase[]): void {
  describe.each(cases)("$name ($operationId response)", (c) => {
    const schema = responseSchema(c.operationId, String(c.status));
    const validate = responseValidator(c.operationId, String(c.status));
    const itemSchema = deref(schema).items ?? schema;
    const { all, required } = propertyNames(itemSchema);
    const full = () => sampleFromSchema(schema);

    it("the SDK's model names exactly the spec's properties", () => {
      expect(modelKeys(c.model).sort()).toEqual([...all].sort());
    });

    it.each([
      ["every property present", full],
      ["every nullable field null", () => withNullablesNull(schema, full())],
      ["optional fields absent", () => withoutOptionals(schema, full())],
      ["optional fields absent and nullable fields null", () => withNullablesNull(schema, withoutOptionals(schema, full()))],
    ] as const)("%s: valid, and parses with the same data", async (_name, make) => {
      const body = make();
      expectValid(validate, body);
      await expectParsesUnchanged(c, body);
    });

    if (deref(schema).type === "array") {
      it("an empty array parses", async () => {
        await expectParsesUnchanged(c, []);
      });
    }

    it.each(required)("without %s: ResponseValidationError with the raw body", async (prop) => {
      const body = full();
      delete itemOf(body)[prop];
      expectInvalid(validate, body);
      const raw = JSON.stringify(body, null, 2);
      const { value, error } = await respond(c, raw);
      expect(value).toBeUndefined();
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).body).toBe(raw);
      expect((error as ResponseValidationError).issues.map((i) => i.path)).toContainEqual(itemPath(body, prop));
    });

    it("unknown fields are kept as sent", async () => {
      const body = full();
      itemOf(body).addedLater = { nested: [1, "two"] };
      await expectParsesUnchanged(c, body);
    });

    const newValues = Object.entries(c.newEnumValues ?? {});
    if (newValues.length) {
      it.each(newValues)("a value the spec does not list yet in %s (%s) parses as sent", async (field, value) => {
        const body = full();
        itemOf(body)[field] = value;
        expectInvalid(validate, body);
        await expectParsesUnchanged(c, body);
      });
    }
  });
}
