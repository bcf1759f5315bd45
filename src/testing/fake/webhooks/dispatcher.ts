import { createHmac } from "node:crypto";
import type { FakeEvent } from "../state.js";

/** A webhook endpoint the fake delivers its events to. */
export interface WebhookReceiver {
  /** Where the events are POSTed (`http://127.0.0.1:3000/api/dub-webhook`). Required. */
  readonly url: string;
  /** The endpoint's signing secret, `whsec_` and 32 hexadecimal characters, as Dub issues them. Required. */
  readonly secret: string;
  /** The triggers sent to this endpoint (`["sale.created", "commission.created"]`). Default: every trigger. */
  readonly triggers?: readonly string[];
  /**
   * Deliver every event twice (the second after the first was answered), as a receiver sees when
   * an acknowledgement is lost: a receiver must deduplicate on the event `id`. Default `false`.
   */
  readonly duplicate?: boolean;
  /**
   * Deliver events out of order: each event is held until the next one arrives, which is sent
   * first (the last one goes when the fake settles). Default `false`.
   */
  readonly outOfOrder?: boolean;
}

/** How the fake retries a delivery the receiver did not accept (a non-2XX answer, no answer). */
export interface WebhookRetryOptions {
  /** Attempts per delivery, the first included: an integer from 1 to 20. Default `4`. */
  readonly attempts?: number;
  /** Wait before the first retry, in milliseconds, doubling after each (at most 10,000 ms). Default `50`. */
  readonly delayMs?: number;
  /** Deadline of each attempt, in milliseconds (at most 30,000 ms). Default `5000`. */
  readonly timeoutMs?: number;
}

/** One attempt to deliver an event, as `fake.webhookDeliveries()` lists them. */
export interface WebhookDelivery {
  /** The receiver's URL. */
  readonly url: string;
  /** The event's `id` (the same on every attempt and duplicate). */
  readonly eventId: string;
  /** The event's trigger. */
  readonly event: string;
  /** 1 for the first attempt of this delivery, 2 for its first retry, ... */
  readonly attempt: number;
  /** The receiver's status, or `undefined` when it did not answer (refused, reset, timed out). */
  readonly status: number | undefined;
  /** Whether the receiver accepted it (a 2XX). */
  readonly ok: boolean;
}

const MAX_ATTEMPTS = 20;
const MAX_DELAY_MS = 10_000;
const MAX_TIMEOUT_MS = 30_000;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/** Checks a receiver as given by a caller; throws a `TypeError` or `RangeError` saying what is wrong. */
export function checkReceiver(receiver: WebhookReceiver): WebhookReceiver {
  let url: URL;
  try {
    url = new URL(receiver?.url);
  } catch {
    throw new TypeError(`a webhook receiver needs an absolute http(s) url, got ${JSON.stringify(receiver?.url)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`a webhook receiver's url must be http(s), got ${url.protocol}`);
  if (typeof receiver.secret !== "string" || !/^whsec_[0-9a-f]{32}$/.test(receiver.secret)) {
    throw new TypeError("a webhook receiver's secret must be whsec_ followed by 32 hexadecimal characters, as Dub issues them");
  }
  return { ...receiver, triggers: receiver.triggers && [...receiver.triggers] };
}

/**
 * Delivers the fake's webhook events as Dub does: each event POSTed as JSON to every receiver
 * subscribed to its trigger, signed in the `Dub-Signature` header (lower-case hex HMAC-SHA256 of
 * the raw body, keyed by the whole secret), retried with the same body and `id` when the receiver
 * fails, with bounded attempts and delays. Signed here with `node:crypto`, independently of the
 * SDK's own verification. Nothing is awaited by the request that caused the event.
 */
export class WebhookDispatcher {
  #receivers: WebhookReceiver[] = [];
  #delivered = 0;
  #running = new Set<Promise<void>>();
  #held = new Map<WebhookReceiver, FakeEvent>();
  readonly #log: WebhookDelivery[] = [];
  readonly #attempts: number;
  readonly #delayMs: number;
  readonly #timeoutMs: number;

  constructor(
    receivers: readonly WebhookReceiver[],
    retry: WebhookRetryOptions = {},
    private readonly fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {
    const attempts = retry.attempts ?? 4;
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_ATTEMPTS) throw new RangeError(`webhook retry attempts must be an integer from 1 to ${MAX_ATTEMPTS}`);
    this.#attempts = attempts;
    this.#delayMs = Math.min(Math.max(0, retry.delayMs ?? 50), MAX_DELAY_MS);
    this.#timeoutMs = Math.min(Math.max(1, retry.timeoutMs ?? 5_000), MAX_TIMEOUT_MS);
    for (const receiver of receivers) this.add(receiver);
  }

  /** Adds a receiver for the events recorded from now on. */
  add(receiver: WebhookReceiver): void {
    this.#receivers.push(checkReceiver(receiver));
  }

  /** Removes the receivers with this URL; deliveries under way finish. */
  remove(url: string): void {
    this.#receivers = this.#receivers.filter((r) => r.url !== url);
  }

  /** Every delivery attempt so far, oldest first (copies). */
  deliveries(): WebhookDelivery[] {
    return this.#log.map((d) => ({ ...d }));
  }

  /** Starts delivering the events of `events` not delivered yet (the state's list, oldest first). */
  notify(events: readonly FakeEvent[]): void {
    for (; this.#delivered < events.length; this.#delivered++) {
      const event = events[this.#delivered]!;
      for (const receiver of this.#receivers) {
        if (receiver.triggers && !receiver.triggers.includes(event.event)) continue;
        if (!receiver.outOfOrder) {
          this.#track(this.#deliver(receiver, event));
          continue;
        }
        const held = this.#held.get(receiver);
        if (!held) {
          this.#held.set(receiver, event);
          continue;
        }
        this.#held.delete(receiver);
        this.#track(this.#deliver(receiver, event).then(() => this.#deliver(receiver, held)));
      }
    }
  }

  /** Forgets the receivers' progress (after `fake.reset()`): the next event list starts from 0. */
  reset(): void {
    this.#delivered = 0;
    this.#held.clear();
    this.#log.length = 0;
  }

  /**
   * Resolves once every delivery under way is done (held out-of-order events are sent first),
   * retries included; rejects after `timeoutMs` (default 10 s) if they are not.
   */
  async settled(timeoutMs = 10_000): Promise<void> {
    for (const [receiver, event] of this.#held) this.#track(this.#deliver(receiver, event));
    this.#held.clear();
    const deadline = Date.now() + timeoutMs;
    // Bounded: every delivery ends after at most its attempts; new ones only come from new requests.
    while (this.#running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`webhook deliveries did not settle within ${timeoutMs} ms`);
      await Promise.race([Promise.allSettled([...this.#running]), wait(left)]);
    }
  }

  #track(delivery: Promise<void>): void {
    const tracked = delivery.finally(() => this.#running.delete(tracked));
    this.#running.add(tracked);
  }

  async #deliver(receiver: WebhookReceiver, event: FakeEvent): Promise<void> {
    await this.#attempt(receiver, event);
    if (receiver.duplicate) await this.#attempt(receiver, event);
  }

  /** Sends `event` until the receiver accepts it or the attempts are spent. */
  async #attempt(receiver: WebhookReceiver, event: FakeEvent): Promise<void> {
    const body = JSON.stringify(event);
    const signature = createHmac("sha256", receiver.secret).update(body, "utf8").digest("hex");
    for (let attempt = 1; attempt <= this.#attempts; attempt++) {
      let status: number | undefined;
      try {
        const response = await this.fetchImpl(receiver.url, {
          method: "POST",
          headers: { "content-type": "application/json", "dub-signature": signature, "user-agent": "dub-partners-fake webhooks" },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(this.#timeoutMs),
        });
        status = response.status;
        await response.body?.cancel().catch(() => {});
      } catch {
        status = undefined;
      }
      const ok = status !== undefined && status >= 200 && status < 300;
      this.#log.push({ url: receiver.url, eventId: event.id, event: event.event, attempt, status, ok });
      if (ok) return;
      if (attempt < this.#attempts) await wait(Math.min(this.#delayMs * 2 ** (attempt - 1), MAX_DELAY_MS));
    }
  }
}
