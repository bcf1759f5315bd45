// signWebhook and generateTestWebhook, for users' own tests: the signature Dub would send,
// checked against Node's createHmac, and a delivery that verifies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateTestWebhook, signWebhook, verifyWebhook } from "../../src/webhooks/index.js";
import { eventJson, hmac, OTHER_SECRET, rejection, SECRET } from "./helpers.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("signWebhook", () => {
  it("gives the lower-case hex HMAC-SHA256 of the bytes, keyed with the whole secret, as createHmac does", async () => {
    const body = eventJson({ data: { name: "Zoë 🎉" } });
    expect(await signWebhook(body, SECRET)).toBe(hmac(body));
    expect(await signWebhook(Buffer.from(body), SECRET)).toBe(hmac(body));
    expect(await signWebhook(new TextEncoder().encode(body).buffer, OTHER_SECRET)).toBe(hmac(body, OTHER_SECRET));
    expect(await signWebhook("", SECRET)).toBe(hmac(""));
    expect(await signWebhook(body, SECRET)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a parsed object: it signs bytes, and the bytes sent must be the ones signed", async () => {
    await rejection(signWebhook({ id: "evt_1" } as never, SECRET), "parsed_body");
  });
});

describe("generateTestWebhook", () => {
  it("gives a body and headers that verify, with the event as the receiver will see it", async () => {
    const data = { id: "pn_1", name: "Kim Lee", joined: new Date("2026-03-01T12:00:00.000Z") };
    const delivery = await generateTestWebhook({ event: "partner.enrolled", data, id: "evt_fixed", createdAt: new Date("2026-03-01T12:00:00.000Z") }, SECRET);
    expect(delivery.headers).toEqual({ "Content-Type": "application/json", "Dub-Signature": hmac(delivery.body) });
    expect(delivery.body).toBe(
      '{"id":"evt_fixed","event":"partner.enrolled","createdAt":"2026-03-01T12:00:00.000Z","data":{"id":"pn_1","name":"Kim Lee","joined":"2026-03-01T12:00:00.000Z"}}',
    );
    const verified = await verifyWebhook(delivery.body, delivery.headers, SECRET);
    expect(verified).toEqual(delivery.event);
    expect((verified.data as { joined: unknown }).joined).toBe("2026-03-01T12:00:00.000Z");
    await rejection(verifyWebhook(delivery.body, delivery.headers, OTHER_SECRET), "signature_mismatch");
  });

  it("fills in a new evt_ id and the current time when they are not given", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-04-02T08:30:00.000Z") });
    const first = await generateTestWebhook({ event: "commission.created", data: {} }, SECRET);
    const second = await generateTestWebhook({ event: "commission.created", data: {} }, SECRET);
    expect(first.event.id).toMatch(/^evt_[0-9a-f]{24}$/);
    expect(second.event.id).not.toBe(first.event.id);
    expect(first.event.createdAt).toBe("2026-04-02T08:30:00.000Z");
    expect(await verifyWebhook(first.body, first.headers, { secret: SECRET, maxAgeMs: 1_000 })).toEqual(first.event);
  });
});
