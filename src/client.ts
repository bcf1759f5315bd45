import { type ClientContext, resolveClientOptions } from "./core/client-config.js";
import type { DubOptions } from "./core/options.js";
import type { RateLimitInfo } from "./core/rate-limit.js";
import { Partners } from "./resources/partners.js";

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * A client of the Dub Partners API.
 *
 * @example
 * ```ts
 * import { Dub } from "dub-partners";
 *
 * const dub = new Dub({ token: process.env.DUB_API_KEY });
 * const partner = await dub.partners.create({ email: "kim@example.com" });
 * const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com" });
 * ```
 */
export class Dub {
  /** Partners of your program and their links. */
  readonly partners: Partners;
  readonly #ctx: ClientContext;

  /**
   * @param options - see {@link DubOptions}; every field is optional. Invalid options throw
   * `SDKValidationError` here, listing every problem.
   */
  constructor(options: DubOptions = {}) {
    this.#ctx = resolveClientOptions(options);
    this.partners = new Partners(this.#ctx);
  }

  /**
   * The latest rate-limit figures the server sent (`X-RateLimit-*`, `Retry-After`), from any
   * response of this client; `undefined` until one carried them.
   *
   * @example
   * ```ts
   * await dub.partners.create({ email });
   * if (dub.rateLimit?.remaining === 0) await sleepUntil(dub.rateLimit.resetAt);
   * ```
   */
  get rateLimit(): RateLimitInfo | undefined {
    return this.#ctx.observed.rateLimit;
  }

  /** The base URL requests go to. */
  get serverURL(): string {
    return this.#ctx.serverURL;
  }

  /**
   * Closes pooled keep-alive connections (Node transport). Optional: idle connections do not keep
   * the process alive. Calls made after `close()` open a new pool.
   */
  close(): Promise<void> {
    return this.#ctx.transport.close();
  }

  /** What `util.inspect` and `console.log` show: never the API key. */
  [inspectSymbol](): string {
    return `Dub { serverURL: '${this.#ctx.serverURL}', token: [REDACTED] }`;
  }

  /** What `JSON.stringify` shows: never the API key. */
  toJSON(): { serverURL: string } {
    return { serverURL: this.#ctx.serverURL };
  }
}
