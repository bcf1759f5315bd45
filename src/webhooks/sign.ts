import { toHex } from "./hex.js";
import { rawBytes, type WebhookRawBody } from "./raw-body.js";
import { importSecret, resolveSecret } from "./secret.js";

/**
 * The `Dub-Signature` header value Dub would send with this body: the HMAC-SHA256 of its bytes,
 * keyed with the whole `whsec_...` secret, in lower-case hexadecimal. For your own tests: sign a
 * body, send it to your receiver with the header, and check what it does. Send exactly the bytes
 * you signed.
 *
 * Throws a {@link WebhookVerificationError} for a bad secret (`invalid_secret`) or a body that is
 * not a string or bytes (`parsed_body`).
 *
 * @param payload the body to sign, as it will be sent (a string such as `JSON.stringify(event)`, or bytes)
 * @param secret the webhook secret (`whsec_...`) your receiver verifies with
 */
export async function signWebhook(payload: WebhookRawBody, secret: string): Promise<string> {
  const { subtle, key } = await importSecret(resolveSecret(secret ?? null));
  return toHex(new Uint8Array(await subtle.sign("HMAC", key, rawBytes(payload))));
}
