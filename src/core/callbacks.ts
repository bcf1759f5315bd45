import type { DebugLogger } from "./options.js";
import type { Secrets } from "./secrets.js";
import type { Cancellation } from "./transport/cancellation.js";

/**
 * The caller's own code, run by the pipeline so that it cannot hang or break a call.
 *
 * Code the call waits for (the token function, `beforeRequest`) is raced against the call's
 * signal and deadline: whatever it does, `abort()` and the timeout end the call at once.
 * Observers (`debugLogger`, `afterResponse`, `onError`) are not waited for, and what they throw
 * never changes the call's outcome: a created link is not reported as a failure because a
 * metrics hook threw. Each observer's failure is reported once per client on `console.warn`, so
 * a broken logger is noticed without flooding the console.
 */

/** Settles with `value`, or rejects with the cancellation's reason as soon as it fires. */
export function settleWithin<T>(value: T | PromiseLike<T>, cancellation: Cancellation): Promise<T> {
  const promise = Promise.resolve(value);
  if (cancellation.aborted) {
    promise.catch(() => {});
    return Promise.reject(cancellation.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onCancel = () => reject(cancellation.reason);
    cancellation.once("abort", onCancel);
    promise.then(
      (settled) => {
        cancellation.removeListener("abort", onCancel);
        resolve(settled);
      },
      (error: unknown) => {
        cancellation.removeListener("abort", onCancel);
        reject(error);
      },
    );
  });
}

/** Where observer failures are remembered, one entry per observer: each is reported once per client. */
export type ReportedFailures = Set<string>;

function report(reported: ReportedFailures, observer: string, error: unknown, secrets: Secrets | undefined): void {
  if (reported.has(observer)) return;
  reported.add(observer);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // biome-ignore lint: the one place the package writes to the console, by design (see above)
  console.warn(
    `dub-partners: your ${observer} threw (${secrets ? secrets.redact(detail) : detail}); the call went on unchanged. Reported once per client.`,
  );
}

/**
 * Runs an observer: a synchronous throw and a rejected promise are reported, never propagated,
 * and a returned promise is not waited for.
 */
export function runObserver(reported: ReportedFailures, observer: string, run: () => unknown, secrets?: Secrets): void {
  try {
    const result = run();
    if (result && typeof (result as PromiseLike<unknown>).then === "function") {
      Promise.resolve(result).catch((error: unknown) => report(reported, observer, error, secrets));
    }
  } catch (error) {
    report(reported, observer, error, secrets);
  }
}

/** One debug line, when there is a logger; a logger that throws is an observer like the others. */
export function debugLine(logger: DebugLogger | undefined, reported: ReportedFailures, message: string, ...data: unknown[]): void {
  if (logger) runObserver(reported, "debugLogger", () => logger.debug(message, ...data));
}
