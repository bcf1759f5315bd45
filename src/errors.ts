/**
 * `dub-partners/errors`: every error class the SDK throws. The same classes are exported from
 * the package root; `instanceof` holds across the ESM and CJS builds.
 *
 * @module dub-partners/errors
 */
export * from "./core/errors/index.js";
export { WebhookVerificationError, type WebhookVerificationErrorCode } from "./webhooks/verification-error.js";
