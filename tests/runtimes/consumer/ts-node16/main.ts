// ESM TypeScript consumer (module node16). Type-checks uses of the public types, then runs the
// smoke scenario on Node with the compiled output. Usage: node main.js <serverURL>
import * as sdk from "dub-partners";
import {
  Conflict,
  Dub,
  DubError,
  RateLimitExceeded,
  SDKValidationError,
  type CreatePartnerRequestBody,
  type CreatePartnerResponseBody,
  type DubOptions,
  type LinkSchema,
  type RequestOptions,
  type RetryConfig,
  type UpsertPartnerLinkRequestBody,
} from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { isKnownWebhookEvent, verifyWebhook, WebhookVerificationError, type WebhookEvent } from "dub-partners/webhooks";
import type { IncomingHttpHeaders } from "node:http";
import { createFakeDub, errorReply, type FakeDubOptions, type InjectOptions } from "dub-partners/testing";
import { runScenario, type ScenarioResult } from "../scenario.mjs";

// Compile-time checks: these must type-check, and the @ts-expect-error lines must be errors
// (they would not be if the types had resolved to `any`).
const options: DubOptions = { token: () => "dub_x", timeoutMs: 5_000, retryConfig: { strategy: "none" } };
const perCall: RequestOptions = { retries: { strategy: "backoff", retryNonIdempotent: true }, headers: { "x-trace": "1" } };
const retry: RetryConfig = { strategy: "backoff", backoff: { initialInterval: 100, maxElapsedTime: 1_000 } };
const body: CreatePartnerRequestBody = { email: "kim@example.com", name: null, linkProps: { tagIds: ["t"] } };
const upsert: UpsertPartnerLinkRequestBody = { tenantId: "user_42", url: "https://acme.com" };
const fakeOptions: FakeDubOptions = { rateLimit: { limit: 10, windowMs: 1_000 }, seed: 1 };
const injectOptions: InjectOptions = { route: "PUT /partners/links/upsert", times: 1 };
// @ts-expect-error an unknown retry strategy
const badRetry: RetryConfig = { strategy: "sometimes" };
// @ts-expect-error `email` is required
const noEmail: CreatePartnerRequestBody = { name: "Kim" };
// @ts-expect-error `url` is required by upsertLink
const noUrl: UpsertPartnerLinkRequestBody = { partnerId: "pn_1" };

async function typedUse(dub: Dub): Promise<string | number> {
  try {
    const partner: CreatePartnerResponseBody = await dub.partners.create(body, perCall);
    const link: LinkSchema = await dub.partners.upsertLink({ ...upsert, partnerId: partner.id });
    return link.shortLink;
  } catch (error) {
    if (error instanceof Conflict) return error.statusCode;
    if (error instanceof RateLimitExceeded) return error.rateLimit?.retryAfterMs ?? 0;
    if (error instanceof SDKValidationError) return error.issues.map((i) => i.path.join(".")).join();
    if (error instanceof errors.DubError) return `${error.code}: ${error.body}`;
    if (error instanceof DubError) return error.statusCode;
    throw error;
  }
}
async function onDelivery(body: Buffer, headers: IncomingHttpHeaders): Promise<string> {
  try {
    const event: WebhookEvent = await verifyWebhook(body, headers, { maxAgeMs: 72 * 3_600_000 });
    if (!isKnownWebhookEvent(event)) return event.event;
    if (event.event === "commission.created") return `${event.data.earnings} ${event.data.partner.id}`;
    // @ts-expect-error `earnings` is not on every known event's data
    return String(event.data.earnings);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
}
// Never called: the type error is the check.
// @ts-expect-error maxAgeMs is a number
const badMaxAge = () => verifyWebhook("{}", {}, { maxAgeMs: "72h" });
void [options, retry, badRetry, noEmail, noUrl, typedUse, createFakeDub, errorReply("conflict"), fakeOptions, injectOptions, onDelivery, badMaxAge];

const result: ScenarioResult = await runScenario(sdk, {
  serverURL: process.argv[2] ?? "",
  format: "esm (tsc node16)",
  resolved: import.meta.resolve("dub-partners"),
  errors,
  webhooks,
});
console.log(JSON.stringify(result));
