// The event types against Dub's own webhook schemas (spec/webhook-events.openapi.json): each
// typed sample event, holding only what the types require, must satisfy the schema of its
// trigger, and the triggers must be the spec's plus the three it lacks.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { WEBHOOK_TRIGGERS, type KnownWebhookTrigger } from "../../src/webhooks/index.js";
import { sampleEvents } from "./fixtures.js";
import { toJsonSchema } from "../../scripts/lib/openapi.mjs";

interface Schema {
  [keyword: string]: unknown;
}

const document = JSON.parse(readFileSync(new URL("../../spec/webhook-events.openapi.json", import.meta.url), "utf8"));
const schemas = document.components.schemas as Record<string, Schema>;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(toJsonSchema(document) as object, "spec");

/** The triggers a schema of the spec's WebhookEvent union accepts. */
function triggersOf(schema: Schema): string[] {
  const event = (schema.properties as Record<string, Schema>).event!;
  const members = (event.anyOf as Schema[] | undefined) ?? [event];
  return members.flatMap((member) => member.enum as string[]);
}

const union = (schemas.WebhookEvent!.anyOf as { $ref: string }[]).map((member) => member.$ref.split("/").pop()!);
const schemaOf = new Map<string, string>(union.flatMap((name) => triggersOf(schemas[name]!).map((trigger) => [trigger, name] as const)));

function validate(schemaName: string, value: unknown): string | undefined {
  const check = ajv.getSchema(`spec#/components/schemas/${schemaName}`)!;
  return check(value) ? undefined : ajv.errorsText(check.errors);
}

describe("the event types follow Dub's webhook schemas", () => {
  it("the triggers are the spec's twelve plus bounty.created, bounty.updated and payout.confirmed", () => {
    expect(schemaOf.size).toBe(12);
    expect([...schemaOf.keys()].filter((t) => !WEBHOOK_TRIGGERS.includes(t as KnownWebhookTrigger))).toEqual([]);
    expect(WEBHOOK_TRIGGERS.filter((t) => !schemaOf.has(t))).toEqual(["bounty.created", "bounty.updated", "payout.confirmed"]);
    expect(new Set(WEBHOOK_TRIGGERS).size).toBe(15);
  });

  it.each([...schemaOf])("a %s event with only the fields its type requires satisfies %s", (trigger, schemaName) => {
    const event = sampleEvents[trigger as KnownWebhookTrigger];
    expect(event.event).toBe(trigger);
    expect(validate(schemaName, event)).toBeUndefined();
  });

  it("the check is live: an event without a field the schema requires fails it", () => {
    const { shortLink: _, ...withoutShortLink } = sampleEvents["link.created"].data;
    expect(validate("LinkWebhookEvent", { ...sampleEvents["link.created"], data: withoutShortLink })).toMatch(/shortLink/);
    expect(validate("CommissionCreatedEvent", { ...sampleEvents["commission.created"], data: { ...sampleEvents["commission.created"].data, earnings: "980" } })).toMatch(/earnings/);
  });
});
