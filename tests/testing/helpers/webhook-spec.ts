import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { toJsonSchema } from "../../../scripts/lib/openapi.mjs";

const document = toJsonSchema(JSON.parse(readFileSync(new URL("../../../spec/webhook-events.openapi.json", import.meta.url), "utf8"))) as object;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(document, "webhooks");

/** The schema of each trigger's event in the spec (triggers it lacks, such as payout.confirmed, are not here). */
const SCHEMA_OF: Record<string, string> = {
  "lead.created": "LeadCreatedEvent",
  "sale.created": "SaleCreatedEvent",
  "commission.created": "CommissionCreatedEvent",
  "link.clicked": "LinkClickedEvent",
  "partner.enrolled": "PartnerEnrolledEvent",
  "partner.application_submitted": "PartnerApplicationSubmittedEvent",
  "discount_code.created": "DiscountCodeWebhookEvent",
  "discount_code.deleted": "DiscountCodeWebhookEvent",
};

const cache = new Map<string, ValidateFunction>();

/** Throws with ajv's findings unless `event` (`{ id, event, createdAt, data }`) is what the spec documents for its trigger. */
export function assertWebhookEvent(event: { id: string; event: string; createdAt: string; data: object }): void {
  const name = SCHEMA_OF[event.event];
  if (!name) throw new Error(`the spec has no schema for ${event.event}`);
  let validate = cache.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `webhooks#/components/schemas/${name}` });
    cache.set(name, validate);
  }
  const valid: boolean = validate(structuredClone(event));
  if (!valid) throw new Error(`${event.event} does not match ${name}:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\n${JSON.stringify(event).slice(0, 1500)}`);
}
