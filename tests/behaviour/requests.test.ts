import { describe, expect, it } from "vitest";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { TOKEN, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

describe.each(TRANSPORTS)("requests as they reach the server ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("partners.create sends POST /partners with the bearer token and the validated JSON body", async () => {
    const partner = examplePartner({ tenantId: "user_42" });
    ctx.script.reply({ status: 201, body: partner });
    const result = await ctx.harness.client().partners.create({
      email: "  kim@example.com ",
      name: "Kim Lee",
      tenantId: "user_42",
      country: "US",
      linkProps: { externalId: "ext-1", tagIds: ["tag_1", "tag_2"] },
    });
    expect(result).toEqual(partner);
    expect(ctx.script.received).toHaveLength(1);
    const [request] = ctx.script.received;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/partners");
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.accept).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({
      email: "kim@example.com",
      name: "Kim Lee",
      tenantId: "user_42",
      country: "US",
      linkProps: { externalId: "ext-1", tagIds: ["tag_1", "tag_2"] },
    });
  });

  it("partners.createLink sends POST /partners/links and returns the parsed link", async () => {
    const link = exampleLink({ key: "summer", url: "https://acme.com/pricing" });
    ctx.script.reply({ status: 201, body: link });
    const result = await ctx.harness.client().partners.createLink({ partnerId: "pn_1", url: "https://acme.com/pricing", key: "summer", comments: null });
    expect(result).toEqual(link);
    expect(ctx.script.received[0]!.method).toBe("POST");
    expect(ctx.script.received[0]!.path).toBe("/partners/links");
    expect(ctx.script.bodies()[0]).toEqual({ partnerId: "pn_1", url: "https://acme.com/pricing", key: "summer", comments: null });
  });

  it("partners.upsertLink sends PUT /partners/links/upsert", async () => {
    ctx.script.reply({ status: 200, body: exampleLink() });
    await ctx.harness.client().partners.upsertLink({ tenantId: "user_42", url: "https://acme.com" });
    expect(ctx.script.received[0]!.method).toBe("PUT");
    expect(ctx.script.received[0]!.path).toBe("/partners/links/upsert");
    expect(ctx.script.bodies()[0]).toEqual({ tenantId: "user_42", url: "https://acme.com" });
  });

  it("accepts the legacy program_id / programId of older docs and does not send them", async () => {
    ctx.script.reply({ status: 201, body: examplePartner() }, { status: 201, body: exampleLink() });
    const dub = ctx.harness.client();
    await dub.partners.create({ email: "kim@example.com", program_id: "prog_1" });
    await dub.partners.createLink({ partnerId: "pn_1", programId: "prog_1" });
    expect(ctx.script.bodies()).toEqual([{ email: "kim@example.com" }, { partnerId: "pn_1" }]);
  });

  it("adds per-call headers and lets the token come from a function", async () => {
    ctx.script.reply({ status: 201, body: exampleLink() });
    let calls = 0;
    const dub = ctx.harness.client({
      token: async () => {
        calls++;
        return "dub_rotated_token";
      },
    });
    await dub.partners.createLink({ partnerId: "pn_1" }, { headers: { "X-Trace-Id": "abc", "User-Agent": "my-app/2.0" } });
    expect(calls).toBe(1);
    expect(ctx.script.received[0]!.headers.authorization).toBe("Bearer dub_rotated_token");
    expect(ctx.script.received[0]!.headers["x-trace-id"]).toBe("abc");
    expect(ctx.script.received[0]!.headers["user-agent"]).toBe("my-app/2.0");
  });

  it("keeps fields the API adds later and enum values it does not know yet", async () => {
    const partner = { ...examplePartner({ defaultPayoutMethod: "wise", status: "paused" }), loyaltyTier: "gold" };
    const link = { ...exampleLink({ tags: [{ id: "t1", name: "vip", color: "teal" }] }), newField: { nested: true } };
    ctx.script.reply({ status: 201, body: partner }, { status: 201, body: link });
    const dub = ctx.harness.client();
    expect(await dub.partners.create({ email: "kim@example.com" })).toEqual(partner);
    expect(await dub.partners.createLink({ partnerId: "pn_1" })).toEqual(link);
  });

  it("sends requests to the path prefix of serverURL", async () => {
    ctx.script.reply({ status: 201, body: exampleLink() });
    await ctx.harness.client({ serverURL: `${ctx.harness.baseURL}/v1/` }).partners.createLink({ partnerId: "pn_1" });
    expect(ctx.script.received[0]!.path).toBe("/v1/partners/links");
  });
});
