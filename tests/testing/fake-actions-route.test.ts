import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

let clock = Date.parse("2026-11-24T10:00:00.000Z");
const fake = createFakeDub({ seed: "actions", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;

beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
beforeEach(async () => {
  clock = Date.parse("2026-11-24T10:00:00.000Z");
  const res = await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim", tenantId: "user_42" });
  partnerId = res.json.id;
  await call(url, "POST", "/partners/links", { partnerId, key: "summer" });
  clock += 60_000;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

const partner = () => fake.partners().find((p) => p.id === partnerId)!;

describe("POST /partners/ban", () => {
  it("bans the partner (200 { partnerId }): status, date, reason, rewards cleared, every link disabled", async () => {
    const res = await call(url, "POST", "/partners/ban", { partnerId, reason: "fake_traffic" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ partnerId });
    expect(partner()).toMatchObject({
      status: "banned",
      bannedAt: "2026-11-24T10:01:00.000Z",
      bannedReason: "fake_traffic",
      clickRewardId: null,
      leadRewardId: null,
      saleRewardId: null,
      discountId: null,
    });
    expect(fake.links().map((l) => l.disabledAt)).toEqual(["2026-11-24T10:01:00.000Z", "2026-11-24T10:01:00.000Z"]);
    const listed = await call(url, "GET", "/partners?status=banned");
    expect(listed.json).toEqual([expect.objectContaining({ id: partnerId, bannedReason: "fake_traffic" })]);
  });

  it("names the partner by tenantId too", async () => {
    const res = await call(url, "POST", "/partners/ban", { tenantId: "user_42", reason: "spam" });
    expect(res.json).toEqual({ partnerId });
    expect(partner().status).toBe("banned");
  });

  it("answers 400 to a second ban, keeping the first one's date and reason", async () => {
    await call(url, "POST", "/partners/ban", { partnerId, reason: "fraud" });
    clock += 60_000;
    const again = await call(url, "POST", "/partners/ban", { partnerId, reason: "spam" });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatchObject({ code: "bad_request", message: "This partner is already banned from your program." });
    expect(partner()).toMatchObject({ bannedReason: "fraud", bannedAt: "2026-11-24T10:01:00.000Z" });
  });

  it("answers 400 for an applicant (not approved yet), 404 for an unknown partner, 400 unnamed, 422 for a bad reason", async () => {
    const applicant = fake.seedApplication({ email: "new@example.com" });
    const pending = await call(url, "POST", "/partners/ban", { partnerId: applicant.id, reason: "fraud" });
    expect(pending.status).toBe(400);
    expect(pending.json.error.message).toBe("This partner is not approved yet to be banned.");
    expect((await call(url, "POST", "/partners/ban", { partnerId: "pn_nope", reason: "fraud" })).status).toBe(404);
    expect((await call(url, "POST", "/partners/ban", { tenantId: "nobody", reason: "fraud" })).status).toBe(404);
    expect((await call(url, "POST", "/partners/ban", { reason: "fraud" })).status).toBe(400);
    const badReason = await call(url, "POST", "/partners/ban", { partnerId, reason: "other" });
    expect(badReason.status).toBe(422);
    expect(badReason.json.error.message).toContain("reason:");
    const noReason = await call(url, "POST", "/partners/ban", { partnerId });
    expect(noReason.status).toBe(422);
    expect(partner().status).toBe("approved");
  });
});

describe("POST /partners/deactivate", () => {
  it("deactivates the partner (200 { partnerId }) and disables their links", async () => {
    const res = await call(url, "POST", "/partners/deactivate", { tenantId: "user_42" });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ partnerId });
    expect(partner().status).toBe("deactivated");
    expect(fake.links().every((l) => l.disabledAt === "2026-11-24T10:01:00.000Z")).toBe(true);
  });

  it("answers 400 unless the partner is approved or archived (a second deactivation, a banned partner, an applicant)", async () => {
    await call(url, "POST", "/partners/deactivate", { partnerId });
    const again = await call(url, "POST", "/partners/deactivate", { partnerId });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toContain('The partner\'s status in this program is "deactivated".');

    const other = await call(url, "POST", "/partners", { email: "bo@example.com" });
    await call(url, "POST", "/partners/ban", { partnerId: other.json.id, reason: "spam" });
    expect((await call(url, "POST", "/partners/deactivate", { partnerId: other.json.id })).status).toBe(400);

    const applicant = fake.seedApplication({ email: "new@example.com" });
    expect((await call(url, "POST", "/partners/deactivate", { partnerId: applicant.id })).status).toBe(400);
  });

  it("answers 404 for an unknown partner and 400 when none is named", async () => {
    expect((await call(url, "POST", "/partners/deactivate", { partnerId: "pn_nope" })).status).toBe(404);
    expect((await call(url, "POST", "/partners/deactivate", {})).status).toBe(400);
  });
});
