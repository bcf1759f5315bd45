import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { expect } from "vitest";
import { WebhookVerificationError, type WebhookVerificationErrorCode } from "../../src/webhooks/index.js";

/** A secret in Dub's format: `whsec_` and 32 hexadecimal characters. */
export const SECRET = "whsec_5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60";
/** Another webhook's secret. */
export const OTHER_SECRET = "whsec_0a1b2c3d4e5f60718293a4b5c6d7e8f9";

/**
 * The signature Dub sends, computed independently of the package: Node's HMAC-SHA256 over the
 * raw bytes, keyed with the whole secret string, in lower-case hexadecimal.
 */
export function hmac(body: string | Uint8Array, secret: string = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** A minimal envelope as Dub would send it, compact like `JSON.stringify`. */
export function eventJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: "evt_1a2b3c", event: "partner.enrolled", createdAt: "2026-03-01T12:00:00.000Z", data: { id: "pn_1" }, ...overrides });
}

/** Every way an error can be shown or logged. */
export function everyRendering(value: unknown): string {
  const e = value as Error;
  return [String(value), e?.message, e?.stack, JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join("\n");
}

/** The error `promise` rejects with, checked to be a WebhookVerificationError of `code`. */
export async function rejection(promise: Promise<unknown>, code: WebhookVerificationErrorCode): Promise<WebhookVerificationError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a ${code} rejection, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toMatchObject({ name: "WebhookVerificationError", code });
  return error as WebhookVerificationError;
}
