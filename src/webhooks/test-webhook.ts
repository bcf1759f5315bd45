import type { KnownWebhookTrigger, WebhookEvent } from "./events.js";
import { toHex } from "./hex.js";
import { signWebhook } from "./sign.js";

/** Random bytes from WebCrypto (present wherever verification runs). */
function randomBytes(length: number): Uint8Array {
  return (globalThis as unknown as { crypto: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto.getRandomValues(new Uint8Array(length));
}

/** The event to deliver in a test: `id` and `createdAt` are filled in when absent. */
export interface TestWebhookInput {
  /** The trigger. */
  event: KnownWebhookTrigger | (string & {});
  /** The event's data, as Dub would send it. */
  data: unknown;
  /** The event ID. Default: a new random `evt_...` ID. */
  id?: string;
  /** When the event was created, as a `Date` or an ISO 8601 string. Default: now. */
  createdAt?: string | Date;
}

/** A signed delivery, ready to send to a receiver. */
export interface TestWebhook {
  /** The body to send, byte for byte: the event as JSON. */
  body: string;
  /** The headers to send. */
  headers: {
    /** `application/json`, as Dub sends. */
    "Content-Type": string;
    /** The signature of `body`. */
    "Dub-Signature": string;
  };
  /** The event, as your receiver should see it after verification. */
  event: WebhookEvent;
}

/**
 * A delivery as Dub would make it, for your own tests: the event as a JSON body, and its
 * `Dub-Signature` computed with `secret`.
 *
 * ```ts
 * const { body, headers } = await generateTestWebhook({ event: "partner.enrolled", data: partner }, secret);
 * await fetch("http://127.0.0.1:3000/webhooks/dub", { method: "POST", body, headers });
 * ```
 *
 * @param input the trigger and data; `id` and `createdAt` are optional
 * @param secret the webhook secret (`whsec_...`) your receiver verifies with
 */
export async function generateTestWebhook(input: TestWebhookInput, secret: string): Promise<TestWebhook> {
  const { createdAt } = input;
  const envelope = {
    id: input.id ?? `evt_${toHex(randomBytes(12))}`,
    event: input.event,
    createdAt: createdAt instanceof Date ? createdAt.toISOString() : (createdAt ?? new Date().toISOString()),
    data: input.data,
  };
  const body = JSON.stringify(envelope);
  const signature = await signWebhook(body, secret);
  // Parsed back from the body: what a receiver gets (a Date in data, for one, arrives as a string).
  return { body, headers: { "Content-Type": "application/json", "Dub-Signature": signature }, event: JSON.parse(body) as WebhookEvent };
}
