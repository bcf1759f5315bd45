import type { KnownWebhookEvent, KnownWebhookTrigger, WebhookEvent } from "./events.js";

/** The 15 triggers Dub documents, in the order of Dub's dashboard. */
export const WEBHOOK_TRIGGERS: readonly KnownWebhookTrigger[] = [
  "link.created",
  "link.updated",
  "link.deleted",
  "link.clicked",
  "lead.created",
  "sale.created",
  "partner.application_submitted",
  "partner.enrolled",
  "partner.merged",
  "commission.created",
  "bounty.created",
  "bounty.updated",
  "payout.confirmed",
  "discount_code.created",
  "discount_code.deleted",
];

/**
 * Whether the event is of a trigger this package knows, so that a `switch (event.event)` after
 * it narrows `data` to that trigger's shape; `false` for a trigger Dub added since.
 *
 * ```ts
 * if (!isKnownWebhookEvent(event)) return log("new trigger", event.event);
 * switch (event.event) {
 *   case "partner.enrolled": await welcome(event.data.email); break;
 * }
 * ```
 */
export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  return (WEBHOOK_TRIGGERS as readonly string[]).includes(event.event);
}
