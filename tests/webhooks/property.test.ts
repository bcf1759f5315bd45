// Properties over many inputs (fast-check): any bytes signed with any valid secret verify as far
// as the signature goes, and any single-bit change of the body or the signature is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyWebhook, WebhookVerificationError } from "../../src/webhooks/index.js";
import { hmac } from "./helpers.js";

/** Secrets as Dub makes them, and longer ones: `whsec_` and hexadecimal or other visible ASCII. */
const secret = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{32}$/).map((key) => `whsec_${key}`),
  fc.stringMatching(/^[!-~]{1,64}$/).map((key) => `whsec_${key}`),
);

/** The code verifyWebhook refused with; `undefined` when it resolved. */
async function outcome(body: Uint8Array, signature: string, key: string): Promise<string | undefined> {
  try {
    await verifyWebhook(body, { "dub-signature": signature }, key);
    return undefined;
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    return error.code;
  }
}

/** A copy of `bytes` with bit `bit` flipped. */
function flip(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

describe("signature properties", () => {
  it("any bytes signed with any valid secret pass the signature check", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), secret, async (body, key) => {
        // Past the signature, arbitrary bytes are refused as JSON or envelope, never as a mismatch.
        expect(["invalid_json", "invalid_payload", undefined]).toContain(await outcome(body, hmac(body, key), key));
      }),
      { numRuns: 300 },
    );
  });

  it("any signed event verifies and comes back equal", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.jsonValue(), secret, async (id, event, data, key) => {
        const body = JSON.stringify({ id, event, createdAt: "2026-03-01T12:00:00.000Z", data: data ?? null });
        expect(await verifyWebhook(Buffer.from(body), { "dub-signature": hmac(body, key) }, key)).toEqual(JSON.parse(body));
      }),
      { numRuns: 200 },
    );
  });

  it("any single-bit flip of the body is a signature mismatch", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 256 }), secret, fc.nat(), async (body, key, n) => {
        const bit = n % (body.length * 8);
        expect(await outcome(flip(body, bit), hmac(body, key), key)).toBe("signature_mismatch");
      }),
      { numRuns: 300 },
    );
  });

  it("any single-bit flip of the signature header is refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), secret, fc.nat(), async (body, key, n) => {
        const header = new TextEncoder().encode(hmac(body, key));
        const bit = n % (header.length * 8);
        const changed = new TextDecoder().decode(flip(header, bit));
        // A flip gives another hex digit (mismatch) or a character that is not one (malformed).
        expect(["signature_mismatch", "malformed_signature"]).toContain(await outcome(body, changed, key));
      }),
      { numRuns: 300 },
    );
  });
});
