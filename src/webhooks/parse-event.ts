import type { WebhookEvent } from "./events.js";
import { WebhookVerificationError } from "./verification-error.js";

/**
 * The event in a body whose signature was verified: UTF-8 JSON with Dub's envelope (string `id`,
 * `event` and `createdAt`, and `data`). Only the envelope is checked, never `data`: a field or an
 * enum value added later must not refuse a delivery. Errors keep the body.
 */
export function parseEvent(bytes: Uint8Array, text: string | undefined): { event: WebhookEvent; body: string } {
  let body: string | undefined;
  let event: Record<string, unknown> | undefined;
  try {
    body = text ?? new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    event = JSON.parse(body);
  } catch {
    throw new WebhookVerificationError("invalid_json", "Valid signature, but the body is not UTF-8 JSON.", body);
  }
  if (
    typeof event !== "object" ||
    event === null ||
    !["id", "event", "createdAt"].every((name) => typeof event[name] === "string") ||
    !("data" in event)
  ) {
    throw new WebhookVerificationError("invalid_payload", "Valid signature, but not a Dub event (string id, event, createdAt, and data).", body);
  }
  return { event: event as unknown as WebhookEvent, body: body! };
}

/**
 * Refuses an event created more than `maxAgeMs` ago by this machine's clock, or whose age cannot
 * be told (a `createdAt` that is not a date).
 */
export function checkAge(event: WebhookEvent, maxAgeMs: number, body: string): void {
  // Written so that NaN (an unreadable createdAt) fails too.
  if (!(Date.now() - Date.parse(event.createdAt) <= maxAgeMs)) {
    throw new WebhookVerificationError(
      "too_old",
      `Event ${event.id} is older than maxAgeMs, or undated: a replay or a late retry ` +
        "(Dub retries for hours; allow 72 h). Answer 2XX to stop retries.",
      body,
    );
  }
}
