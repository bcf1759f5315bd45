export { Dub } from "./client.js";
export type { DebugLogger, DubOptions, RequestOptions, TokenSource } from "./core/options.js";
export type { BackoffStrategy, RetryConfig } from "./core/retry/retry-config.js";
export type { FetchLike } from "./core/transport/fetch-transport.js";
export type { Partners } from "./resources/partners.js";
export * from "./core/errors/index.js";
export type * from "./models/index.js";
