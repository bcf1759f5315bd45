import type { WebhookReceiver, WebhookRetryOptions } from "./webhooks/dispatcher.js";
/** A fixed-window rate limit, counted per API key. */
export interface RateLimitOptions {
  /** Requests allowed per window and API key (an integer, `0` or more). Required. */
  readonly limit: number;
  /** Window length in milliseconds (more than `0`). Windows are aligned to the epoch, as the real server's limiter aligns them. Required. */
  readonly windowMs: number;
}

/** Where and how the fake delivers its webhook events. */
export interface FakeWebhookOptions {
  /** The endpoints to deliver to (more can be added with `fake.addWebhookReceiver`). Default: none. */
  readonly receivers?: readonly WebhookReceiver[];
  /** Retries of a delivery the receiver did not accept. Default: 4 attempts, 50 ms doubling. */
  readonly retry?: WebhookRetryOptions;
  /** The `fetch` deliveries are sent with. Default: the global `fetch`, looked up at each delivery. */
  readonly fetch?: typeof fetch;
}

/** Options of {@link createFakeDub}. Every field is optional. */
export interface FakeDubOptions {
  /**
   * Webhook receivers the fake POSTs its events to, signed as Dub signs them (`partner.enrolled`,
   * `partner.application_submitted`, `lead.created`, `sale.created`, `commission.created`, ...).
   * Default: none.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ webhooks: { receivers: [{ url: "http://127.0.0.1:3000/api/dub", secret: "whsec_0123456789abcdef0123456789abcdef" }] } });
   * await dub.partners.create({ email: "kim@example.com" });
   * await fake.webhooksSettled(); // partner.enrolled was delivered (or its attempts spent)
   * ```
   */
  readonly webhooks?: FakeWebhookOptions;
  /**
   * The one API key accepted. Default: any bearer token of the form `dub_…` (at least one
   * character after the prefix), so tests need no shared secret.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ token: "dub_test_key" }); // any other key gets 401 unauthorized
   * ```
   */
  readonly token?: string;
  /**
   * Fixed-window limit per API key, or `false` for none. Default `false` (unlimited). When set,
   * every response to an authenticated request carries `X-RateLimit-*` headers and requests past
   * the limit get 429 `rate_limit_exceeded`.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ rateLimit: { limit: 60, windowMs: 60_000 } }); // 60 requests a minute per key
   * ```
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * The clock, in epoch milliseconds: timestamps, ids and rate-limit windows read it. Default `Date.now`.
   *
   * @example
   * ```ts
   * let now = Date.parse("2025-01-01T00:00:00Z");
   * const fake = createFakeDub({ now: () => now });
   * now += 60_000; // the fake's clock moves on by a minute
   * ```
   */
  readonly now?: () => number;
  /**
   * Seed of the generator behind ids and random link keys. Default: none (`Math.random`). With a
   * seed (and a fixed `now`) two fakes fed the same requests give byte-identical answers.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ seed: 42, now: () => Date.parse("2025-01-01T00:00:00Z") }); // repeatable ids and keys
   * ```
   */
  readonly seed?: string | number;
  /**
   * Domain of the short links. Default `"acme.link"`.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ domain: "go.example.com" }); // links read https://go.example.com/<key>
   * ```
   */
  readonly domain?: string;
  /**
   * The program's default URL: the destination of links created without `url`. A link `url`
   * whose domain differs from this one's is refused with 400, as the real server refuses it.
   * Default `"https://acme.com"`.
   *
   * @example
   * ```ts
   * const fake = createFakeDub({ programUrl: "https://example.com" });
   * await dub.partners.createLink({ partnerId, url: "https://example.com/pricing" }); // accepted
   * ```
   */
  readonly programUrl?: string;
}

/** {@link FakeDubOptions} with every default applied. */
export interface ResolvedFakeOptions {
  readonly token: string | undefined;
  readonly rateLimit: RateLimitOptions | false;
  readonly now: () => number;
  readonly seed: string | number | undefined;
  readonly domain: string;
  readonly programUrl: string;
}

/** Applies the defaults and refuses options that cannot work (a test typo must fail loudly, not pass quietly). */
export function resolveFakeOptions(options: FakeDubOptions = {}): ResolvedFakeOptions {
  const rateLimit = options.rateLimit ?? false;
  if (rateLimit && !(Number.isInteger(rateLimit.limit) && rateLimit.limit >= 0 && rateLimit.windowMs > 0)) {
    throw new RangeError("rateLimit needs an integer limit >= 0 and a windowMs > 0");
  }
  if (options.token !== undefined && options.token.length === 0) throw new RangeError("token must not be empty");
  const programUrl = options.programUrl ?? "https://acme.com";
  new URL(programUrl); // throws on a malformed URL
  return {
    token: options.token,
    rateLimit,
    now: options.now ?? Date.now,
    seed: options.seed,
    domain: options.domain ?? "acme.link",
    programUrl,
  };
}
