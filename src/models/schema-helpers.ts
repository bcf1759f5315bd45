import * as z from "zod/mini";

/**
 * A string enum that stays open: the known values give editor completion, and a value the
 * server adds later parses as a plain string instead of failing every call (Dub's enums grow:
 * a tag colour missing from a closed enum once broke every call that returned tags).
 */
export type OpenEnum<T extends string> = T | (string & {});

/** Schema for an {@link OpenEnum}: any string is accepted on input from the server. */
export function openEnum<T extends string>(_known: readonly T[]): z.ZodMiniType<OpenEnum<T>> {
  return z.string() as z.ZodMiniType<OpenEnum<T>>;
}

/** A field the spec marks `nullable` and not required. */
export function optionalNullable<T extends z.core.SomeType>(schema: T) {
  return z.optional(z.nullable(schema));
}

/** A string of at most `max` characters. */
export function maxString(max: number) {
  return z.string().check(z.maxLength(max));
}

/**
 * `string | string[]`, as the API takes tag IDs and tag names. An array item must be a string,
 * so a mistyped `[1, 2]` is reported per item.
 */
export const stringOrStrings = z.union([z.string(), z.array(z.string())]);

/**
 * Accepted and dropped: older Dub documentation sends `program_id` / `programId` in every body,
 * but the program now comes from the API key's workspace and the server ignores the field.
 */
export const legacyProgramId = {
  programId: z.optional(z.string()),
  program_id: z.optional(z.string()),
};
