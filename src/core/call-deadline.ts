import { Cancellation } from "./transport/cancellation.js";

/** Marks a cancellation fired by the deadline, as opposed to the caller's signal. */
export const DEADLINE = Symbol("deadline");

/** A cancellation that fires when `timeoutMs` passes or the caller's signal aborts. */
export interface ArmedCancellation {
  readonly cancellation: Cancellation;
  /** Clears the timer and stops listening to the signal. Call it however the step ends. */
  disarm(): void;
}

/** Arms a deadline of `timeoutMs` and follows `signal`, for one step of a call (an attempt, the token). */
export function armCancellation(timeoutMs: number, signal: AbortSignal | undefined): ArmedCancellation {
  const cancellation = new Cancellation();
  const timer = setTimeout(() => cancellation.abort(DEADLINE), timeoutMs);
  const onCallerAbort = () => cancellation.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    cancellation,
    disarm() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
