/**
 * The caller's `signal`, as the pipeline uses it: always a native `AbortSignal`.
 *
 * A signal from another realm (an iframe, a VM context, jsdom) or a polyfill fails
 * `instanceof AbortSignal` and may lack `throwIfAborted` or `reason`, which the retry loop and
 * `fetch` rely on. Such a signal, when it has the shape every signal has (`aborted`,
 * `addEventListener`, `removeEventListener`), is followed by a native one for the call; anything
 * else was refused by the options check before the call started.
 */

/** Whether `value` has what the client reads of a signal. */
export function isSignalLike(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<AbortSignal>;
  return typeof s.aborted === "boolean" && typeof s.addEventListener === "function" && typeof s.removeEventListener === "function";
}

/** A native signal following `signal` for one call, and how to stop following it when the call ends. */
export interface AdoptedSignal {
  readonly signal: AbortSignal | undefined;
  release(): void;
}

const NONE: AdoptedSignal = { signal: undefined, release() {} };

/** What the client reads of a signal that is not a native `AbortSignal`. */
interface SignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Adopts the caller's signal (checked by {@link isSignalLike}) for one call. */
export function adoptSignal(given: AbortSignal | undefined): AdoptedSignal {
  if (given === undefined) return NONE;
  if (given instanceof AbortSignal) return { signal: given, release() {} };
  const signal = given as SignalLike;
  const controller = new AbortController();
  const reason = () => signal.reason ?? new DOMException("This operation was aborted", "AbortError");
  if (signal.aborted) {
    controller.abort(reason());
    return { signal: controller.signal, release() {} };
  }
  const follow = () => controller.abort(reason());
  signal.addEventListener("abort", follow, { once: true });
  return { signal: controller.signal, release: () => signal.removeEventListener("abort", follow) };
}
