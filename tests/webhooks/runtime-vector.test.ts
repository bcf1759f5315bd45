// The webhook delivery every row of the runtime matrix verifies: its signature is Node's
// createHmac over its bytes, so that a row passing proves the runtime agrees with Node.
import { describe, expect, it } from "vitest";
import { WEBHOOK_VECTOR } from "../runtimes/consumer/scenario.mjs";
import { verifyWebhook } from "../../src/webhooks/index.js";
import { hmac } from "./helpers.js";

describe("the runtime matrix's webhook vector", () => {
  it("is signed as Node's createHmac signs it, and verifies here", async () => {
    expect(WEBHOOK_VECTOR.signature).toBe(hmac(WEBHOOK_VECTOR.body, WEBHOOK_VECTOR.secret));
    const event = await verifyWebhook(WEBHOOK_VECTOR.body, { "dub-signature": WEBHOOK_VECTOR.signature }, WEBHOOK_VECTOR.secret);
    expect(event).toMatchObject({ id: "evt_runtime_matrix", data: { note: "Zoë 🎉 株式会社\tclawback" } });
  });
});
