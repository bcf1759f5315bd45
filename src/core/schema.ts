import * as z from "zod/mini";

/**
 * The small zod toolkit the request and response schemas are written with. Refinements rather
 * than zod's enum, union, record and custom types: the same checks, and none of their code in
 * every bundle.
 */

/**
 * A string enum that stays open: the known values give editor completion, and a value the
 * server adds later parses as a plain string instead of failing every call (Dub's enums grow:
 * a tag colour missing from a closed enum once broke every call that returned tags).
 */
export type OpenEnum<T extends string> = T | (string & {});

/**
 * Schema for an {@link OpenEnum} of the known values `T`: any string is accepted on input from the
 * server. The values are a type argument, not a run-time list: nothing checks them, so nothing of
 * them needs to ship.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<T extends string>(): z.ZodMiniType<OpenEnum<T>> {
  return z.string() as z.ZodMiniType<OpenEnum<T>>;
}

/**
 * A closed enum of a request: a string among `values`, anything else refused before sending.
 */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends string>(values: readonly T[]): z.ZodMiniType<T, T> {
  const message = `must be one of ${values.join(", ")}`;
  return z.string().check(z.refine((value) => (values as readonly string[]).includes(value), { message })) as unknown as z.ZodMiniType<T, T>;
}

/** A field the spec marks `nullable` and not required. */
/* @__NO_SIDE_EFFECTS__ */
export function optionalNullable<T extends z.core.SomeType>(schema: T) {
  return z.optional(z.nullable(schema));
}

/** A string of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function maxString(max: number) {
  return z.string().check(z.maxLength(max));
}

/** A value that passes `test`, with `message` when it does not. */
/* @__NO_SIDE_EFFECTS__ */
export function satisfies<T>(test: (value: unknown) => boolean, message: string): z.ZodMiniType<T, T> {
  return z.unknown().check(z.refine(test, { message })) as unknown as z.ZodMiniType<T, T>;
}

/** `string | string[]`, as the API takes tag IDs and tag names. */
export const stringOrStrings = satisfies<string | string[]>(
  (value) => typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string")),
  "expected a string or an array of strings",
);

/** An object whose every value is a string (`geo` targeting: country code to URL; headers). */
export const stringRecord = satisfies<Record<string, string>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string"),
  "expected an object of strings",
);

/** An integer within the safe range (a refinement: zod's integer format would add to the bundle). */
export const isInteger = z.refine(Number.isSafeInteger, { message: "must be an integer" });

/** Page number and page size of the list endpoints: integers, the page from 1, the size 1 to 100. */
export const pageFields = {
  /** The page number for pagination, from `1`. Default `1`; iterating the result goes on from this page. */
  page: z.optional(z.number().check(isInteger, z.gte(1))),
  /** The number of items per page, from 1 to 100. Default `100`. */
  pageSize: z.optional(z.number().check(isInteger, z.gte(1), z.lte(100))),
};

/**
 * The schema of an object the API returns: its fields are checked, and fields the API adds later
 * pass and stay on the object (a loose object at run time, so that what the call returns is the
 * body as sent). Typed as the listed fields only, without an index signature, so that a typo in a
 * field name is a type error in the caller's code.
 */
/* @__NO_SIDE_EFFECTS__ */
export function responseObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): z.ZodMiniObject<Shape> {
  return z.looseObject(shape) as unknown as z.ZodMiniObject<Shape>;
}
