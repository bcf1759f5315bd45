import { armCancellation, DEADLINE } from "./call-deadline.js";
import { settleWithin } from "./callbacks.js";
import { RequestAbortedError, RequestTimeoutError } from "./errors/client-errors.js";

/**
 * The call's API key. A key given as a string is at hand; a token function's promise is raced
 * against the caller's signal and the first attempt's deadline, so a secret store that never
 * answers cannot hang the call: `abort()` ends it with `RequestAbortedError`, the deadline with
 * `RequestTimeoutError`. (`getToken` itself turns a throw or a value that is not a key into
 * `SDKValidationError`.)
 */
export async function resolveToken(
  getToken: () => string | Promise<string>,
  label: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  const pending = getToken();
  if (typeof pending === "string") return pending;
  const { cancellation, disarm } = armCancellation(timeoutMs, signal);
  try {
    return await settleWithin(pending, cancellation);
  } catch (error) {
    if (!cancellation.aborted || error !== cancellation.reason) throw error;
    throw cancellation.reason === DEADLINE
      ? new RequestTimeoutError(label, timeoutMs, "waiting for the token function")
      : new RequestAbortedError(label, cancellation.reason);
  } finally {
    disarm();
  }
}
