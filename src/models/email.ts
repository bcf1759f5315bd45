import * as z from "zod/mini";

/**
 * The spec gives email fields both a `pattern` (the one the server applies) and `format: email`;
 * an address must pass both. This is the pattern with each domain label also ending in a letter or
 * digit, as `format: email` (RFC 5321 host names) requires: `kim@acme-.com` matches the pattern
 * alone and is refused.
 */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** The email check of every email field of a request. */
export const isEmail = z.regex(EMAIL, "must be a valid email address");

/** An email address of at most `max` characters (the spec's bound), when the spec gives one. */
/* @__NO_SIDE_EFFECTS__ */
export function emailString(max?: number) {
  return max === undefined ? z.string().check(isEmail) : z.string().check(z.maxLength(max), isEmail);
}
