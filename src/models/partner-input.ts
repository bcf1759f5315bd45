import * as z from "zod/mini";
import { maxString, optionalNullable } from "../core/schema.js";
import { isEmail } from "./email.js";
import { linkPropsSchema } from "./link-props.js";

/** A 2-letter ISO 3166-1 country code, upper case as the server's list has them. */
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The fields of a partner to create and enroll, as `partners.create` takes them and
 * `embedTokens.referrals` takes them in `partner` (the server reads both with the same schema).
 */
export const partnerInputFields = {
  /** The partner's email address (at most 190 characters, trimmed). The partner is created or updated by this email. */
  email: z.string().check(z.trim(), z.maxLength(190), isEmail),
  /** The partner's full name (at most 100 characters, trimmed). Defaults to the email. */
  name: optionalNullable(z.string().check(z.trim(), z.maxLength(100))),
  /** The partner's unique username in your system (at most 100 characters); used for their default short link. */
  username: optionalNullable(maxString(100)),
  /** The partner's avatar image URL. */
  image: optionalNullable(z.string()),
  /** The partner's unique ID in your system, for retrieving their links and stats later. */
  tenantId: z.optional(z.string()),
  /** The group to add the partner to. Defaults to the program's default group. */
  groupId: z.optional(z.string()),
  /** The partner's country of residence as a 2-letter ISO 3166-1 code (`"US"`). */
  country: optionalNullable(z.string().check(z.regex(COUNTRY, "must be a 2-letter ISO 3166-1 country code in upper case"))),
  /** A brief description of the partner (at most 5,000 characters). */
  description: optionalNullable(maxString(5000)),
  /** Properties of the partner's short link, overriding the program's defaults. */
  linkProps: z.optional(linkPropsSchema),
};
