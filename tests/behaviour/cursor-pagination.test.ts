/**
 * The lists that page by cursor (`customers.list`, `commissions.list`): iteration asks for the
 * page after the last item (`startingAfter`), except when sorted by another field than
 * `createdAt`, which the server refuses to walk by cursor: then it goes on by page number. Checked
 * on the requests as sent, and end to end against the fake with more than two pages.
 */
import { describe, expect, it } from "vitest";
import { Dub } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { inProcessFetch } from "../helpers/in-process-fetch.js";
import { responseSchema, sampleFromSchema } from "../contract/spec.js";

/** A spec-valid item of the list at `url`, with this ID. */
function itemAt(url: URL, id: string): object {
  const operationId = url.pathname === "/commissions" ? "listCommissions" : "getCustomers";
  return { ...(sampleFromSchema(responseSchema(operationId, "200")) as object[])[0], id };
}

/** A client whose every request is recorded and answered with two full pages of `pageSize` items, then an empty one. */
function pagedClient(pageSize: number) {
  const urls: URL[] = [];
  const fetch = async (url: string) => {
    const at = new URL(url);
    urls.push(at);
    const start = (urls.length - 1) * pageSize;
    const items = urls.length > 2 ? [] : Array.from({ length: pageSize }, (_, i) => itemAt(at, `cus_${start + i}`));
    return new Response(JSON.stringify(items), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { dub: new Dub({ token: "dub_test", serverURL: "https://api.dub.test", fetch, retryConfig: { strategy: "none" } }), urls };
}

describe("the page after a full page", () => {
  it("in the createdAt order (the default): the cursor after the last item, no page number", async () => {
    const { dub, urls } = pagedClient(2);
    const ids: string[] = [];
    for await (const customer of dub.customers.list({ pageSize: 2, sortOrder: "asc" })) ids.push(customer.id);
    expect(ids).toEqual(["cus_0", "cus_1", "cus_2", "cus_3"]);
    expect(urls.map((u) => Object.fromEntries(u.searchParams))).toEqual([
      { sortOrder: "asc", pageSize: "2" },
      { sortOrder: "asc", pageSize: "2", startingAfter: "cus_1" },
      { sortOrder: "asc", pageSize: "2", startingAfter: "cus_3" },
    ]);
  });

  it("from a deprecated page number: on by cursor, the page number dropped", async () => {
    const { dub, urls } = pagedClient(2);
    for await (const _ of dub.customers.list({ page: 4, pageSize: 2 })) void _;
    expect(urls[1]!.searchParams.get("page")).toBeNull();
    expect(urls[1]!.searchParams.get("startingAfter")).toBe("cus_1");
  });

  it.each([
    ["customers.list by saleAmount", (dub: Dub) => dub.customers.list({ sortBy: "saleAmount", pageSize: 2 })],
    ["commissions.list by amount", (dub: Dub) => dub.commissions.list({ sortBy: "amount", pageSize: 2 })],
  ] as const)("%s: on by page number, never a cursor", async (_name, list) => {
    const { dub, urls } = pagedClient(2);
    let count = 0;
    for await (const _ of list(dub)) count++;
    expect(count).toBe(4);
    expect(urls.map((u) => u.searchParams.get("page"))).toEqual([null, "2", "3"]);
    expect(urls.some((u) => u.searchParams.has("startingAfter"))).toBe(false);
  });
});

describe("against the fake: every customer once, in order, across pages", () => {
  const fake = createFakeDub({ seed: "cursor" });
  const dub = new Dub({ token: "dub_test", serverURL: "https://api.dub.test", fetch: inProcessFetch(fake.handler), retryConfig: { strategy: "none" } });

  it("250 customers, by cursor (createdAt) and by page number (saleAmount)", async () => {
    const partner = await dub.partners.create({ email: "kim@example.com", username: "kim" });
    const linkId = fake.links().find((l) => l.partnerId === partner.id)!.id;
    for (let i = 0; i < 250; i++) {
      const { clickId } = fake.recordClick({ linkId });
      await dub.track.lead({ clickId, eventName: "Sign up", customerExternalId: `user_${String(i).padStart(3, "0")}` });
      if (i % 3 === 0) await dub.track.sale({ customerExternalId: `user_${String(i).padStart(3, "0")}`, amount: 100 + i, invoiceId: `in_${i}` });
    }
    const newestFirst: string[] = [];
    for await (const customer of dub.customers.list({ pageSize: 100 })) newestFirst.push(customer.externalId);
    expect(newestFirst).toHaveLength(250);
    expect(newestFirst).toEqual([...newestFirst].sort().reverse());

    const oldestFirst: string[] = [];
    for await (const customer of dub.customers.list({ pageSize: 70, sortOrder: "asc" })) oldestFirst.push(customer.externalId);
    expect(oldestFirst).toEqual([...newestFirst].reverse());

    const byAmount: number[] = [];
    for await (const customer of dub.customers.list({ pageSize: 40, sortBy: "saleAmount" })) byAmount.push(customer.saleAmount ?? 0);
    expect(byAmount).toHaveLength(250);
    expect(byAmount).toEqual([...byAmount].sort((a, b) => b - a));

    const commissions: string[] = [];
    for await (const commission of dub.commissions.list({ pageSize: 30, sortBy: "amount", sortOrder: "asc" })) commissions.push(commission.id);
    expect(new Set(commissions).size).toBe(84);
  });
});
