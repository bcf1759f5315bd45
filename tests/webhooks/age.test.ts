// The optional age check on createdAt, with a fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyWebhook } from "../../src/webhooks/index.js";
import { eventJson, hmac, rejection, SECRET } from "./helpers.js";

const HOUR = 3_600_000;
const createdAt = "2026-03-01T12:00:00.000Z";
const created = Date.parse(createdAt);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function delivery(fields: Record<string, unknown> = {}) {
  const body = eventJson({ createdAt, ...fields });
  return { body, headers: { "dub-signature": hmac(body) } };
}

describe("maxAgeMs", () => {
  it("is off by default: a delivery of any age verifies", async () => {
    vi.setSystemTime(created + 365 * 24 * HOUR);
    const { body, headers } = delivery();
    expect(await verifyWebhook(body, headers, SECRET)).toMatchObject({ createdAt });
  });

  it("accepts an event up to maxAgeMs old, and refuses it 1 ms later with too_old, keeping the body", async () => {
    const { body, headers } = delivery();
    vi.setSystemTime(created + 72 * HOUR);
    expect(await verifyWebhook(body, headers, { secret: SECRET, maxAgeMs: 72 * HOUR })).toMatchObject({ id: "evt_1a2b3c" });
    vi.setSystemTime(created + 72 * HOUR + 1);
    const error = await rejection(verifyWebhook(body, headers, { secret: SECRET, maxAgeMs: 72 * HOUR }), "too_old");
    expect(error.message).toMatch(/Event evt_1a2b3c is older than maxAgeMs/);
    expect(error.message).toMatch(/Answer 2XX to stop retries/);
    expect(error.body).toBe(body);
  });

  it("accepts an event dated ahead of this machine's clock (clock skew)", async () => {
    vi.setSystemTime(created - 10 * 60_000);
    const { body, headers } = delivery();
    expect(await verifyWebhook(body, headers, { secret: SECRET, maxAgeMs: HOUR })).toMatchObject({ createdAt });
  });

  it("refuses an event whose createdAt is not a date when maxAgeMs is set, and accepts it when not", async () => {
    vi.setSystemTime(created);
    const { body, headers } = delivery({ createdAt: "yesterday" });
    await rejection(verifyWebhook(body, headers, { secret: SECRET, maxAgeMs: HOUR }), "too_old");
    expect(await verifyWebhook(body, headers, SECRET)).toMatchObject({ createdAt: "yesterday" });
  });

  it("checks the signature before the age: a forged old event is a mismatch, not too_old", async () => {
    vi.setSystemTime(created + 100 * HOUR);
    const { body } = delivery();
    await rejection(verifyWebhook(body, { "dub-signature": hmac("other") }, { secret: SECRET, maxAgeMs: HOUR }), "signature_mismatch");
  });
});
