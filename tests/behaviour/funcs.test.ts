import { describe, expect, it } from "vitest";
import { DubCore, partnerApplicationsList, partnersAnalytics, partnersCreate, partnersCreateLink, partnersList, partnersUpsertLink } from "../../src/funcs/index.js";
import { Conflict, Dub } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { undiciOverHttp } from "../helpers/transports.js";

describe("standalone functions (dub-partners/funcs)", () => {
  it("do with a DubCore what the methods do with a Dub, against the same fake", async () => {
    const fake = createFakeDub();
    const harness = await undiciOverHttp.start(fake.handler);
    const core = new DubCore({ token: "dub_funcs", serverURL: harness.baseURL });
    try {
      const partner = await partnersCreate(core, { email: "kim@example.com", tenantId: "user_1" });
      const link = await partnersCreateLink(core, { partnerId: partner.id, key: "kim", url: "https://acme.com/kim" });
      const again = await partnersUpsertLink(core, { partnerId: partner.id, url: link.url });
      expect(again.id).toBe(link.id);
      await expect(partnersCreateLink(core, { partnerId: partner.id, key: "kim" })).rejects.toBeInstanceOf(Conflict);
      const page = await partnersList(core, { pageSize: 10 });
      expect(page.map((p) => p.id)).toEqual([partner.id]);
      const totals = await partnersAnalytics(core, { partnerId: partner.id, groupBy: "count" });
      expect(totals.clicks).toBe(0);
      expect(await partnerApplicationsList(core)).toEqual([]);
      // A Dub is a DubCore: the functions take either.
      const dub = new Dub({ token: "dub_funcs", serverURL: harness.baseURL });
      expect((await partnersCreate(dub, { email: "kim@example.com" })).id).toBe(partner.id);
      await dub.close();
      expect(core.rateLimit).toBeUndefined();
      expect(String(Object.keys(core))).toBe("");
    } finally {
      await core.close();
      await harness.stop();
    }
  });

  it("refuse anything that is not a client", async () => {
    expect(() => partnersCreate({} as DubCore, { email: "kim@example.com" })).toThrow(TypeError);
  });
});
