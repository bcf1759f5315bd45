import { describe, expect, it } from "vitest";
import { APIPromise, NotFound } from "../../src/index.js";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const limits = (remaining: number) => ({ "x-ratelimit-limit": "60", "x-ratelimit-remaining": String(remaining), "x-ratelimit-reset": String(Date.now() + 30_000) });

describe.each(TRANSPORTS)("raw response access and rate-limit awareness ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("withResponse() gives the typed data with status, headers and rate-limit figures", async () => {
    ctx.script.reply({ status: 201, headers: { ...limits(59), "x-extra": "yes" }, body: examplePartner() });
    const call = ctx.harness.client().partners.create({ email: "kim@example.com" });
    expect(call).toBeInstanceOf(APIPromise);
    expect(call).toBeInstanceOf(Promise);
    const { data, response } = await call.withResponse();
    expect(data).toEqual(examplePartner());
    expect(response.status).toBe(201);
    expect(response.headers["x-extra"]).toBe("yes");
    expect(response.rateLimit).toMatchObject({ limit: 60, remaining: 59 });
    expect(response.request).toBe("POST /partners");
    expect(response.url).toBe(`${ctx.harness.baseURL}/partners`);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("awaiting and withResponse() on the same call share one request", async () => {
    ctx.script.reply({ status: 201, body: exampleLink() });
    const call = ctx.harness.client().partners.createLink({ partnerId: "pn_1" });
    const [data, { data: same }] = await Promise.all([call, call.withResponse()]);
    expect(same).toBe(data);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("then, catch and finally behave as on any promise", async () => {
    ctx.script.reply({ status: 404, body: { error: { code: "not_found", message: "Partner not found" } } });
    let finallyRan = false;
    const caught = await ctx.harness
      .client()
      .partners.createLink({ partnerId: "pn_x" })
      .catch((e: unknown) => e)
      .finally(() => {
        finallyRan = true;
      });
    expect(caught).toBeInstanceOf(NotFound);
    expect(finallyRan).toBe(true);
    ctx.script.reply({ status: 404, body: { error: { code: "not_found", message: "nope" } } });
    await expect(ctx.harness.client().partners.createLink({ partnerId: "pn_x" }).withResponse()).rejects.toBeInstanceOf(NotFound);
  });

  it("dub.rateLimit holds the latest figures from any response, errors included", async () => {
    const dub = ctx.harness.client();
    expect(dub.rateLimit).toBeUndefined();
    ctx.script.reply(
      { status: 201, headers: limits(10), body: exampleLink() },
      { status: 201, body: exampleLink() },
      { status: 404, headers: limits(8), body: { error: { code: "not_found", message: "nope" } } },
    );
    await dub.partners.createLink({ partnerId: "pn_1" });
    expect(dub.rateLimit?.remaining).toBe(10);
    await dub.partners.createLink({ partnerId: "pn_1" }); // no headers: the figures stay
    expect(dub.rateLimit?.remaining).toBe(10);
    await dub.partners.createLink({ partnerId: "pn_1" }).catch(() => {});
    expect(dub.rateLimit).toMatchObject({ limit: 60, remaining: 8 });
    expect(dub.rateLimit?.resetAt).toBeInstanceOf(Date);
  });
});
