import * as z from "zod/mini";
import { maxString, optionalNullable, stringOrStrings } from "../core/schema.js";

/** An A/B test destination and the share of traffic it receives. */
const testVariantSchema = z.strictObject({
  /** The destination URL of this variant. */
  url: z.string(),
  /** Percentage of traffic sent to this variant, from 10 to 90. */
  percentage: z.number().check(z.gte(10), z.lte(90)),
});

/** An A/B test destination and the share of traffic it receives. */
export type TestVariant = z.input<typeof testVariantSchema>;

/** Request schema of `linkProps`, with every constraint of the spec. */
export const linkPropsSchema = z.strictObject({
  /** The ID of the link in your database (1 to 255 characters); unique across your workspace. */
  externalId: optionalNullable(z.string().check(z.minLength(1), z.maxLength(255))),
  /** The ID of the tenant that created the link inside your system (at most 255 characters). */
  tenantId: optionalNullable(maxString(255)),
  /** Path prefix for each default referral link slug (e.g. `/c/` gives `https://{domain}/c/{identity}`). */
  prefix: z.optional(z.string()),
  /** Whether the short link is archived. Server default `false`. */
  archived: z.optional(z.boolean()),
  /** The unique IDs of the tags assigned to the short link. */
  tagIds: z.optional(stringOrStrings),
  /** The unique names of the tags assigned to the short link (case insensitive). */
  tagNames: z.optional(stringOrStrings),
  /** The comments for the short link. */
  comments: optionalNullable(z.string()),
  /** When the short link expires (date-time string). */
  expiresAt: optionalNullable(z.string()),
  /** Where the short link redirects once expired (at most 32,000 characters). */
  expiredUrl: optionalNullable(maxString(32_000)),
  /** The password required to access the destination URL. */
  password: optionalNullable(z.string()),
  /** Whether the short link uses Custom Link Previews. Server default `false`. */
  proxy: z.optional(z.boolean()),
  /** Custom link preview title (og:title), used when `proxy` is true. */
  title: optionalNullable(z.string()),
  /** Custom link preview description (og:description), used when `proxy` is true. */
  description: optionalNullable(z.string()),
  /** Custom link preview image (og:image), used when `proxy` is true. */
  image: optionalNullable(z.string()),
  /** Custom link preview video (og:video), used when `proxy` is true. */
  video: optionalNullable(z.string()),
  /** Whether the short link uses link cloaking. Server default `false`. */
  rewrite: z.optional(z.boolean()),
  /** iOS destination URL for device targeting (at most 32,000 characters). */
  ios: optionalNullable(maxString(32_000)),
  /** Android destination URL for device targeting (at most 32,000 characters). */
  android: optionalNullable(maxString(32_000)),
  /** Allow search engines to index the short link. Server default `false`. */
  doIndex: z.optional(z.boolean()),
  /** A/B test URLs and the share of traffic each receives: 2 to 4 variants, each 10 to 90 percent. */
  testVariants: optionalNullable(z.array(testVariantSchema).check(z.minLength(2), z.maxLength(4))),
  /** When the A/B test started (date-time string). */
  testStartedAt: optionalNullable(z.string()),
  /** When the A/B test was or will be completed (date-time string). */
  testCompletedAt: optionalNullable(z.string()),
});

/**
 * Additional properties of a partner's short link, overriding the program's defaults for this
 * partner. Wire names as in the Dub API.
 */
export type LinkProps = z.input<typeof linkPropsSchema>;
