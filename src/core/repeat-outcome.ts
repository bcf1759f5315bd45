import type { WithResponse } from "./api-promise.js";
import { AlreadyApplied } from "./errors/already-applied.js";
import { ConnectionError, RequestTimeoutError } from "./errors/client-errors.js";
import { DubError } from "./errors/http-errors.js";

/** Statuses of an answer after which the server may have acted although the call failed. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Whether the server may have acted on a request although the attempt failed: a 5XX, a timeout,
 * a connection that broke after the request was sent. A repeat of such an attempt can meet the
 * effect of the first.
 */
export function mayHaveActed(error: unknown): boolean {
  if (error instanceof DubError) return AMBIGUOUS_STATUSES.has(error.statusCode);
  if (error instanceof ConnectionError) return error.requestSent;
  return error instanceof RequestTimeoutError;
}

/**
 * What a repeat of an operation meets when an earlier attempt took effect but its answer was
 * lost, and what it means.
 */
export interface RepeatRule<Wire = unknown, Output = unknown> {
  /**
   * How the server refuses a repeat of work already done: the statuses and the words of its
   * message (Dub's 400 "already approved", 409 "code already in use"). After an attempt that may
   * have acted, such a refusal is reported as `AlreadyApplied`. Both must match: a proxy's 503
   * (nothing done) followed by an unrelated 400 ("no discount assigned") stays that 400.
   */
  readonly alreadyApplied?: { readonly statuses: readonly number[]; readonly message: RegExp };
  /**
   * For a delete: what the call resolves with when a repeat meets 404 after an attempt that may
   * have acted (the first attempt deleted it).
   */
  readonly deleted?: (wire: Wire) => Output;
}

/**
 * Wraps the attempts of one call so that, once an attempt failed in a way the server may have
 * acted on, a later attempt's refusal by `rule` is read as what it is: the earlier attempt's work
 * (`AlreadyApplied`, or the result of a delete). A refusal with no such attempt before it is the
 * plain error it was.
 */
export function watchRepeats<Output>(
  attempt: (attemptNumber: number) => Promise<WithResponse<Output>>,
  rule: RepeatRule<unknown, Output>,
  wire: unknown,
  request: string,
): (attemptNumber: number) => Promise<WithResponse<Output>> {
  let lost: unknown;
  return async (attemptNumber) => {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (lost !== undefined && error instanceof DubError) {
        if (rule.deleted && error.statusCode === 404) {
          return { data: rule.deleted(wire), response: { status: 200, headers: error.headers, rateLimit: error.rateLimit, request, url: "" } };
        }
        const applied = rule.alreadyApplied;
        if (applied && applied.statuses.includes(error.statusCode) && applied.message.test(error.message)) {
          throw new AlreadyApplied(
            {
              ...error,
              message: `${error.message} (an earlier attempt of this call took effect but its answer was lost: the repeat was refused as already done; treat the operation as done)`,
            },
            { cause: lost },
          );
        }
      }
      if (mayHaveActed(error)) lost = error;
      throw error;
    }
  };
}
