/**
 * The stop signal of one attempt: its deadline or the caller's abort.
 *
 * Not an `AbortController`: on Node 20 creating one and reading its `signal` costs over 10 µs,
 * and every listener added to it about as much again, per attempt. This object has only what the
 * transports need, in the shape undici accepts for `signal` (`aborted`, `reason`, `once` and
 * `removeListener` of `"abort"`). The fetch transport turns it into a real `AbortSignal`.
 */
export class Cancellation {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] | undefined;

  /** Aborts once; later calls are ignored. Listeners run synchronously. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }

  once(_event: "abort", listener: () => void): this {
    (this.#listeners ??= []).push(listener);
    return this;
  }

  /** The same as `once`: the cancellation fires at most once. */
  on(event: "abort", listener: () => void): this {
    return this.once(event, listener);
  }

  removeListener(_event: "abort", listener: () => void): this {
    const index = this.#listeners?.indexOf(listener) ?? -1;
    if (index >= 0) this.#listeners!.splice(index, 1);
    return this;
  }

  /** A real `AbortSignal` following this cancellation, for APIs that require one (`fetch`). */
  toAbortSignal(): AbortSignal {
    const controller = new AbortController();
    if (this.aborted) controller.abort(this.reason);
    else this.once("abort", () => controller.abort(this.reason));
    return controller.signal;
  }
}
