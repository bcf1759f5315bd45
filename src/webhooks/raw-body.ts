import { WebhookVerificationError } from "./verification-error.js";

/**
 * The request body exactly as received: the signature covers these bytes. A `string` (from
 * `await request.text()`), a `Uint8Array` or Node `Buffer` (from `express.raw()`), or an
 * `ArrayBuffer` (from `await request.arrayBuffer()`). Any other `ArrayBufferView` is read as
 * its bytes.
 */
export type WebhookRawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * A copy of the bytes of a raw body: what is verified and what is parsed are then the same bytes,
 * whatever the caller does with its buffer meanwhile, and never a SharedArrayBuffer (which
 * WebCrypto refuses). Anything else is a `parsed_body` error that says how to get the raw body.
 */
export function rawBytes(rawBody: unknown): Uint8Array<ArrayBuffer> {
  if (typeof rawBody === "string") return new TextEncoder().encode(rawBody);
  if (ArrayBuffer.isView(rawBody)) return new Uint8Array(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).slice();
  // toString, not instanceof: an ArrayBuffer from another realm (a vm context, an iframe) counts too.
  if (Object.prototype.toString.call(rawBody) === "[object ArrayBuffer]") return new Uint8Array(rawBody as ArrayBuffer).slice();
  throw new WebhookVerificationError(
    "parsed_body",
    `Expected the raw body, as sent (a string or bytes), got ${typeof rawBody} (parsed JSON?). ` +
      'Express: express.raw({ type: "application/json" }), then req.body. Next.js: await request.text(). Hono: await c.req.text().',
  );
}
