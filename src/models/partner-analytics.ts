import * as z from "zod/mini";
import { withCrossFieldRules } from "../core/cross-field-rules.js";
import { maxString, oneOf, partnerIdentity, requirePartner } from "./schema-helpers.js";

/** How `partners.analytics` groups its data points. */
export type PartnerAnalyticsGroupBy = "count" | "timeseries" | "top_links";

/** Query of `partners.analytics` (`GET /partners/analytics`). Give `partnerId` or `tenantId`. */
export interface RetrievePartnerAnalyticsQuery {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId?: string | null;
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId?: string | null;
  /** The interval to retrieve analytics for. If undefined, defaults to 24h. */
  interval?: "24h" | "7d" | "30d" | "90d" | "1y" | "mtd" | "qtd" | "ytd" | "all";
  /** The start date and time when to retrieve analytics from. If set, takes precedence over `interval`. */
  start?: string;
  /** The end date and time when to retrieve analytics from. If not provided, defaults to the current date. If set along with `start`, takes precedence over `interval`. */
  end?: string;
  /** The IANA time zone code for aligning timeseries granularity (e.g. `America/New_York`). Defaults to UTC. */
  timezone?: string;
  /** Search the events by a custom metadata value (at most 10,000 characters). Only available for lead and sale events. Example: `metadata['key']:'value'`. */
  query?: string;
  /**
   * The parameter to group the analytics data points by: `count` (totals, the default),
   * `timeseries` (one data point per time bucket) or `top_links` (one per link). It decides the
   * shape of the result, and is always sent so that the shape never depends on a server default.
   */
  groupBy?: PartnerAnalyticsGroupBy;
}

/** The partner's totals over the interval (`groupBy: "count"`). */
export interface PartnerAnalyticsCount {
  /** The total number of clicks. */
  clicks: number;
  /** The total number of leads. */
  leads: number;
  /** The total number of sales. */
  sales: number;
  /** The total amount of sales, in cents. */
  saleAmount: number;
  /** The partner's earnings (commissions on sales), in cents. */
  earnings: number;
}

/** One time bucket of the partner's analytics (`groupBy: "timeseries"`). */
export interface PartnerAnalyticsTimeseries {
  /** The starting timestamp of the interval. */
  start: string;
  /** The number of clicks in the interval. */
  clicks: number;
  /** The number of leads in the interval. */
  leads: number;
  /** The number of sales in the interval. */
  sales: number;
  /** The total amount of sales in the interval, in cents. */
  saleAmount: number;
  /** The partner's earnings in the interval, in cents. */
  earnings: number;
}

/** One of the partner's links with its analytics (`groupBy: "top_links"`). */
export interface PartnerAnalyticsTopLinks {
  /** @deprecated The unique ID of the short link: use `id`. Optional here, so its removal never breaks parsing. */
  link?: string;
  /** The unique ID of the short link. */
  id: string;
  /** The domain of the short link. */
  domain: string;
  /** The key of the short link. */
  key: string;
  /** The short link URL. */
  shortLink: string;
  /** The destination URL of the short link. */
  url: string;
  /** The custom link preview title (og:title). */
  title?: string | null;
  /** The comments of the short link. */
  comments?: string | null;
  /** The ID of the folder that the link belongs to (if applicable). */
  folderId?: string | null;
  /** The ID of the partner that the link belongs to (if applicable). */
  partnerId?: string | null;
  /** The creation timestamp of the short link. */
  createdAt: string;
  /** The number of clicks from this link. */
  clicks: number;
  /** The number of leads from this link. */
  leads: number;
  /** The number of sales from this link. */
  sales: number;
  /** The total amount of sales from this link, in cents. */
  saleAmount: number;
  /** The partner's earnings from this link, in cents. */
  earnings: number;
}

/**
 * What `partners.analytics` resolves with, as the official SDK types it: the totals object
 * (`groupBy: "count"`), or an array of time buckets or of links. The overloads of
 * `partners.analytics` narrow it to one member when `groupBy` is a literal.
 */
export type PartnerAnalyticsResult = PartnerAnalyticsCount | PartnerAnalyticsTimeseries[] | PartnerAnalyticsTopLinks[];

const GROUP_BY = ["count", "timeseries", "top_links"] as const;

/** Request schema of `partners.analytics`; its wire form always carries `groupBy` (see {@link withGroupBy}). */
export const retrievePartnerAnalyticsQuerySchema = withCrossFieldRules(
    z.strictObject({
      ...partnerIdentity,
      interval: z.optional(oneOf(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"])),
      start: z.optional(z.string()),
      end: z.optional(z.string()),
      timezone: z.optional(z.string()),
      query: z.optional(maxString(10_000)),
      groupBy: z.optional(oneOf(GROUP_BY)),
    }),
    requirePartner,
  ) satisfies z.ZodMiniType<RetrievePartnerAnalyticsQuery, RetrievePartnerAnalyticsQuery>;

/** The wire query: `groupBy` is always sent (`count` by default), so the shape of the answer never rests on a server default. */
export function withGroupBy(query: RetrievePartnerAnalyticsQuery): RetrievePartnerAnalyticsQuery & { groupBy: PartnerAnalyticsGroupBy } {
  return { ...query, groupBy: query.groupBy ?? "count" };
}

const totals = { clicks: z.number(), leads: z.number(), sales: z.number(), saleAmount: z.number(), earnings: z.number() };

const countSchema = z.looseObject(totals);
const timeseriesSchema = z.looseObject({ start: z.string(), ...totals });
const topLinksSchema = z.looseObject({
  link: z.optional(z.string()),
  id: z.string(),
  domain: z.string(),
  key: z.string(),
  shortLink: z.string(),
  url: z.string(),
  title: z.optional(z.nullable(z.string())),
  comments: z.optional(z.nullable(z.string())),
  folderId: z.optional(z.nullable(z.string())),
  partnerId: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  ...totals,
});

/** Response schemas of the three shapes, by `groupBy`. */
const RESULT_SCHEMAS: Record<PartnerAnalyticsGroupBy, z.ZodMiniType> = {
  count: countSchema,
  timeseries: z.array(timeseriesSchema),
  top_links: z.array(topLinksSchema),
};

/**
 * The response schema of `partners.analytics`: the shape the request's `groupBy` implies, or
 * either of the other two shapes the spec allows for the 200 (its `anyOf`), so that a server that
 * answers another shape than asked is still read. When the body matches none, the issues reported
 * are those against the shape that was asked for.
 */
export function partnerAnalyticsResponseSchema(request: { groupBy: PartnerAnalyticsGroupBy }): z.ZodMiniType {
  const expected = RESULT_SCHEMAS[request.groupBy];
  const others = GROUP_BY.filter((g) => g !== request.groupBy).map((g) => RESULT_SCHEMAS[g]);
  return z.unknown().check(
    z.superRefine((body, ctx) => {
      const asked = expected.safeParse(body);
      if (asked.success || others.some((schema) => schema.safeParse(body).success)) return;
      for (const issue of asked.error.issues) ctx.addIssue({ ...issue, input: body } as never);
    }),
  );
}

/** The three data shapes, unwrapped. */
export const partnerAnalyticsDataSchemas = { count: countSchema, timeseries: timeseriesSchema, top_links: topLinksSchema };
