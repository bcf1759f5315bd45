import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

const START = Date.parse("2026-11-24T10:30:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "analytics", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;
let defaultLink: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = START - 3 * 86_400_000; // enrolled three days ago
  const res = await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim", tenantId: "user_42" });
  partnerId = res.json.id;
  defaultLink = res.json.links[0].id;
  clock = START;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

const analytics = (query: string) => call(url, "GET", `/partners/analytics?${query}`);

describe("GET /partners/analytics", () => {
  it("groupBy count (the default): the totals of the partner's links, zeros at first", async () => {
    const res = await analytics(`partnerId=${partnerId}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ clicks: 0, leads: 0, sales: 0, saleAmount: 0, earnings: 0 });
  });

  it("count adds up the stats of every link of the partner, found by tenantId too", async () => {
    const second = await call(url, "POST", "/partners/links", { partnerId, key: "summer" });
    fake.setLinkStats(defaultLink, { clicks: 40, leads: 4, sales: 2, saleAmount: 9800 });
    fake.setLinkStats(second.json.id, { clicks: 2, sales: 1, saleAmount: 100 });
    const res = await analytics("tenantId=user_42&groupBy=count&interval=30d");
    expect(res.json).toEqual({ clicks: 42, leads: 4, sales: 3, saleAmount: 9900, earnings: 0 });
  });

  it("groupBy top_links: one entry per link, most clicks first", async () => {
    const second = await call(url, "POST", "/partners/links", { partnerId, key: "summer", url: "https://acme.com/summer" });
    fake.setLinkStats(second.json.id, { clicks: 7 });
    const res = await analytics(`partnerId=${partnerId}&groupBy=top_links`);
    expect(res.json.map((l: { key: string }) => l.key)).toEqual(["summer", "kim"]);
    expect(res.json[0]).toMatchObject({
      link: second.json.id,
      id: second.json.id,
      domain: "acme.link",
      shortLink: "https://acme.link/summer",
      url: "https://acme.com/summer",
      partnerId,
      createdAt: "2026-11-24T10:30:00.000Z",
      clicks: 7,
      earnings: 0,
    });
  });

  it("groupBy timeseries: hourly buckets over the last 24h by default, a link's stats in the bucket of its creation", async () => {
    const link = await call(url, "POST", "/partners/links", { partnerId, key: "now" });
    fake.setLinkStats(link.json.id, { clicks: 5, leads: 1 });
    fake.setLinkStats(defaultLink, { clicks: 100 }); // created three days ago: outside the range
    const res = await analytics(`partnerId=${partnerId}&groupBy=timeseries`);
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(25);
    expect(res.json[0].start).toBe("2026-11-23T10:00:00.000Z");
    expect(res.json.at(-1)).toEqual({ start: "2026-11-24T10:00:00.000Z", clicks: 5, leads: 1, sales: 0, saleAmount: 0, earnings: 0 });
    expect(res.json.slice(0, -1).every((b: { clicks: number }) => b.clicks === 0)).toBe(true);
  });

  it("daily buckets for 7d, with the older link's stats on its day", async () => {
    fake.setLinkStats(defaultLink, { clicks: 3 });
    const res = await analytics(`partnerId=${partnerId}&groupBy=timeseries&interval=7d`);
    expect(res.json.map((b: { start: string }) => b.start.slice(0, 10))).toEqual([
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
    ]);
    expect(res.json.find((b: { start: string }) => b.start.startsWith("2026-11-21")).clicks).toBe(3);
  });

  it("start and end win over interval; monthly buckets for a long range", async () => {
    const days = await analytics(`partnerId=${partnerId}&groupBy=timeseries&interval=24h&start=2026-11-01&end=2026-11-10T00:00:00Z`);
    expect(days.json).toHaveLength(10);
    expect(days.json[0].start).toBe("2026-11-01T00:00:00.000Z");
    const months = await analytics(`partnerId=${partnerId}&groupBy=timeseries&interval=ytd`);
    expect(months.json.map((b: { start: string }) => b.start.slice(0, 7))).toEqual(
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("answers 400 without a partner, 404 for an unknown one", async () => {
    const none = await analytics("groupBy=count");
    expect(none.status).toBe(400);
    const unknown = await analytics("tenantId=nobody");
    expect(unknown.status).toBe(404);
  });

  it.each([
    ["groupBy=day", "groupBy"],
    ["interval=2d", "interval"],
    ["start=yesterday", "start"],
    ["start=2026-11-01&end=soon", "end"],
  ])("answers 422 for ?%s", async (query, field) => {
    const res = await analytics(`partnerId=${partnerId}&${query}`);
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain(`${field}:`);
  });

  it("answers 400 when start is after end", async () => {
    const res = await analytics(`partnerId=${partnerId}&start=2026-11-10&end=2026-11-01`);
    expect(res.status).toBe(400);
  });
});

describe("fake.setLinkStats", () => {
  it("refuses unknown links and values that are not non-negative numbers", async () => {
    expect(() => fake.setLinkStats("link_nope", { clicks: 1 })).toThrow(/no link/);
    expect(() => fake.setLinkStats(defaultLink, { clicks: -1 })).toThrow(RangeError);
    expect(() => fake.setLinkStats(defaultLink, { saleAmount: Number.NaN })).toThrow(RangeError);
    expect(fake.setLinkStats(defaultLink, { conversions: 2 })).toMatchObject({ id: defaultLink, conversions: 2, clicks: 0 });
    const partner = await call(url, "GET", `/partners?tenantId=user_42`);
    expect(partner.json[0]).toMatchObject({ totalConversions: 2 });
  });
});
