import { describe, expect, it } from "vitest";
import { type PartnerAnalyticsGroupBy, ResponseValidationError } from "../../src/index.js";
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

describe.each(TRANSPORTS)("partners.analytics: the shape follows groupBy, as the official SDK returns it ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const groupByOf = () => new URL(ctx.script.received.at(-1)!.path, "http://x").searchParams.get("groupBy");

  it("count by default: the totals object, with groupBy sent", async () => {
    ctx.script.reply({ status: 200, body: COUNT });
    const totals = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", interval: "30d" });
    expect(totals).toEqual(COUNT);
    expect(groupByOf()).toBe("count");
    expect(totals.clicks).toBe(12); // no narrowing needed: the overload knows it is count
  });

  it("timeseries: an array of buckets", async () => {
    ctx.script.reply({ status: 200, body: [BUCKET, { ...BUCKET, start: "2026-11-25T00:00:00.000Z" }] });
    const buckets = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy: "timeseries" });
    expect(buckets.map((b) => b.start)).toEqual(["2026-11-24T00:00:00.000Z", "2026-11-25T00:00:00.000Z"]);
    expect(groupByOf()).toBe("timeseries");
  });

  it("top_links: an array of links", async () => {
    ctx.script.reply({ status: 200, body: [TOP_LINK] });
    const links = await ctx.harness.client().partners.analytics({ tenantId: "user_42", groupBy: "top_links" });
    expect(links).toEqual([TOP_LINK]);
    expect(groupByOf()).toBe("top_links");
  });

  it("a groupBy known only at run time gives the union, told apart at run time", async () => {
    ctx.script.reply({ status: 200, body: [BUCKET] });
    const groupBy = ["timeseries"][0] as PartnerAnalyticsGroupBy;
    const result = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy });
    expect(Array.isArray(result) ? result.length : -1).toBe(1);
  });

  it.each([
    ["count", [BUCKET]],
    ["timeseries", COUNT],
    ["timeseries", [TOP_LINK]],
    ["top_links", COUNT],
  ] as const)("asked for %s, a spec-valid body of another shape is still returned as sent", async (groupBy, body) => {
    ctx.script.reply({ status: 200, body });
    const result: unknown = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy });
    expect(result).toEqual(body);
  });

  it("a body of none of the three shapes is a ResponseValidationError naming the fields of the shape asked for", async () => {
    ctx.script.reply({ status: 200, body: { clicks: "many" } });
    const error = await ctx.harness
      .client()
      .partners.analytics({ partnerId: "pn_1" })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const paths = (error as ResponseValidationError).issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["clicks", "leads", "earnings"]));
    expect((error as ResponseValidationError).body).toBe(JSON.stringify({ clicks: "many" }));
  });

  it("withResponse() keeps the narrowed type", async () => {
    ctx.script.reply({ status: 200, body: [TOP_LINK] });
    const { data, response } = await ctx.harness.client().partners.analytics({ partnerId: "pn_1", groupBy: "top_links" }).withResponse();
    expect(response.status).toBe(200);
    expect(data[0]!.shortLink).toBe("https://acme.link/kim");
  });
});
