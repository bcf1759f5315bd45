import type { LinkSchema } from "../../../models/link.js";
import type {
  PartnerAnalyticsCount,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
  RetrievePartnerAnalyticsQuery,
} from "../../../operations/partners/analytics.js";
import { FakeApiError } from "../api-error.js";
import { findPartner } from "../link-records.js";
import { requirePartnerNamed } from "./create-link.js";
import type { Route } from "./context.js";

type Granularity = "hour" | "day" | "month";

const HOUR = 3_600_000;
/** A bound on the buckets of one answer, so that an absurd `start` cannot make the fake build a huge body. */
const MAX_BUCKETS = 10_000;
const DAY = 24 * HOUR;

/** The start of the UTC hour, day or month holding `t`. */
function floorTo(t: number, unit: Granularity): number {
  const d = new Date(t);
  if (unit === "hour") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  if (unit === "day") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextBucket(t: number, unit: Granularity): number {
  if (unit === "hour") return t + HOUR;
  if (unit === "day") return t + DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function parseDate(value: string, name: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new FakeApiError("unprocessable_entity", `${name}: must be a valid date`);
  return t;
}

/**
 * The time range and bucket size of a query, as the server derives them: `start`/`end` win over
 * `interval` (default `24h`); hourly buckets for a day, daily up to 90 days, monthly beyond.
 */
function rangeOf(input: RetrievePartnerAnalyticsQuery, now: number, links: readonly LinkSchema[]): { start: number; end: number; unit: Granularity } {
  if (input.start !== undefined) {
    const start = parseDate(input.start, "start");
    const end = input.end === undefined ? now : parseDate(input.end, "end");
    if (start > end) throw new FakeApiError("bad_request", "The start date cannot be after the end date.");
    const span = end - start;
    return { start, end, unit: span <= 2 * DAY ? "hour" : span <= 90 * DAY ? "day" : "month" };
  }
  const today = new Date(now);
  const [year, month] = [today.getUTCFullYear(), today.getUTCMonth()];
  switch (input.interval ?? "24h") {
    case "24h":
      return { start: now - DAY, end: now, unit: "hour" };
    case "7d":
      return { start: now - 7 * DAY, end: now, unit: "day" };
    case "30d":
      return { start: now - 30 * DAY, end: now, unit: "day" };
    case "90d":
      return { start: now - 90 * DAY, end: now, unit: "day" };
    case "mtd":
      return { start: Date.UTC(year, month, 1), end: now, unit: "day" };
    case "qtd":
      return { start: Date.UTC(year, month - (month % 3), 1), end: now, unit: "day" };
    case "1y":
      return { start: now - 365 * DAY, end: now, unit: "month" };
    case "ytd":
      return { start: Date.UTC(year, 0, 1), end: now, unit: "month" };
    case "all": {
      const first = Math.min(now, ...links.map((l) => Date.parse(l.createdAt)));
      return { start: first, end: now, unit: "month" };
    }
  }
}

function totalsOf(links: readonly LinkSchema[]): PartnerAnalyticsCount {
  const sum = (field: "clicks" | "leads" | "sales" | "saleAmount") => links.reduce((total, link) => total + link[field], 0);
  return { clicks: sum("clicks"), leads: sum("leads"), sales: sum("sales"), saleAmount: sum("saleAmount"), earnings: 0 };
}

/**
 * `GET /partners/analytics` (200), derived from the partner's stored links (their `clicks`,
 * `leads`, `sales` and `saleAmount`, which `fake.setLinkStats` sets). The fake keeps totals, not
 * events: `count` is the sum over the links and `top_links` one entry per link (most clicks
 * first), whatever the interval; `timeseries` has one bucket per hour, day or month of the range,
 * each link's totals in the bucket of its creation time and zeros elsewhere. No commissions are
 * modelled, so `earnings` is 0. 400 without `partnerId`/`tenantId`, 404 for an unknown partner,
 * 422 for an invalid query or date.
 */
export const analyticsRoute: Route<"retrievePartnerAnalytics"> = (ctx, query) => {
  // The server's default grouping is `count`.
  const input = { ...requirePartnerNamed(query), groupBy: query.groupBy ?? "count" };
  const partner = findPartner(ctx.state, input);
  const links = ctx.state.linksOf(partner.id);
  const { start, end, unit } = rangeOf(input, ctx.now, links);
  if (input.groupBy === "count") return { status: 200, body: totalsOf(links) };
  if (input.groupBy === "top_links") {
    const top: PartnerAnalyticsTopLinks[] = [...links]
      .sort((a, b) => b.clicks - a.clicks)
      .map((l) => ({
        link: l.id,
        id: l.id,
        domain: l.domain,
        key: l.key,
        shortLink: l.shortLink,
        url: l.url,
        title: l.title,
        comments: l.comments,
        folderId: l.folderId,
        partnerId: l.partnerId,
        createdAt: l.createdAt,
        ...totalsOf([l]),
      }));
    return { status: 200, body: top };
  }
  const series: PartnerAnalyticsTimeseries[] = [];
  for (let t = floorTo(start, unit); t <= end; t = nextBucket(t, unit)) {
    const next = nextBucket(t, unit);
    const inBucket = links.filter((l) => {
      const created = Date.parse(l.createdAt);
      return created >= Math.max(t, start) && created < next && created <= end;
    });
    series.push({ start: new Date(t).toISOString(), ...totalsOf(inBucket) });
    if (series.length > MAX_BUCKETS) throw new FakeApiError("bad_request", "The date range is too large for this granularity.");
  }
  return { status: 200, body: series };
};
