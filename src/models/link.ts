import * as z from "zod/mini";
import { openEnum, responseObject, stringRecord } from "../core/schema.js";

/** A tag on a short link, as the API returns it. */
export const linkTagSchema = responseObject({
  /** The unique ID of the tag. */
  id: z.string(),
  /** The name of the tag. */
  name: z.string(),
  /** The color of the tag. New colours parse as plain strings. */
  color: openEnum<"red" | "yellow" | "green" | "blue" | "purple" | "brown" | "gray" | "pink">(),
});

/** A tag on a short link. */
export type LinkTag = z.output<typeof linkTagSchema>;

/** An A/B test destination of a link, as the API returns it. */
const testVariantSchema = responseObject({
  /** The destination URL of this variant. */
  url: z.string(),
  /** Percentage of traffic sent to this variant. */
  percentage: z.number(),
});

/**
 * Response schema of a link (the spec's `LinkSchema`): required fields must be present; fields
 * and enum values the API adds later pass, and stay on the object the call returns.
 */
export const linkSchema = responseObject({
  /** The unique ID of the short link. */
  id: z.string(),
  /** The domain of the short link. If not provided, the primary domain for the workspace will be used (or `dub.sh` if the workspace has no domains). */
  domain: z.string(),
  /** The short link slug. If not provided, a random 7-character slug will be generated. */
  key: z.string(),
  /** The destination URL of the short link. */
  url: z.string(),
  /** Whether to track conversions for the short link. */
  trackConversion: z.boolean(),
  /** The ID of the link in your database. If set, it can be used to identify the link in future API requests (must be prefixed with 'ext_' when passed as a query parameter). This key is unique across your workspace. */
  externalId: z.nullable(z.string()),
  /** The ID of the tenant that created the link inside your system. If set, it can be used to fetch all links for a tenant. */
  tenantId: z.nullable(z.string()),
  /** The ID of the program the short link is associated with. */
  programId: z.nullable(z.string()),
  /** The ID of the partner the short link is associated with. */
  partnerId: z.nullable(z.string()),
  /** Whether the short link is archived. */
  archived: z.boolean(),
  /** The date and time when the short link will expire in ISO-8601 format. */
  expiresAt: z.nullable(z.string()),
  /** The URL to redirect to when the short link has expired. */
  expiredUrl: z.nullable(z.string()),
  /** The date and time when the short link was disabled. When a short link is disabled, it will redirect to its domain's not found URL, and its stats will be excluded from your overall stats. */
  disabledAt: z.nullable(z.string()),
  /** The password required to access the destination URL of the short link. */
  password: z.nullable(z.string()),
  /** Whether the short link uses Custom Link Previews feature. */
  proxy: z.boolean(),
  /** The title of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  title: z.nullable(z.string()),
  /** The description of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  description: z.nullable(z.string()),
  /** The image of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  image: z.nullable(z.string()),
  /** The custom link preview video (og:video). Will be used for Custom Link Previews if `proxy` is true. Learn more: https://d.to/og */
  video: z.nullable(z.string()),
  /** Whether the short link uses link cloaking. */
  rewrite: z.boolean(),
  /** Whether to allow search engines to index the short link. */
  doIndex: z.boolean(),
  /** The iOS destination URL for the short link for iOS device targeting. */
  ios: z.nullable(z.string()),
  /** The Android destination URL for the short link for Android device targeting. */
  android: z.nullable(z.string()),
  /** Geo targeting information for the short link in JSON format `{[COUNTRY]: https://example.com }`. See https://d.to/geo for more information. */
  geo: z.nullable(stringRecord),
  /** Whether the short link's stats are publicly accessible. */
  publicStats: z.boolean(),
  /** The tags assigned to the short link. */
  tags: z.nullable(z.array(linkTagSchema)),
  /** The unique ID of the folder assigned to the short link. */
  folderId: z.nullable(z.string()),
  /** The comments for the short link. */
  comments: z.nullable(z.string()),
  /** The full URL of the short link, including the https protocol (e.g. `https://dub.sh/try`). */
  shortLink: z.string(),
  /** The full URL of the QR code for the short link (e.g. `https://api.dub.co/qr?url=https://dub.sh/try`). */
  qrCode: z.string(),
  /** The UTM source of the short link. */
  utm_source: z.nullable(z.string()),
  /** The UTM medium of the short link. */
  utm_medium: z.nullable(z.string()),
  /** The UTM campaign of the short link. */
  utm_campaign: z.nullable(z.string()),
  /** The UTM term of the short link. */
  utm_term: z.nullable(z.string()),
  /** The UTM content of the short link. */
  utm_content: z.nullable(z.string()),
  /** An array of A/B test URLs and the percentage of traffic to send to each URL. */
  testVariants: z.optional(z.nullable(z.array(testVariantSchema))),
  /** The date and time when the tests started. */
  testStartedAt: z.optional(z.nullable(z.string())),
  /** The date and time when the tests were or will be completed. */
  testCompletedAt: z.optional(z.nullable(z.string())),
  /** The user ID of the creator of the short link. */
  userId: z.nullable(z.string()),
  /** The workspace ID of the short link. */
  workspaceId: z.string(),
  /** The number of clicks on the short link. */
  clicks: z.number(),
  /** The number of leads the short link has generated. */
  leads: z.number(),
  /** The number of leads that converted to paying customers. */
  conversions: z.number(),
  /** The total number of sales (includes recurring sales) generated by the short link. */
  sales: z.number(),
  /** The total dollar value of sales (in cents) generated by the short link. */
  saleAmount: z.number(),
  /** The date and time when the short link was last clicked. */
  lastClicked: z.nullable(z.string()),
  /** The date and time when the short link was created. */
  createdAt: z.string(),
  /** The date and time when the short link was last updated. */
  updatedAt: z.string(),
  /** @deprecated Deprecated: Use `tags` instead. The unique ID of the tag assigned to the short link. */
  tagId: z.optional(z.nullable(z.string())),
  /** @deprecated Deprecated: Use `workspaceId` instead. The project ID of the short link. */
  projectId: z.optional(z.string()),
  /** @deprecated Deprecated: You can now enable link.clicked webhooks for all links in a workspace or folder without passing this field manually. An array of webhook IDs to trigger when the link is clicked. These webhooks will receive click event data. */
  webhookIds: z.optional(z.array(z.string())),
});

/**
 * A short link, as `partners.createLink` and `partners.upsertLink` return it (the spec's
 * `LinkSchema`). Fields the API adds later are kept on the object; deprecated fields are
 * optional so that their removal does not break parsing.
 */
export type LinkSchema = z.output<typeof linkSchema>;
