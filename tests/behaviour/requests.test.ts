import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exampleLink, examplePartner } from "../../src/testing/fixtures.js";
import { Script } from "../helpers/script.js";
import { TOKEN, TRANSPORTS, type TransportHarness } from "../helpers/transports.js";

describe.each(TRANSPORTS)("requests as they reach the server ($name)", (transport) => {
  let script: Script;
  let harness: TransportHarness;
  beforeEach(async () => {
    script = new Script();
    harness = await transport.start(script.handler);
  });
  afterEach(() => harness.stop());

  it("partners.create sends POST /partners with the bearer token and the validated JSON body", async () => {
    const partner = examplePartner({ tenantId: "user_42" });
    script.reply({ status: 201, body: partner });
    const result = await harness.client().partners.create({
      email: "  kim@example.com ",
      name: "Kim Lee",
      tenantId: "user_42",
      country: "US",
      linkProps: { externalId: "ext-1", tagIds: ["tag_1", "tag_2"] },
    });
    expect(result).toEqual(partner);
    expect(script.received).toHaveLength(1);
    const [request] = script.received;
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
    script.reply({ status: 201, body: link });
    const result = await harness.client().partners.createLink({ partnerId: "pn_1", url: "https://acme.com/pricing", key: "summer", comments: null });
    expect(result).toEqual(link);
    expect(script.received[0]!.method).toBe("POST");
    expect(script.received[0]!.path).toBe("/partners/links");
    expect(script.bodies()[0]).toEqual({ partnerId: "pn_1", url: "https://acme.com/pricing", key: "summer", comments: null });
  });

  it("partners.upsertLink sends PUT /partners/links/upsert", async () => {
    script.reply({ status: 200, body: exampleLink() });
    await harness.client().partners.upsertLink({ tenantId: "user_42", url: "https://acme.com" });
    expect(script.received[0]!.method).toBe("PUT");
    expect(script.received[0]!.path).toBe("/partners/links/upsert");
    expect(script.bodies()[0]).toEqual({ tenantId: "user_42", url: "https://acme.com" });
  });

  it("accepts the legacy program_id / programId of older docs and does not send them", async () => {
    script.reply({ status: 201, body: examplePartner() }, { status: 201, body: exampleLink() });
    const dub = harness.client();
    await dub.partners.create({ email: "kim@example.com", program_id: "prog_1" });
    await dub.partners.createLink({ partnerId: "pn_1", programId: "prog_1" });
    expect(script.bodies()).toEqual([{ email: "kim@example.com" }, { partnerId: "pn_1" }]);
  });

  it("adds per-call headers and lets the token come from a function", async () => {
    script.reply({ status: 201, body: exampleLink() });
    let calls = 0;
    const dub = harness.client({
      token: async () => {
        calls++;
        return "dub_rotated_token";
      },
    });
    await dub.partners.createLink({ partnerId: "pn_1" }, { headers: { "X-Trace-Id": "abc", "User-Agent": "my-app/2.0" } });
    expect(calls).toBe(1);
    expect(script.received[0]!.headers.authorization).toBe("Bearer dub_rotated_token");
    expect(script.received[0]!.headers["x-trace-id"]).toBe("abc");
    expect(script.received[0]!.headers["user-agent"]).toBe("my-app/2.0");
  });

  it("keeps fields the API adds later and enum values it does not know yet", async () => {
    const partner = { ...examplePartner({ defaultPayoutMethod: "wise", status: "paused" }), loyaltyTier: "gold" };
    const link = { ...exampleLink({ tags: [{ id: "t1", name: "vip", color: "teal" }] }), newField: { nested: true } };
    script.reply({ status: 201, body: partner }, { status: 201, body: link });
    const dub = harness.client();
    expect(await dub.partners.create({ email: "kim@example.com" })).toEqual(partner);
    expect(await dub.partners.createLink({ partnerId: "pn_1" })).toEqual(link);
  });

  it("sends requests to the path prefix of serverURL", async () => {
    script.reply({ status: 201, body: exampleLink() });
    await harness.client({ serverURL: `${harness.baseURL}/v1/` }).partners.createLink({ partnerId: "pn_1" });
    expect(script.received[0]!.path).toBe("/v1/partners/links");
  });
});
