import type { WebhookEvent } from "./events.js";
import { fromHex } from "./hex.js";
import { readSignature, type WebhookHeaders } from "./headers.js";
import { checkAge, parseEvent } from "./parse-event.js";
import { rawBytes, type WebhookRawBody } from "./raw-body.js";
import { importSecret, resolveSecret } from "./secret.js";
import { WebhookVerificationError } from "./verification-error.js";

/** Options of {@link verifyWebhook}, in place of the secret as its third argument. */
export interface VerifyWebhookOptions {
  /**
   * The webhook's signing secret, the whole `whsec_...` string as Dub shows it. Each webhook has
   * its own. Default: the `DUB_WEBHOOK_SECRET` environment variable.
   */
  secret?: string;
  /**
   * Refuse an event whose `createdAt` is more than this many milliseconds old (`too_old`), by
   * this machine's clock. Dub signs no timestamp, so this is the only bound on how late a
   * captured delivery can be replayed; it also bounds how long your store of handled event IDs
   * must remember them. Dub retries a failed delivery for hours: keep the tolerance generous,
   * such as `72 * 3_600_000` (72 h). Default: no age check.
   */
  maxAgeMs?: number;
}

/** The options as given, checked: the secret alone, an options object, or nothing. */
export function readVerifyOptions(secretOrOptions: unknown): VerifyWebhookOptions {
  if (typeof secretOrOptions !== "object" || secretOrOptions === null) return { secret: secretOrOptions as string | undefined };
  const options = secretOrOptions as VerifyWebhookOptions;
  const unknown = Object.keys(options).filter((name) => name !== "secret" && name !== "maxAgeMs");
  const { maxAgeMs } = options;
  if (unknown.length || (maxAgeMs !== undefined && !(typeof maxAgeMs === "number" && maxAgeMs > 0))) {
    const problem = unknown.length ? `Unknown option ${unknown.join(", ")}` : "maxAgeMs is not a positive number";
    throw new WebhookVerificationError("invalid_options", `${problem}: the options are secret and maxAgeMs (ms).`);
  }
  return options;
}

/**
 * Checks that a request comes from Dub and returns its event, typed by its `event` field.
 *
 * The `Dub-Signature` header must be the HMAC-SHA256 (lower-case hexadecimal) of the raw body,
 * keyed with the whole `whsec_...` secret; the comparison runs in constant time. Pass the body
 * exactly as received, never parsed JSON: Express `express.raw({ type: "application/json" })`
 * then `req.body`; Next.js route handlers `await request.text()`; Hono `await c.req.text()`.
 *
 * Throws a {@link WebhookVerificationError} whose `code` says why, and never resolves for a
 * request that did not verify. An event of a trigger added since this version is returned as an
 * {@link UnknownWebhookEvent}, never refused.
 *
 * @param rawBody the request body, byte for byte as received
 * @param headers the request headers: `Headers`, Node's `IncomingHttpHeaders`, or a plain object
 * @param secretOrOptions the secret (default `DUB_WEBHOOK_SECRET`), or {@link VerifyWebhookOptions}
 */
export async function verifyWebhook(
  rawBody: WebhookRawBody,
  headers: WebhookHeaders,
  secretOrOptions?: string | VerifyWebhookOptions,
): Promise<WebhookEvent> {
  const options = readVerifyOptions(secretOrOptions);
  const secret = resolveSecret(options.secret);
  const bytes = rawBytes(rawBody);
  const signature = fromHex(readSignature(headers));
  const { subtle, key } = await importSecret(secret);
  // subtle.verify compares inside the runtime's crypto library, in constant time, and the
  // expected signature never exists in JavaScript memory. readSignature lets only 32 bytes
  // through, so no truncated signature is ever compared.
  if (!(await subtle.verify("HMAC", key, signature, bytes))) {
    throw new WebhookVerificationError(
      "signature_mismatch",
      "Dub-Signature does not match: pass the raw body, not re-serialised JSON, and this webhook's own secret.",
    );
  }
  const { event, body } = parseEvent(bytes, typeof rawBody === "string" ? rawBody : undefined);
  if (options.maxAgeMs !== undefined) checkAge(event, options.maxAgeMs, body);
  return event;
}
