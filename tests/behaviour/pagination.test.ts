import { describe, expect, it } from "vitest";
import { APIPromise, type CreatePartnerResponseBody, InternalServerError } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { examplePartner } from "../../src/testing/fixtures.js";
import type { ReceivedRequest, Reply } from "../../src/testing/types.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

/** `n` distinct partners. */
const partners = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => examplePartner({ id: `pn_${from + i}`, partnerId: `pn_${from + i}`, email: `p${from + i}@example.com` }));

const queryOf = (request: ReceivedRequest) => Object.fromEntries(new URL(request.path, "http://x").searchParams);

/** A server holding `total` partners, answering each page as the real one does. */
function pagedServer(total: number) {
  const all = partners(total);
  return (request: ReceivedRequest): Reply => {
    const { page = "1", pageSize = "100" } = queryOf(request);
    const start = (Number(page) - 1) * Number(pageSize);
    return { status: 200, body: all.slice(start, start + Number(pageSize)) };
  };
}

describe.each(TRANSPORTS)("list pagination ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("await gives one page: one request, page 1 named in the query", async () => {
    ctx.script.fallback = { status: 200, body: [] };
    ctx.script.reply(pagedServer(250));
    const call = ctx.harness.client().partners.list({ pageSize: 100, status: "approved" });
    expect(call).toBeInstanceOf(APIPromise);
    const page = await call;
    expect(page).toHaveLength(100);
    expect(page[0]!.email).toBe("p0@example.com");
    expect(ctx.script.received).toHaveLength(1);
    expect(queryOf(ctx.script.received[0]!)).toEqual({ status: "approved", page: "1", pageSize: "100" });
  });

  it("withResponse() on a list gives the first page with its response", async () => {
    ctx.script.reply({ status: 200, headers: { "x-ratelimit-remaining": "9", "x-ratelimit-limit": "10" }, body: partners(3) });
    const { data, response } = await ctx.harness.client().partners.list().withResponse();
    expect(data).toHaveLength(3);
    expect(response.status).toBe(200);
    expect(response.rateLimit?.remaining).toBe(9);
    expect(response.url).toBe(`${ctx.harness.baseURL}/partners?page=1`);
  });

  it("for await over 250 partners with pageSize 100: 3 requests, 250 items, pages 1, 2, 3", async () => {
    const serve = pagedServer(250);
    ctx.script.reply(serve, serve, serve, serve);
    const seen: CreatePartnerResponseBody[] = [];
    for await (const partner of ctx.harness.client().partners.list({ pageSize: 100, sortBy: "createdAt", sortOrder: "asc" })) seen.push(partner);
    expect(seen).toHaveLength(250);
    expect(new Set(seen.map((p) => p.id)).size).toBe(250);
    expect(seen.at(-1)!.email).toBe("p249@example.com");
    expect(ctx.script.received.map(queryOf)).toEqual(
      [1, 2, 3].map((page) => ({ sortBy: "createdAt", sortOrder: "asc", page: String(page), pageSize: "100" })),
    );
  });

  it("without pageSize, pages of the server's default size (100) are followed too", async () => {
    const serve = pagedServer(150);
    ctx.script.reply(serve, serve, serve);
    let count = 0;
    for await (const _ of ctx.harness.client().partners.list()) count++;
    expect(count).toBe(150);
    expect(ctx.script.received.map((r) => queryOf(r).page)).toEqual(["1", "2"]);
  });

  it("stops on a short page", async () => {
    ctx.script.reply({ status: 200, body: partners(10) }, { status: 200, body: partners(4, 10) }, { status: 200, body: partners(10, 20) });
    const seen: string[] = [];
    for await (const partner of ctx.harness.client().partners.list({ pageSize: 10 })) seen.push(partner.id);
    expect(seen).toHaveLength(14);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("stops on an empty page", async () => {
    ctx.script.reply({ status: 200, body: partners(10) }, { status: 200, body: partners(10, 10) }, { status: 200, body: [] }, { status: 200, body: partners(1) });
    const pages: number[] = [];
    for await (const page of ctx.harness.client().partners.list({ pageSize: 10 }).pages()) pages.push(page.length);
    expect(pages).toEqual([10, 10]);
    expect(ctx.script.received.map((r) => queryOf(r).page)).toEqual(["1", "2", "3"]);
  });

  it("an empty first page: no items, one request", async () => {
    ctx.script.reply({ status: 200, body: [] });
    const seen: unknown[] = [];
    for await (const partner of ctx.harness.client().partners.list()) seen.push(partner);
    expect(seen).toEqual([]);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("iteration goes on from the requested page, and awaiting then iterating reuses the first page", async () => {
    ctx.script.reply({ status: 200, body: partners(5) }, { status: 200, body: partners(2, 5) });
    const list = ctx.harness.client().partners.list({ page: 3, pageSize: 5 });
    expect(await list).toHaveLength(5);
    const ids: string[] = [];
    for await (const partner of list) ids.push(partner.id);
    expect(ids).toEqual(["pn_0", "pn_1", "pn_2", "pn_3", "pn_4", "pn_5", "pn_6"]);
    expect(ctx.script.received.map((r) => queryOf(r).page)).toEqual(["3", "4"]);
  });

  it("pages are fetched as the loop needs them: breaking early sends no more requests", async () => {
    const serve = pagedServer(1000);
    ctx.script.reply(serve, serve, serve);
    let count = 0;
    for await (const _ of ctx.harness.client().partners.list({ pageSize: 100 })) if (++count === 150) break;
    expect(ctx.script.received).toHaveLength(2);
  });

  it("a failing page ends the loop with the typed error, after the items already yielded", async () => {
    ctx.script.reply(
      { status: 200, body: partners(10) },
      { status: 500, body: { error: { code: "internal_server_error", message: "boom" } } },
    );
    const dub = ctx.harness.client({ retryConfig: { strategy: "none" } });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const partner of dub.partners.list({ pageSize: 10 })) seen.push(partner.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(10);
  });

  it("partnerApplications.list pages the same way", async () => {
    const application = (i: number) => ({
      id: `pgapp_${i}`,
      createdAt: "2026-11-24T10:00:00.000Z",
      partner: { id: `pn_${i}`, name: "Ana", companyName: null, email: `a${i}@example.com`, image: null, country: "ES", status: "pending" },
      applicationFormData: [],
    });
    ctx.script.reply({ status: 200, body: [application(1), application(2)] }, { status: 200, body: [application(3)] });
    const ids: string[] = [];
    for await (const a of ctx.harness.client().partnerApplications.list({ pageSize: 2, country: "ES" })) ids.push(a.id);
    expect(ids).toEqual(["pgapp_1", "pgapp_2", "pgapp_3"]);
    expect(ctx.script.received.map(queryOf)).toEqual([
      { country: "ES", page: "1", pageSize: "2" },
      { country: "ES", page: "2", pageSize: "2" },
    ]);
  });
});

describe.each(TRANSPORTS)("list pagination against the fake Dub API ($name)", (transport) => {
  it("for await over 250 enrolled partners with pageSize 100: 3 requests, all 250, in order", async () => {
    const fake = createFakeDub({ seed: "pages" });
    for (let i = 0; i < 250; i++) {
      const body = JSON.stringify({ email: `p${String(i).padStart(3, "0")}@example.com` });
      await fake.handler({ method: "POST", path: "/partners", headers: { authorization: "Bearer dub_seed" }, body });
    }
    const harness = await transport.start(fake.handler);
    try {
      const emails: (string | null)[] = [];
      for await (const partner of harness.client().partners.list({ pageSize: 100 })) emails.push(partner.email);
      expect(emails).toEqual(Array.from({ length: 250 }, (_, i) => `p${String(i).padStart(3, "0")}@example.com`));
      const lists = fake.requests.filter((r) => r.method === "GET");
      expect(lists.map((r) => r.path)).toEqual(["/partners?page=1&pageSize=100", "/partners?page=2&pageSize=100", "/partners?page=3&pageSize=100"]);
    } finally {
      await harness.stop();
    }
  });
});
