import { DubPartnersError } from "../core/errors/brand.js";

/**
 * Why a webhook was refused, as a stable code to branch on:
 *
 * - `missing_secret`: no secret was passed and `DUB_WEBHOOK_SECRET` is not set.
 * - `invalid_secret`: the secret is not a string, contains whitespace, or lacks the `whsec_`
 *   prefix (an empty one does).
 * - `invalid_options`: an unknown option, or a `maxAgeMs` that is not a positive number.
 * - `parsed_body`: the body passed is not the raw body (a parsed object, `undefined`, a stream).
 * - `missing_signature`: the request has no `Dub-Signature` header.
 * - `malformed_signature`: the header is not 64 lower-case hexadecimal characters, or came twice.
 * - `signature_mismatch`: the signature does not match the body and the secret.
 * - `invalid_json`: the signature is valid but the body is not UTF-8 JSON.
 * - `invalid_payload`: the signature is valid but the JSON is not a Dub event envelope
 *   (`id`, `event`, `createdAt`, `data`).
 * - `too_old`: the event's `createdAt` is older than `maxAgeMs`, or not a date.
 *
 * `missing_secret`, `invalid_secret`, `invalid_options` and `parsed_body` are mistakes in the
 * receiver itself: answer 5XX, Dub retries, and the retries succeed once it is fixed. The others
 * are about the request.
 */
export type WebhookVerificationErrorCode =
  | "missing_secret"
  | "invalid_secret"
  | "invalid_options"
  | "parsed_body"
  | "missing_signature"
  | "malformed_signature"
  | "signature_mismatch"
  | "invalid_json"
  | "invalid_payload"
  | "too_old";

/**
 * A webhook request that cannot be trusted or read: thrown by `verifyWebhook` (and by
 * `signWebhook` for a bad secret or body). `code` says why; the message says how to fix it. The
 * secret is never part of the error.
 */
export class WebhookVerificationError extends DubPartnersError {
  static override readonly kind: string = "WebhookVerificationError";
  /** Why the webhook was refused. */
  readonly code: WebhookVerificationErrorCode;
  /**
   * The raw body as text, only once its signature was verified (`invalid_json`,
   * `invalid_payload`, `too_old`); `undefined` otherwise, so that unauthenticated input is
   * never carried around as if it came from Dub.
   */
  readonly body: string | undefined;

  constructor(code: WebhookVerificationErrorCode, message: string, body?: string) {
    super(message);
    this.code = code;
    this.body = body;
  }
}
