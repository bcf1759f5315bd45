import * as z from "zod/mini";
import { maxString, optionalNullable, stringOrStrings } from "./schema-helpers.js";

/** An A/B test destination and the share of traffic it receives. */
export interface TestVariant {
  /** The destination URL of this variant. */
  url: string;
  /** Percentage of traffic sent to this variant, from 10 to 90. */
  percentage: number;
}

/**
 * Additional properties of a partner's short link, overriding the program's defaults for this
 * partner. Wire names as in the Dub API.
 */
export interface LinkProps {
  /** The ID of the link in your database (1 to 255 characters); unique across your workspace. */
  externalId?: string | null;
  /** The ID of the tenant that created the link inside your system (at most 255 characters). */
  tenantId?: string | null;
  /** Path prefix for each default referral link slug (e.g. `/c/` gives `https://{domain}/c/{identity}`). */
  prefix?: string;
  /** Whether the short link is archived. Server default `false`. */
  archived?: boolean;
  /** The unique IDs of the tags assigned to the short link. */
  tagIds?: string | string[];
  /** The unique names of the tags assigned to the short link (case insensitive). */
  tagNames?: string | string[];
  /** The comments for the short link. */
  comments?: string | null;
  /** When the short link expires (date-time string). */
  expiresAt?: string | null;
  /** Where the short link redirects once expired (at most 32,000 characters). */
  expiredUrl?: string | null;
  /** The password required to access the destination URL. */
  password?: string | null;
  /** Whether the short link uses Custom Link Previews. Server default `false`. */
  proxy?: boolean;
  /** Custom link preview title (og:title), used when `proxy` is true. */
  title?: string | null;
  /** Custom link preview description (og:description), used when `proxy` is true. */
  description?: string | null;
  /** Custom link preview image (og:image), used when `proxy` is true. */
  image?: string | null;
  /** Custom link preview video (og:video), used when `proxy` is true. */
  video?: string | null;
  /** Whether the short link uses link cloaking. Server default `false`. */
  rewrite?: boolean;
  /** iOS destination URL for device targeting (at most 32,000 characters). */
  ios?: string | null;
  /** Android destination URL for device targeting (at most 32,000 characters). */
  android?: string | null;
  /** Allow search engines to index the short link. Server default `false`. */
  doIndex?: boolean;
  /** A/B test URLs and the share of traffic each receives: 2 to 4 variants, each 10 to 90 percent. */
  testVariants?: TestVariant[] | null;
  /** When the A/B test started (date-time string). */
  testStartedAt?: string | null;
  /** When the A/B test was or will be completed (date-time string). */
  testCompletedAt?: string | null;
}

const testVariantSchema = z.strictObject({
  url: z.string(),
  percentage: z.number().check(z.gte(10), z.lte(90)),
});

/** Request schema of `linkProps`, with every constraint of the spec. */
export const linkPropsSchema: z.ZodMiniType<LinkProps, LinkProps> = z.strictObject({
  externalId: optionalNullable(z.string().check(z.minLength(1), z.maxLength(255))),
  tenantId: optionalNullable(maxString(255)),
  prefix: z.optional(z.string()),
  archived: z.optional(z.boolean()),
  tagIds: z.optional(stringOrStrings),
  tagNames: z.optional(stringOrStrings),
  comments: optionalNullable(z.string()),
  expiresAt: optionalNullable(z.string()),
  expiredUrl: optionalNullable(maxString(32_000)),
  password: optionalNullable(z.string()),
  proxy: z.optional(z.boolean()),
  title: optionalNullable(z.string()),
  description: optionalNullable(z.string()),
  image: optionalNullable(z.string()),
  video: optionalNullable(z.string()),
  rewrite: z.optional(z.boolean()),
  ios: optionalNullable(maxString(32_000)),
  android: optionalNullable(maxString(32_000)),
  doIndex: z.optional(z.boolean()),
  testVariants: optionalNullable(z.array(testVariantSchema).check(z.minLength(2), z.maxLength(4))),
  testStartedAt: optionalNullable(z.string()),
  testCompletedAt: optionalNullable(z.string()),
});
