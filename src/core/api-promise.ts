import type { RateLimitInfo } from "./rate-limit.js";

/** The HTTP side of a successful call, for `withResponse()`. */
export interface ApiResponse {
  /** HTTP status (2XX). */
  readonly status: number;
  /** Response headers with lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Rate-limit figures from the headers, when the server sent them. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** `METHOD /path` of the request. */
  readonly request: string;
  /** The full URL requested. */
  readonly url: string;
}

/** What `withResponse()` resolves with: the parsed data and the response it came from. */
export interface WithResponse<T> {
  /** The parsed response body: what awaiting the call gives. */
  readonly data: T;
  /** Status, headers and rate-limit figures of the response. */
  readonly response: ApiResponse;
}

/**
 * The promise every operation returns: await it for the typed data, or call `withResponse()` for
 * the data together with the status, headers and rate-limit figures, without losing the types.
 * The request starts at once, whichever is used.
 *
 * @example
 * ```ts
 * const partner = await dub.partners.create({ email });
 * const { data, response } = await dub.partners.create({ email }).withResponse();
 * console.log(response.status, response.rateLimit?.remaining);
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal Built by the request pipeline. */
  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is never observed: `then`, `catch` and `finally` read `result` instead.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** Promises derived with `then` are plain promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed data with the HTTP response it came from. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  #unwrap(): Promise<T> {
    return (this.#data ??= this.#result.then((r) => r.data));
  }

  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#unwrap().then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#unwrap().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#unwrap().finally(onfinally);
  }
}
