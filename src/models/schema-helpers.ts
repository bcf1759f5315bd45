import * as z from "zod/mini";
import type { CrossFieldRule } from "../core/cross-field-rules.js";

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

/**
 * A closed enum of a request: a string among `values`, anything else refused before sending. A
 * refinement rather than zod's enum, which would add to every bundle for no gain here.
 */
export function oneOf<const T extends string>(values: readonly T[]): z.ZodMiniType<T, T> {
  const message = `must be one of ${values.join(", ")}`;
  return z.string().check(z.refine((value) => (values as readonly string[]).includes(value), { message })) as unknown as z.ZodMiniType<T, T>;
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
 * A value that passes `test`, with `message` when it does not. A refinement over `unknown`
 * rather than zod's union, record or custom types: the same check, and none of their code in
 * every bundle.
 */
export function satisfies<T>(test: (value: unknown) => boolean, message: string): z.ZodMiniType<T, T> {
  return z.unknown().check(z.refine(test, { message })) as unknown as z.ZodMiniType<T, T>;
}

/** `string | string[]`, as the API takes tag IDs and tag names. */
export const stringOrStrings = satisfies<string | string[]>(
  (value) => typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string")),
  "expected a string or an array of strings",
);

/** An object whose every value is a string (`geo` targeting: country code to URL). */
export const stringRecord = satisfies<Record<string, string>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string"),
  "expected an object of strings",
);

/**
 * Accepted and dropped (see {@link dropLegacyProgramId}): older Dub documentation sends
 * `program_id` / `programId` in every body, but the program now comes from the API key's
 * workspace and the server ignores the field.
 */
export const legacyProgramId = {
  programId: z.optional(z.string()),
  program_id: z.optional(z.string()),
};

/** `partnerId` / `tenantId`: how a request names a partner of the program. */
export const partnerIdentity = {
  partnerId: optionalNullable(z.string()),
  tenantId: optionalNullable(z.string()),
};

/**
 * The server answers 400 unless the partner is named by `partnerId` or `tenantId`. A
 * cross-field rule: reported even when other fields failed, so one error lists every problem.
 */
export const requirePartner: CrossFieldRule = {
  test: ({ partnerId, tenantId }) => Boolean(partnerId || tenantId),
  message: "partnerId or tenantId is required",
};

/** An integer within the safe range (a refinement: zod's integer format would add to the bundle). */
const isInteger = z.refine(Number.isSafeInteger, { message: "must be an integer" });

/** Page number and page size of the list endpoints: integers, the page from 1, the size 1 to 100. */
export const pageFields = {
  page: z.optional(z.number().check(isInteger, z.gte(1))),
  pageSize: z.optional(z.number().check(isInteger, z.gte(1), z.lte(100))),
};

/**
 * The wire form of a body that accepted {@link legacyProgramId}: without those fields. The body
 * is the pipeline's validated copy, so one without them (nearly all) is sent as it is.
 */
export function dropLegacyProgramId<T extends { programId?: string; program_id?: string }>(body: T): Omit<T, "programId" | "program_id"> {
  if (!("programId" in body) && !("program_id" in body)) return body;
  const { programId: _a, program_id: _b, ...wire } = body;
  return wire;
}
