import * as z from "zod/mini";
import { type LinkProps, linkPropsSchema } from "./link-props.js";
import { legacyProgramId, maxString, optionalNullable } from "./schema-helpers.js";

/**
 * The spec gives `email` both a `pattern` (the one the server applies) and `format: email`; an
 * address must pass both. This is the pattern with each domain label also ending in a letter or
 * digit, as `format: email` (RFC 5321 host names) requires: `kim@acme-.com` matches the pattern
 * alone and is refused.
 */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
/** A 2-letter ISO 3166-1 country code, upper case as the server's list has them. */
const COUNTRY = /^[A-Z]{2}$/;

/** Body of `partners.create` (`POST /partners`). Only `email` is required. */
export interface CreatePartnerRequestBody {
  /** The partner's email address (at most 190 characters, trimmed). The partner is created or updated by this email. */
  email: string;
  /** The partner's full name (at most 100 characters, trimmed). Defaults to the email. */
  name?: string | null;
  /** The partner's unique username in your system (at most 100 characters); used for their default short link. */
  username?: string | null;
  /** The partner's avatar image URL. */
  image?: string | null;
  /** The partner's unique ID in your system, for retrieving their links and stats later. */
  tenantId?: string;
  /** The group to add the partner to. Defaults to the program's default group. */
  groupId?: string;
  /** The partner's country of residence as a 2-letter ISO 3166-1 code (`"US"`). */
  country?: string | null;
  /** A brief description of the partner (at most 5,000 characters). */
  description?: string | null;
  /** Properties of the partner's short link, overriding the program's defaults. */
  linkProps?: LinkProps;
  /** @deprecated Ignored: the program comes from the API key. Accepted so code written from older docs keeps working; never sent. */
  programId?: string;
  /** @deprecated Ignored, as `programId`. */
  program_id?: string;
}

/** Request schema of `partners.create`; its wire form drops the legacy program fields. */
export const createPartnerRequestSchema = z.strictObject({
    email: z.string().check(z.trim(), z.maxLength(190), z.regex(EMAIL, "must be a valid email address")),
    name: optionalNullable(z.string().check(z.trim(), z.maxLength(100))),
    username: optionalNullable(maxString(100)),
    image: optionalNullable(z.string()),
    tenantId: z.optional(z.string()),
    groupId: z.optional(z.string()),
    country: optionalNullable(z.string().check(z.regex(COUNTRY, "must be a 2-letter ISO 3166-1 country code in upper case"))),
    description: optionalNullable(maxString(5000)),
    linkProps: z.optional(linkPropsSchema),
    ...legacyProgramId,
}) satisfies z.ZodMiniType<CreatePartnerRequestBody, CreatePartnerRequestBody>;
