/**
 * `dub-partners`: the client of the Dub Partners API ({@link Dub}), its options, request and
 * response models, every error class it throws, and webhook verification ({@link verifyWebhook},
 * also alone in `dub-partners/webhooks`).
 *
 * @module dub-partners
 */
export { Dub } from "./client/dub.js";
export { DubCore } from "./client/core-client.js";
export { APIPromise, type ApiResponse, type WithResponse } from "./core/api-promise.js";
export type { DebugLogger, DubOptions, RequestOptions, TokenSource } from "./core/options.js";
export type { HookError, HookRequest, HookResponse, Hooks } from "./core/hooks.js";
export { PagePromise, type PageQuery, type Paging } from "./core/pagination.js";
export type { BulkFailure, BulkOptions, BulkProgress, BulkResult, BulkSuccess } from "./core/bulk.js";
export type { BackoffStrategy, RetryConfig } from "./core/retry/retry-config.js";
export type { FetchLike } from "./core/transport/fetch-transport.js";
export type { DispatcherLike, ProxySetting } from "./core/transport/dispatcher-like.js";
export type { Bounties, Commissions, Customers, DiscountCodes, DubNamespaces, EmbedTokens, Partners, PartnerApplications, Payouts, Track } from "./operations/registry.js";
export * from "./core/errors/index.js";
export type * from "./models/index.js";
export type * from "./operations/types.js";
export * from "./webhooks/index.js";
