// What an application does with Dub's events, shared by the framework examples next to this
// file. Each framework only gets the raw body and calls verifyWebhook; from there on it is this.
import { isKnownWebhookEvent, WebhookVerificationError, type WebhookEvent } from "dub-partners/webhooks";

/**
 * Your application, reduced to what the examples need. In a real one these write to your
 * database; here they record what they did, for the tests to see.
 */
export const app = {
  done: [] as string[],
  async welcomePartner(tenantId: string | null, email: string | null): Promise<void> {
    this.done.push(`welcome ${tenantId ?? "?"} <${email ?? "no email"}>`);
  },
  async recordCommission(commissionId: string, partnerId: string, earningsCents: number): Promise<void> {
    this.done.push(`commission ${commissionId}: ${earningsCents} cents to ${partnerId}`);
  },
};

/**
 * Event IDs already handled (or being handled). Dub retries a failed delivery with the same
 * event `id`, so this is what makes a retry harmless. In production: a table with a unique key
 * on the ID (`INSERT ... ON CONFLICT DO NOTHING`, handled when a row was inserted), or Redis
 * `SET id 1 NX EX <seconds>`; keep IDs at least as long as your `maxAgeMs`.
 */
const handled = new Set<string>();

/**
 * Handles a verified event once. The ID is claimed before the work and released if the work
 * fails, so that Dub's retry does it again: a duplicate is skipped, a failure is never lost.
 */
export async function handleDubEvent(event: WebhookEvent): Promise<void> {
  if (handled.has(event.id)) return; // a retry of a delivery already handled
  handled.add(event.id);
  try {
    if (!isKnownWebhookEvent(event)) return; // a trigger added since: acknowledge it, do nothing
    switch (event.event) {
      case "partner.enrolled":
        await app.welcomePartner(event.data.tenantId, event.data.email);
        break;
      case "commission.created":
        await app.recordCommission(event.data.id, event.data.partner.id, event.data.earnings);
        break;
      default:
        break; // subscribed, but nothing to do
    }
  } catch (error) {
    handled.delete(event.id);
    throw error;
  }
}

/**
 * The status to answer when verification fails. Dub retries any delivery not answered with
 * 2XX, and disables a webhook after 20 failures in a row.
 */
export function statusFor(error: unknown): number {
  if (!(error instanceof WebhookVerificationError)) return 500; // your own code failed: let Dub retry
  switch (error.code) {
    case "too_old":
      return 200; // authentic but stale: acknowledged and dropped, so that Dub stops retrying
    case "missing_secret":
    case "invalid_secret":
    case "invalid_options":
    case "parsed_body":
      return 500; // this receiver is misconfigured: Dub's retries succeed once it is fixed
    default:
      return 400; // not a genuine delivery from Dub
  }
}

/** Forgets every handled ID and everything done (between tests). */
export function resetReceiver(): void {
  handled.clear();
  app.done.length = 0;
}
