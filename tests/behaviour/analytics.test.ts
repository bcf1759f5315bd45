import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  APIPromise,
  PartnerAnalyticsCount,
  PartnerAnalyticsGroupBy,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
} from "../../src/index.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const COUNT = { clicks: 12, leads: 3, sales: 1, saleAmount: 4900, earnings: 980 };
const BUCKET = { start: "2026-11-24T00:00:00.000Z", clicks: 12, leads: 3, sales: 1, saleAmount: 4900, earnings: 980 };
const TOP_LINK = {
  link: "link_1",
  id: "link_1",
  domain: "acme.link",
  key: "kim",
  shortLink: "https://acme.link/kim",
  url: "https://acme.com",
  title: null,
  comments: null,
  folderId: null,
  partnerId: "pn_1",
  createdAt: "2026-11-24T10:00:00.000Z",
  clicks: 12,
  leads: 3,
  sales: 1,
  saleAmount: 4900,
  earnings: 980,
};

describe.each(TRANSPORTS)("partners.analytics: the result follows groupBy ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const groupByOf = () => new URL(ctx.script.received.at(-1)!.path, "http://x").searchParams.get("groupBy");

  it("count by default: totals, with groupBy sent", async () => {
    ctx.script.reply({ status: 200, body: COUNT });
    const result = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", interval: "30d" });
    expect(result).toEqual({ groupBy: "count", data: COUNT });
    expect(groupByOf()).toBe("count");
    expect(result.data.clicks).toBe(12); // no narrowing needed: the overload knows it is count
  });

  it("timeseries: an array of buckets", async () => {
    ctx.script.reply({ status: 200, body: [BUCKET, { ...BUCKET, start: "2026-11-25T00:00:00.000Z" }] });
    const result = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy: "timeseries" });
    expect(result.groupBy).toBe("timeseries");
    expect(result.data.map((b) => b.start)).toEqual(["2026-11-24T00:00:00.000Z", "2026-11-25T00:00:00.000Z"]);
    expect(groupByOf()).toBe("timeseries");
  });

  it("top_links: an array of links", async () => {
    ctx.script.reply({ status: 200, body: [TOP_LINK] });
    const result = await ctx.harness.client().partners.analytics({ tenantId: "user_42", groupBy: "top_links" });
    expect(result).toEqual({ groupBy: "top_links", data: [TOP_LINK] });
  });

  it("a groupBy known only at run time gives the union, narrowed by a switch", async () => {
    ctx.script.reply({ status: 200, body: [BUCKET] });
    const groupBy = ["timeseries"][0] as PartnerAnalyticsGroupBy;
    const result = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy });
    let buckets = 0;
    switch (result.groupBy) {
      case "count":
        expectTypeOf(result.data).toEqualTypeOf<PartnerAnalyticsCount>();
        break;
      case "timeseries":
        expectTypeOf(result.data).toEqualTypeOf<PartnerAnalyticsTimeseries[]>();
        buckets = result.data.length;
        break;
      case "top_links":
        expectTypeOf(result.data).toEqualTypeOf<PartnerAnalyticsTopLinks[]>();
        break;
    }
    expect(buckets).toBe(1);
  });

  it("withResponse() keeps the narrowed type", async () => {
    ctx.script.reply({ status: 200, body: [TOP_LINK] });
    const { data, response } = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy: "top_links" }).withResponse();
    expect(response.status).toBe(200);
    expect(data.data[0]!.shortLink).toBe("https://acme.link/kim");
  });
});

describe("partners.analytics: compile-time narrowing", () => {
  type Client = import("../../src/index.js").Dub;
  type Analytics = Client["partners"]["analytics"];

  it("each literal groupBy selects its result type", () => {
    const analytics = (() => undefined) as unknown as Analytics;
    // Only types are checked here (by tsc); the calls are never made.
    const typesOnly = () => {
      expectTypeOf(analytics({ partnerId: "pn_1" })).toEqualTypeOf<APIPromise<{ groupBy: "count"; data: PartnerAnalyticsCount }>>();
      expectTypeOf(analytics({ partnerId: "pn_1", groupBy: "count" })).toEqualTypeOf<APIPromise<{ groupBy: "count"; data: PartnerAnalyticsCount }>>();
      expectTypeOf(analytics({ partnerId: "pn_1", groupBy: "timeseries" })).toEqualTypeOf<
        APIPromise<{ groupBy: "timeseries"; data: PartnerAnalyticsTimeseries[] }>
      >();
      expectTypeOf(analytics({ partnerId: "pn_1", groupBy: "top_links" })).toEqualTypeOf<
        APIPromise<{ groupBy: "top_links"; data: PartnerAnalyticsTopLinks[] }>
      >();
      const groupBy: PartnerAnalyticsGroupBy = "count";
      expectTypeOf(analytics({ partnerId: "pn_1", groupBy: groupBy as PartnerAnalyticsGroupBy })).toEqualTypeOf<APIPromise<PartnerAnalyticsResult>>();
      // @ts-expect-error groupBy is a closed enum
      analytics({ partnerId: "pn_1", groupBy: "daily" });
      // @ts-expect-error the query is required: the partner must be named
      analytics();
    };
    expect(typesOnly).toBeTypeOf("function");
  });

  it("the members of PartnerAnalyticsResult are discriminated by groupBy", () => {
    expectTypeOf<Extract<PartnerAnalyticsResult, { groupBy: "timeseries" }>["data"]>().toEqualTypeOf<PartnerAnalyticsTimeseries[]>();
    expectTypeOf<Extract<PartnerAnalyticsResult, { groupBy: "count" }>["data"]>().toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf<PartnerAnalyticsResult["groupBy"]>().toEqualTypeOf<PartnerAnalyticsGroupBy>();
  });
});
