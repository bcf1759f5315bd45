/**
 * The events Dub delivers, as TypeScript types. Nothing here runs: `verifyWebhook` checks the
 * envelope (`id`, `event`, `createdAt`, `data`) and nothing inside `data`, so a field or an enum
 * value Dub adds later never makes a delivery fail. The shapes follow Dub's OpenAPI document
 * (and Dub's server for the triggers that document lacks).
 */
import type { WebhookBountyData } from "./event-data/bounty.js";
import type { WebhookLinkClickedData } from "./event-data/click.js";
import type { WebhookCommissionCreatedData } from "./event-data/commission.js";
import type { WebhookLeadCreatedData, WebhookSaleCreatedData } from "./event-data/conversion.js";
import type { WebhookDiscountCodeData } from "./event-data/discount-code.js";
import type { WebhookLink } from "./event-data/link.js";
import type {
  WebhookPartnerApplicationSubmittedData,
  WebhookPartnerEnrolledData,
  WebhookPartnerMergedData,
} from "./event-data/partner.js";
import type { WebhookPayoutConfirmedData } from "./event-data/payout.js";

/** What every delivery carries around its `data`. */
export interface WebhookEnvelope<Trigger extends string, Data> {
  /**
   * The event's unique ID (`evt_...`). A retried delivery carries the same ID: record the IDs you
   * have handled and skip a repeat (see the dedupe pattern in docs/webhooks.md).
   */
  id: string;
  /** The trigger: what happened. */
  event: Trigger;
  /** When Dub created the event (ISO 8601, UTC). A retry keeps the first delivery's value. */
  createdAt: string;
  /** What the event is about; its shape depends on `event`. */
  data: Data;
}

/** `link.created`: a short link was created. */
export interface LinkCreatedEvent extends WebhookEnvelope<"link.created", WebhookLink> {}
/** `link.updated`: a short link was updated; `data` is the link after the change. */
export interface LinkUpdatedEvent extends WebhookEnvelope<"link.updated", WebhookLink> {}
/** `link.deleted`: a short link was deleted; `data` is the link as it was. */
export interface LinkDeletedEvent extends WebhookEnvelope<"link.deleted", WebhookLink> {}
/** `link.clicked`: a short link was clicked (only for links, folders or workspaces that enabled it). */
export interface LinkClickedEvent extends WebhookEnvelope<"link.clicked", WebhookLinkClickedData> {}
/** `lead.created`: a lead was tracked (a customer signed up after a click). */
export interface LeadCreatedEvent extends WebhookEnvelope<"lead.created", WebhookLeadCreatedData> {}
/** `sale.created`: a sale was tracked. */
export interface SaleCreatedEvent extends WebhookEnvelope<"sale.created", WebhookSaleCreatedData> {}
/** `partner.application_submitted`: a partner applied to join your program. */
export interface PartnerApplicationSubmittedEvent
  extends WebhookEnvelope<"partner.application_submitted", WebhookPartnerApplicationSubmittedData> {}
/**
 * `partner.enrolled`: a partner joined your program (their application was approved, they
 * accepted your invite, or you created them through the API).
 */
export interface PartnerEnrolledEvent extends WebhookEnvelope<"partner.enrolled", WebhookPartnerEnrolledData> {}
/** `partner.merged`: two partner accounts were merged; sent once per program the source was enrolled in. */
export interface PartnerMergedEvent extends WebhookEnvelope<"partner.merged", WebhookPartnerMergedData> {}
/** `commission.created`: a partner earned a commission; a clawback is one with a negative amount. */
export interface CommissionCreatedEvent extends WebhookEnvelope<"commission.created", WebhookCommissionCreatedData> {}
/** `bounty.created`: a bounty was created in your program. */
export interface BountyCreatedEvent extends WebhookEnvelope<"bounty.created", WebhookBountyData> {}
/** `bounty.updated`: a bounty of your program was updated. */
export interface BountyUpdatedEvent extends WebhookEnvelope<"bounty.updated", WebhookBountyData> {}
/** `payout.confirmed`: a payout in your program was confirmed. */
export interface PayoutConfirmedEvent extends WebhookEnvelope<"payout.confirmed", WebhookPayoutConfirmedData> {}
/** `discount_code.created`: a discount code was created for a partner. */
export interface DiscountCodeCreatedEvent extends WebhookEnvelope<"discount_code.created", WebhookDiscountCodeData> {}
/** `discount_code.deleted`: a partner's discount code was deleted. */
export interface DiscountCodeDeletedEvent extends WebhookEnvelope<"discount_code.deleted", WebhookDiscountCodeData> {}

/** Each trigger Dub documents, with the type of its event: handy for a map of handlers. */
export interface WebhookEventMap {
  /** See {@link LinkCreatedEvent}. */
  "link.created": LinkCreatedEvent;
  /** See {@link LinkUpdatedEvent}. */
  "link.updated": LinkUpdatedEvent;
  /** See {@link LinkDeletedEvent}. */
  "link.deleted": LinkDeletedEvent;
  /** See {@link LinkClickedEvent}. */
  "link.clicked": LinkClickedEvent;
  /** See {@link LeadCreatedEvent}. */
  "lead.created": LeadCreatedEvent;
  /** See {@link SaleCreatedEvent}. */
  "sale.created": SaleCreatedEvent;
  /** See {@link PartnerApplicationSubmittedEvent}. */
  "partner.application_submitted": PartnerApplicationSubmittedEvent;
  /** See {@link PartnerEnrolledEvent}. */
  "partner.enrolled": PartnerEnrolledEvent;
  /** See {@link PartnerMergedEvent}. */
  "partner.merged": PartnerMergedEvent;
  /** See {@link CommissionCreatedEvent}. */
  "commission.created": CommissionCreatedEvent;
  /** See {@link BountyCreatedEvent}. */
  "bounty.created": BountyCreatedEvent;
  /** See {@link BountyUpdatedEvent}. */
  "bounty.updated": BountyUpdatedEvent;
  /** See {@link PayoutConfirmedEvent}. */
  "payout.confirmed": PayoutConfirmedEvent;
  /** See {@link DiscountCodeCreatedEvent}. */
  "discount_code.created": DiscountCodeCreatedEvent;
  /** See {@link DiscountCodeDeletedEvent}. */
  "discount_code.deleted": DiscountCodeDeletedEvent;
}

/** A trigger Dub documents (`partner.enrolled`, `commission.created`, ...). */
export type KnownWebhookTrigger = keyof WebhookEventMap;

/** An event of a trigger Dub documents: narrow it with `switch (event.event)`. */
export type KnownWebhookEvent = WebhookEventMap[KnownWebhookTrigger];

/**
 * An event of a trigger this version of the package does not know (one Dub added since): delivered
 * with its `data` as sent, never refused.
 */
export interface UnknownWebhookEvent extends WebhookEnvelope<string & {}, unknown> {}

/**
 * What `verifyWebhook` resolves with: a known event, or an {@link UnknownWebhookEvent} for a
 * trigger added since. TypeScript narrows a `switch (event.event)` only over known events, so
 * separate the unknown ones first with `isKnownWebhookEvent(event)`.
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;
