/**
 * `dub-partners/funcs`: every operation as a standalone function of a {@link DubCore} client.
 * A bundler keeps only the functions you import, for the smallest edge bundles; `Dub`'s methods
 * call these same functions.
 *
 * @example
 * ```ts
 * import { DubCore, partnersCreateLink } from "dub-partners/funcs";
 *
 * const dub = new DubCore({ token: env.DUB_API_KEY });
 * const link = await partnersCreateLink(dub, { partnerId, url: "https://acme.com" });
 * ```
 */
export { DubCore } from "../core-client.js";
export type { BulkFunction, ListFunction, OperationFunction } from "./operation-function.js";
export * from "./partners.js";
export * from "./partner-applications.js";
