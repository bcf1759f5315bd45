import * as z from "zod/mini";
import type { TestVariant } from "./link-props.js";
import { type OpenEnum, openEnum, stringRecord } from "./schema-helpers.js";

/** A tag on a short link. */
export interface LinkTag {
  /** The unique ID of the tag. */
  id: string;
  /** The name of the tag. */
  name: string;
  /** The color of the tag. New colours parse as plain strings. */
  color: OpenEnum<"red" | "yellow" | "green" | "blue" | "purple" | "brown" | "gray" | "pink">;
}

/**
 * A short link, as `partners.createLink` and `partners.upsertLink` return it (the spec's
 * `LinkSchema`). Fields the API adds later are kept on the object; deprecated fields are
 * optional so that their removal does not break parsing.
 */
export interface LinkSchema {
  /** The unique ID of the short link. */
  id: string;
  /** The domain of the short link. If not provided, the primary domain for the workspace will be used (or `dub.sh` if the workspace has no domains). */
  domain: string;
  /** The short link slug. If not provided, a random 7-character slug will be generated. */
  key: string;
  /** The destination URL of the short link. */
  url: string;
  /** Whether to track conversions for the short link. */
  trackConversion: boolean;
  /** The ID of the link in your database. If set, it can be used to identify the link in future API requests (must be prefixed with 'ext_' when passed as a query parameter). This key is unique across your workspace. */
  externalId: string | null;
  /** The ID of the tenant that created the link inside your system. If set, it can be used to fetch all links for a tenant. */
  tenantId: string | null;
  /** The ID of the program the short link is associated with. */
  programId: string | null;
  /** The ID of the partner the short link is associated with. */
  partnerId: string | null;
  /** Whether the short link is archived. */
  archived: boolean;
  /** The date and time when the short link will expire in ISO-8601 format. */
  expiresAt: string | null;
  /** The URL to redirect to when the short link has expired. */
  expiredUrl: string | null;
  /** The date and time when the short link was disabled. When a short link is disabled, it will redirect to its domain's not found URL, and its stats will be excluded from your overall stats. */
  disabledAt: string | null;
  /** The password required to access the destination URL of the short link. */
  password: string | null;
  /** Whether the short link uses Custom Link Previews feature. */
  proxy: boolean;
  /** The title of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  title: string | null;
  /** The description of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  description: string | null;
  /** The image of the short link. Will be used for Custom Link Previews if `proxy` is true. */
  image: string | null;
  /** The custom link preview video (og:video). Will be used for Custom Link Previews if `proxy` is true. Learn more: https://d.to/og */
  video: string | null;
  /** Whether the short link uses link cloaking. */
  rewrite: boolean;
  /** Whether to allow search engines to index the short link. */
  doIndex: boolean;
  /** The iOS destination URL for the short link for iOS device targeting. */
  ios: string | null;
  /** The Android destination URL for the short link for Android device targeting. */
  android: string | null;
  /** Geo targeting information for the short link in JSON format `{[COUNTRY]: https://example.com }`. See https://d.to/geo for more information. */
  geo: Record<string, string> | null;
  /** Whether the short link's stats are publicly accessible. */
  publicStats: boolean;
  /** The tags assigned to the short link. */
  tags: LinkTag[] | null;
  /** The unique ID of the folder assigned to the short link. */
  folderId: string | null;
  /** The comments for the short link. */
  comments: string | null;
  /** The full URL of the short link, including the https protocol (e.g. `https://dub.sh/try`). */
  shortLink: string;
  /** The full URL of the QR code for the short link (e.g. `https://api.dub.co/qr?url=https://dub.sh/try`). */
  qrCode: string;
  /** The UTM source of the short link. */
  utm_source: string | null;
  /** The UTM medium of the short link. */
  utm_medium: string | null;
  /** The UTM campaign of the short link. */
  utm_campaign: string | null;
  /** The UTM term of the short link. */
  utm_term: string | null;
  /** The UTM content of the short link. */
  utm_content: string | null;
  /** An array of A/B test URLs and the percentage of traffic to send to each URL. */
  testVariants?: TestVariant[] | null;
  /** The date and time when the tests started. */
  testStartedAt?: string | null;
  /** The date and time when the tests were or will be completed. */
  testCompletedAt?: string | null;
  /** The user ID of the creator of the short link. */
  userId: string | null;
  /** The workspace ID of the short link. */
  workspaceId: string;
  /** The number of clicks on the short link. */
  clicks: number;
  /** The number of leads the short link has generated. */
  leads: number;
  /** The number of leads that converted to paying customers. */
  conversions: number;
  /** The total number of sales (includes recurring sales) generated by the short link. */
  sales: number;
  /** The total dollar value of sales (in cents) generated by the short link. */
  saleAmount: number;
  /** The date and time when the short link was last clicked. */
  lastClicked: string | null;
  /** The date and time when the short link was created. */
  createdAt: string;
  /** The date and time when the short link was last updated. */
  updatedAt: string;
  /** @deprecated Deprecated: Use `tags` instead. The unique ID of the tag assigned to the short link. */
  tagId?: string | null;
  /** @deprecated Deprecated: Use `workspaceId` instead. The project ID of the short link. */
  projectId?: string;
  /** @deprecated Deprecated: You can now enable link.clicked webhooks for all links in a workspace or folder without passing this field manually. An array of webhook IDs to trigger when the link is clicked. These webhooks will receive click event data. */
  webhookIds?: string[];
}

const linkTagSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  color: openEnum(["red", "yellow", "green", "blue", "purple", "brown", "gray", "pink"]),
});

const testVariantSchema = z.looseObject({ url: z.string(), percentage: z.number() });

/** Response schema of a link: required fields must be present, extra fields and new enum values pass. */
export const linkSchema: z.ZodMiniType<LinkSchema> = z.looseObject({
  id: z.string(),
  domain: z.string(),
  key: z.string(),
  url: z.string(),
  trackConversion: z.boolean(),
  externalId: z.nullable(z.string()),
  tenantId: z.nullable(z.string()),
  programId: z.nullable(z.string()),
  partnerId: z.nullable(z.string()),
  archived: z.boolean(),
  expiresAt: z.nullable(z.string()),
  expiredUrl: z.nullable(z.string()),
  disabledAt: z.nullable(z.string()),
  password: z.nullable(z.string()),
  proxy: z.boolean(),
  title: z.nullable(z.string()),
  description: z.nullable(z.string()),
  image: z.nullable(z.string()),
  video: z.nullable(z.string()),
  rewrite: z.boolean(),
  doIndex: z.boolean(),
  ios: z.nullable(z.string()),
  android: z.nullable(z.string()),
  geo: z.nullable(stringRecord),
  publicStats: z.boolean(),
  tags: z.nullable(z.array(linkTagSchema)),
  folderId: z.nullable(z.string()),
  comments: z.nullable(z.string()),
  shortLink: z.string(),
  qrCode: z.string(),
  utm_source: z.nullable(z.string()),
  utm_medium: z.nullable(z.string()),
  utm_campaign: z.nullable(z.string()),
  utm_term: z.nullable(z.string()),
  utm_content: z.nullable(z.string()),
  testVariants: z.optional(z.nullable(z.array(testVariantSchema))),
  testStartedAt: z.optional(z.nullable(z.string())),
  testCompletedAt: z.optional(z.nullable(z.string())),
  userId: z.nullable(z.string()),
  workspaceId: z.string(),
  clicks: z.number(),
  leads: z.number(),
  conversions: z.number(),
  sales: z.number(),
  saleAmount: z.number(),
  lastClicked: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  tagId: z.optional(z.nullable(z.string())),
  projectId: z.optional(z.string()),
  webhookIds: z.optional(z.array(z.string())),
});
