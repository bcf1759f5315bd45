import { satisfies } from "../core/schema.js";

/** Longest `metadata` the server stores, in characters of its JSON text. */
const MAX_METADATA_CHARACTERS = 10_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A plain object: what JSON sends as an object (a `Date` or a `Map` would go as something else). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether `value` is a plain object of at most {@link MAX_METADATA_CHARACTERS} characters once stringified. */
function isMetadata(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  try {
    return JSON.stringify(value).length <= MAX_METADATA_CHARACTERS;
  } catch {
    // A cycle or a BigInt: not JSON, so not sendable.
    return false;
  }
}

/** The `metadata` of a conversion or commission request: an object of at most 10,000 characters as JSON. */
export const metadataSchema = satisfies<Record<string, unknown>>(isMetadata, "must be an object of at most 10,000 characters as JSON");

/** An object of any JSON values, as the API returns `metadata`. */
export const jsonObject = satisfies<Record<string, unknown>>(isObject, "expected an object");
