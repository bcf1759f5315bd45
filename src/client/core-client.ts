import { type ClientContext, resolveClientOptions } from "../core/client-config.js";
import type { DubOptions } from "../core/options.js";
import type { RateLimitInfo } from "../core/rate-limit.js";

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/** Each client's resolved context, out of reach of `util.inspect`, `JSON.stringify` and users. */
const contexts = new WeakMap<DubCore, ClientContext>();

/** @internal The context of a client, for its namespaces and the standalone functions. */
export function contextOf(client: DubCore): ClientContext {
  const ctx = contexts.get(client);
  if (!ctx) throw new TypeError("expected a Dub or DubCore client");
  return ctx;
}

/**
 * The client without its namespaces: settings, connections and rate-limit figures, for the
 * standalone functions of `dub-partners/funcs`, which a bundler keeps only when used. `Dub`
 * extends it with `dub.partners` and `dub.partnerApplications`.
 *
 * @example
 * ```ts
 * import { DubCore, partnersCreateLink } from "dub-partners/funcs";
 *
 * const dub = new DubCore({ token: env.DUB_API_KEY });
 * const link = await partnersCreateLink(dub, { partnerId, url: "https://acme.com" });
 * ```
 */
export class DubCore {
  /**
   * @param options - see {@link DubOptions}; every field is optional. Invalid options throw
   * `SDKValidationError` here, listing every problem.
   */
  constructor(options: DubOptions = {}) {
    contexts.set(this, resolveClientOptions(options));
  }

  /**
   * The latest rate-limit figures the server sent (`X-RateLimit-*`, `Retry-After`), from any
   * response of this client; `undefined` until one carried them.
   *
   * @example
   * ```ts
   * await dub.partners.create({ email });
   * if (dub.rateLimit?.remaining === 0) console.log("window resets at", dub.rateLimit.resetAt);
   * ```
   */
  get rateLimit(): RateLimitInfo | undefined {
    return contextOf(this).observed.rateLimit;
  }

  /** The base URL requests go to. */
  get serverURL(): string {
    return contextOf(this).serverURL;
  }

  /**
   * Closes pooled keep-alive connections (Node transport). Optional: idle connections do not keep
   * the process alive. Calls made after `close()` open a new pool.
   */
  close(): Promise<void> {
    return contextOf(this).transport.close();
  }

  /** What `util.inspect` and `console.log` show: never the API key. */
  [inspectSymbol](): string {
    return `${this.constructor.name} { serverURL: '${this.serverURL}', token: [REDACTED] }`;
  }

  /** What `JSON.stringify` shows: never the API key. */
  toJSON(): {
    /** The base URL requests go to. */
    serverURL: string;
  } {
    return { serverURL: this.serverURL };
  }
}
