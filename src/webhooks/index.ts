/**
 * `dub-partners/webhooks`: verify the webhooks Dub sends and read their typed events, without
 * the API client (and without zod): {@link verifyWebhook}, {@link signWebhook} and
 * {@link generateTestWebhook} for your tests, and the event types.
 *
 * @module dub-partners/webhooks
 */
export { verifyWebhook, type VerifyWebhookOptions } from "./verify.js";
export { signWebhook } from "./sign.js";
export { generateTestWebhook, type TestWebhook, type TestWebhookInput } from "./test-webhook.js";
export { createWebhooks, type Webhooks, type WebhooksOptions } from "./webhooks.js";
export { isKnownWebhookEvent, WEBHOOK_TRIGGERS } from "./triggers.js";
export { WebhookVerificationError, type WebhookVerificationErrorCode } from "./verification-error.js";
export type { HeadersLike, WebhookHeaders } from "./headers.js";
export type { WebhookRawBody } from "./raw-body.js";
export type * from "./events.js";
export type * from "./event-data/index.js";
