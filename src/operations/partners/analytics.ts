import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation, type OutputOfArgument, withOutputOfArgument } from "../../core/operation.js";
import { maxString, oneOf, responseObject } from "../../core/schema.js";
import { partnerIdentity, requirePartner } from "../../models/partner-identity.js";
import { linkIdentityFields } from "../../models/link-identity.js";

const GROUP_BY = ["count", "timeseries", "top_links"] as const;

/**
 * How `partners.analytics` groups its data points.
 *
 * @useDeclaredType
 */
export type PartnerAnalyticsGroupBy = (typeof GROUP_BY)[number];

/** Request schema of `partners.analytics`; its wire form always carries `groupBy` (see {@link withGroupBy}). */
const retrievePartnerAnalyticsQuerySchema = withCrossFieldRules(
  z.strictObject({
    ...partnerIdentity,
    /** The interval to retrieve analytics for. If undefined, defaults to 24h. */
    interval: z.optional(oneOf(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"])),
    /** The start date and time when to retrieve analytics from. If set, takes precedence over `interval`. */
    start: z.optional(z.string()),
    /** The end date and time when to retrieve analytics from. If not provided, defaults to the current date. If set along with `start`, takes precedence over `interval`. */
    end: z.optional(z.string()),
    /** The IANA time zone code for aligning timeseries granularity (e.g. `America/New_York`). Defaults to UTC. */
    timezone: z.optional(z.string()),
    /** Search the events by a custom metadata value (at most 10,000 characters). Only available for lead and sale events. Example: `metadata['key']:'value'`. */
    query: z.optional(maxString(10_000)),
    /**
     * The parameter to group the analytics data points by: `count` (totals, the default),
     * `timeseries` (one data point per time bucket) or `top_links` (one per link). It decides the
     * shape of the result, and is always sent so that the shape never depends on a server default.
     */
    groupBy: z.optional(oneOf(GROUP_BY)),
  }),
  requirePartner,
);

/** Query of `partners.analytics` (`GET /partners/analytics`). Give `partnerId` or `tenantId`. */
export type RetrievePartnerAnalyticsQuery = z.input<typeof retrievePartnerAnalyticsQuerySchema>;

/** The wire query: `groupBy` is always sent (`count` by default), so the shape of the answer never rests on a server default. */
function withGroupBy(query: RetrievePartnerAnalyticsQuery): RetrievePartnerAnalyticsQuery & { groupBy: PartnerAnalyticsGroupBy } {
  return { ...query, groupBy: query.groupBy ?? "count" };
}

/** The figures every shape carries. */
const totals = {
  /** The number of clicks. */
  clicks: z.number(),
  /** The number of leads. */
  leads: z.number(),
  /** The number of sales. */
  sales: z.number(),
  /** The total amount of sales, in cents. */
  saleAmount: z.number(),
  /** The partner's earnings (commissions on sales), in cents. */
  earnings: z.number(),
};

const countSchema = responseObject(totals);

/** The partner's totals over the interval (`groupBy: "count"`). */
export type PartnerAnalyticsCount = z.output<typeof countSchema>;

const timeseriesSchema = responseObject({
  /** The starting timestamp of the interval. */
  start: z.string(),
  ...totals,
});

/** One time bucket of the partner's analytics (`groupBy: "timeseries"`). */
export type PartnerAnalyticsTimeseries = z.output<typeof timeseriesSchema>;

const topLinksSchema = responseObject({
  /** @deprecated The unique ID of the short link: use `id`. Optional here, so its removal never breaks parsing. */
  link: z.optional(z.string()),
  ...linkIdentityFields,
  /** The custom link preview title (og:title). */
  title: z.optional(z.nullable(z.string())),
  /** The comments of the short link. */
  comments: z.optional(z.nullable(z.string())),
  /** The ID of the folder that the link belongs to (if applicable). */
  folderId: z.optional(z.nullable(z.string())),
  /** The ID of the partner that the link belongs to (if applicable). */
  partnerId: z.optional(z.nullable(z.string())),
  /** The creation timestamp of the short link. */
  createdAt: z.string(),
  ...totals,
});

/** One of the partner's links with its analytics (`groupBy: "top_links"`). */
export type PartnerAnalyticsTopLinks = z.output<typeof topLinksSchema>;

/**
 * What `partners.analytics` resolves with, as the official SDK types it: the totals object
 * (`groupBy: "count"`), or an array of time buckets or of links. The method narrows it to one
 * member when `groupBy` is a literal.
 */
export type PartnerAnalyticsResult = PartnerAnalyticsCount | PartnerAnalyticsTimeseries[] | PartnerAnalyticsTopLinks[];

/**
 * The result's type for a query type: by a literal `groupBy` (`count` when there is none), else the union.
 *
 * @inline
 */
type AnalyticsResultOf<Query> = Query extends { readonly groupBy: infer GroupBy }
  ? [GroupBy] extends ["timeseries"]
    ? PartnerAnalyticsTimeseries[]
    : [GroupBy] extends ["top_links"]
      ? PartnerAnalyticsTopLinks[]
      : [GroupBy] extends ["count" | undefined]
        ? PartnerAnalyticsCount
        : PartnerAnalyticsResult
  : PartnerAnalyticsCount;

/** @internal The result type of `partners.analytics` as a function of its query's type. */
export interface AnalyticsOutput extends OutputOfArgument {
  readonly output: AnalyticsResultOf<this["argument"]>;
}

const timeseriesArray = z.array(timeseriesSchema);
const topLinksArray = z.array(topLinksSchema);

/**
 * The response schema of `partners.analytics`, for the body that arrived: any of the three
 * shapes the spec allows for the 200 (its `anyOf`) is read, whatever `groupBy` asked for, so that
 * a server that answers another shape than asked is still understood. An object is the totals; an
 * array is of links when its items have an `id` (or a `shortLink`), else of time buckets. A body
 * that fails is reported against the shape it looks like.
 */
function analyticsResponseSchema(_query: unknown, body: unknown): z.ZodMiniType<PartnerAnalyticsResult> {
  if (!Array.isArray(body)) return countSchema;
  const first: unknown = body[0];
  return typeof first === "object" && first !== null && ("id" in first || "shortLink" in first) ? topLinksArray : timeseriesArray;
}

/** @internal The three data shapes, one item each (for the contract tests). */
export const partnerAnalyticsDataSchemas = { count: countSchema, timeseries: timeseriesSchema, top_links: topLinksSchema };

export default {
  /**
   * Returns the partner's analytics, as the official SDK does: the totals object for `count`
   * (the default), an array with one data point per time bucket for `timeseries`, or one per link
   * for `top_links`. With a literal `groupBy` the result type is narrowed already. Safe to retry.
   *
   * @example
   * ```ts
   * const totals = await dub.partners.analytics({ partnerId, interval: "30d" });
   * const days = await dub.partners.analytics({ partnerId, interval: "7d", groupBy: "timeseries" });
   * console.log(totals.clicks, days.map((d) => d.clicks));
   * ```
   */
  analytics: withOutputOfArgument<AnalyticsOutput>()(
    defineOperation({
      operationId: "retrievePartnerAnalytics",
      http: "GET /partners/analytics",
      argument: "query",
      request: retrievePartnerAnalyticsQuerySchema,
      toWire: withGroupBy,
      response: analyticsResponseSchema,
      idempotent: true,
    }),
  ),
};
