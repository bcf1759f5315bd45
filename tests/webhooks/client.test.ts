/** `dub.webhooks`: the verifier on the client, loaded on first use, with the environment's secret by default. */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { Dub, isKnownWebhookEvent, WebhookVerificationError } from "../../src/index.js";

const SECRET = "whsec_fedcba9876543210fedcba9876543210";
const body = JSON.stringify({ id: "evt_1", event: "partner.enrolled", createdAt: "2026-12-06T10:00:00.000Z", data: { id: "pn_1", email: "kim@example.com" } });
const headers = { "Dub-Signature": createHmac("sha256", SECRET).update(body).digest("hex") };

describe("dub.webhooks", () => {
  const saved = process.env.DUB_WEBHOOK_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.DUB_WEBHOOK_SECRET;
    else process.env.DUB_WEBHOOK_SECRET = saved;
  });

  it("verify and unwrap resolve with the typed event of a body signed with the secret", async () => {
    const dub = new Dub({ token: "dub_x" });
    const event = await dub.webhooks.verify(body, headers, SECRET);
    expect(isKnownWebhookEvent(event) && event.event === "partner.enrolled" ? event.data.id : undefined).toBe("pn_1");
    expect((await dub.webhooks.unwrap(body, headers, SECRET)).id).toBe("evt_1");
  });

  it("reads DUB_WEBHOOK_SECRET when no secret is given, and refuses a tampered body with a typed error", async () => {
    process.env.DUB_WEBHOOK_SECRET = SECRET;
    const dub = new Dub({ token: "dub_x" });
    expect((await dub.webhooks.verify(body, headers)).event).toBe("partner.enrolled");
    const error = await dub.webhooks.verify(body.replace("kim", "kym"), headers).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).code).toBe("signature_mismatch");
  });
});
