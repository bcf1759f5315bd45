// Typed events: every documented trigger is delivered as its typed variant, a trigger Dub adds
// later arrives as an UnknownWebhookEvent with its raw data, and nothing inside data is checked.
import { describe, expect, it } from "vitest";
import {
  isKnownWebhookEvent,
  verifyWebhook,
  WEBHOOK_TRIGGERS,
  type KnownWebhookTrigger,
  type UnknownWebhookEvent,
  type WebhookEvent,
} from "../../src/webhooks/index.js";
import { sampleEvents } from "./fixtures.js";
import { hmac, SECRET } from "./helpers.js";

async function deliver(event: unknown): Promise<WebhookEvent> {
  const body = JSON.stringify(event);
  return verifyWebhook(body, { "dub-signature": hmac(body) }, SECRET);
}

/** What a receiver does with each trigger: written against the types, so that it type-checks only if narrowing works. */
function summarize(event: WebhookEvent): string {
  if (!isKnownWebhookEvent(event)) {
    const unknown: UnknownWebhookEvent = event;
    return `unknown ${unknown.event}`;
  }
  switch (event.event) {
    case "link.created":
    case "link.updated":
    case "link.deleted":
      return `${event.event} ${event.data.shortLink}`;
    case "link.clicked":
      return `click ${event.data.click.country} ${event.data.link.key}`;
    case "lead.created":
      return `lead ${event.data.customer.externalId}`;
    case "sale.created":
      return `sale ${event.data.sale.amount} ${event.data.sale.currency}`;
    case "partner.application_submitted":
      return `application ${event.data.partner.email}`;
    case "partner.enrolled":
      return `enrolled ${event.data.tenantId} ${event.data.status}`;
    case "partner.merged":
      return `merged ${event.data.sourcePartner.id} into ${event.data.targetPartner.id}`;
    case "commission.created":
      return `commission ${event.data.earnings} ${event.data.currency} for ${event.data.partner.id}`;
    case "bounty.created":
    case "bounty.updated":
      return `${event.event} ${event.data.type} ${event.data.rewardAmount}`;
    case "payout.confirmed":
      return `payout ${event.data.amount} ${event.data.currency} to ${event.data.partner.tenantId}`;
    case "discount_code.created":
    case "discount_code.deleted":
      return `${event.event} ${event.data.code} ${event.data.discount?.type ?? "none"}`;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

describe("typed events", () => {
  it("lists the 15 documented triggers, and recognizes each", () => {
    expect(WEBHOOK_TRIGGERS).toHaveLength(15);
    for (const trigger of WEBHOOK_TRIGGERS) expect(isKnownWebhookEvent(sampleEvents[trigger])).toBe(true);
  });

  it.each(WEBHOOK_TRIGGERS.map((trigger) => [trigger] as [KnownWebhookTrigger]))("delivers a %s event as its typed variant", async (trigger) => {
    const event = await deliver(sampleEvents[trigger]);
    expect(event).toEqual(sampleEvents[trigger]);
    expect(isKnownWebhookEvent(event)).toBe(true);
    expect(summarize(event)).not.toMatch(/^unknown/);
  });

  it("reads fields as the types name them", async () => {
    expect(summarize(await deliver(sampleEvents["commission.created"]))).toBe("commission -980 usd for pn_1");
    expect(summarize(await deliver(sampleEvents["partner.enrolled"]))).toBe("enrolled user_42 approved");
    expect(summarize(await deliver(sampleEvents["discount_code.deleted"]))).toBe("discount_code.deleted KIM10 none");
    expect(summarize(await deliver(sampleEvents["payout.confirmed"]))).toBe("payout 98000 USD to user_42");
  });

  it("delivers a trigger Dub added later as an unknown event, with its data as sent", async () => {
    const data = { submission: { id: "bsub_1", status: "approved" }, anything: [1, "two", null] };
    const event = await deliver({ id: "evt_new", event: "bounty.submission_reviewed", createdAt: "2026-03-01T12:00:00.000Z", data });
    expect(isKnownWebhookEvent(event)).toBe(false);
    expect(event).toEqual({ id: "evt_new", event: "bounty.submission_reviewed", createdAt: "2026-03-01T12:00:00.000Z", data });
    expect(summarize(event)).toBe("unknown bounty.submission_reviewed");
  });

  it("never refuses a new field, a new enum value, or data of another shape", async () => {
    const enrolled = sampleEvents["partner.enrolled"];
    const changed = { ...enrolled, apiVersion: "2027-01-01", data: { ...enrolled.data, status: "on_probation", newField: { deep: true } } };
    expect(await deliver(changed)).toEqual(changed);
    const oddData = { ...sampleEvents["sale.created"], data: "a string where an object was" };
    expect(await deliver(oddData)).toEqual(oddData);
  });
});
