import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { isInteger, maxString, oneOf, optionalNullable, responseObject } from "../../core/schema.js";
import { emailString } from "../../models/email.js";
import { metadataSchema } from "../../models/metadata.js";
import { linkIdentityFields } from "../../models/link-identity.js";

const LEAD_MODES = ["async", "wait", "deferred"] as const;

/**
 * How `track.lead` records the lead.
 *
 * @useDeclaredType
 */
export type TrackLeadMode = (typeof LEAD_MODES)[number];

/** Request schema of `track.lead`. */
const trackLeadRequestSchema = z.strictObject({
  /**
   * The ID of the click the lead is attributed to: the `dub_id` cookie, or the `clickId` of
   * `track.open`. With `mode: "deferred"` tracking done before, an empty string reuses the click
   * of the customer with `customerExternalId`.
   */
  clickId: z.string(),
  /** The name of the lead event (1 to 255 characters), e.g. `"Sign up"`. A later `track.sale` can name it in `leadEventName`. */
  eventName: z.string().check(z.minLength(1), z.maxLength(255)),
  /** The customer's unique ID in your system (1 to 100 characters): every later event of this customer is attributed by it. */
  customerExternalId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The customer's name (at most 100 characters). Default: a random name (e.g. "Big Red Caribou"). */
  customerName: optionalNullable(maxString(100)),
  /** The customer's email address (at most 100 characters). */
  customerEmail: optionalNullable(emailString(100)),
  /** The URL of the customer's avatar. */
  customerAvatar: optionalNullable(z.string()),
  /**
   * `async` (the default) answers before the lead is fully recorded; `wait` answers once it is;
   * `deferred` creates the customer now and leaves the lead to a later call (without `deferred`).
   * A deferred lead is not deduplicated by the server, so it is not retried after an ambiguous failure.
   */
  mode: z.optional(oneOf(LEAD_MODES)),
  /** How many times the lead counts (1 to 100), e.g. the seats of a trial. */
  eventQuantity: optionalNullable(z.number().check(isInteger, z.gte(1), z.lte(100))),
  /** Additional data stored with the lead event: an object of at most 10,000 characters as JSON. */
  metadata: optionalNullable(metadataSchema),
});

/** Body of `track.lead` (`POST /track/lead`). `clickId`, `eventName` and `customerExternalId` are required. */
export type TrackLeadRequestBody = z.input<typeof trackLeadRequestSchema>;

const nullableString = z.nullable(z.string());

const trackLeadResponseSchema = responseObject({
  /** The click the lead was attributed to. */
  click: responseObject({
    /** The click's ID. */
    id: z.string(),
  }),
  /** The link that was clicked; `null` when the lead was a repeat the server deduplicated. */
  link: z.nullable(
    responseObject({
      ...linkIdentityFields,
      /** The ID of the partner the short link is associated with. */
      partnerId: nullableString,
      /** The ID of the program the short link is associated with. */
      programId: nullableString,
      /** The ID of the tenant that created the link inside your system. */
      tenantId: nullableString,
      /** The ID of the link in your database. */
      externalId: nullableString,
    }),
  ),
  /** The customer the lead belongs to. */
  customer: responseObject({
    /** The customer's name. */
    name: nullableString,
    /** The customer's email address. */
    email: nullableString,
    /** The URL of the customer's avatar. */
    avatar: nullableString,
    /** The customer's unique ID in your system. */
    externalId: nullableString,
  }),
});

/** What `track.lead` returns (`200`). */
export type TrackLeadResponseBody = z.output<typeof trackLeadResponseSchema>;

/**
 * Whether a lead may be repeated: the server records one lead per customer and event name for
 * 7 days and answers a repeat without recording it, except in `deferred` mode, which skips that
 * deduplication.
 */
function leadIsRepeatable(body: TrackLeadRequestBody): true | string {
  if (body.mode !== "deferred") return true;
  return 'a lead with mode "deferred" is not deduplicated by the server: check customers.get({ id: "ext_" + customerExternalId }) before repeating it, or pass retryNonIdempotent';
}

export default {
  /**
   * Reports a lead (a signup, a trial) of a customer who clicked a partner's link; retried after an
   * ambiguous failure, except in `deferred` mode. The click is named by its `clickId`: the
   * customer is created, the lead counted on the link, and a lead commission created when the
   * partner has a lead reward. Safe to retry: the server
   * deduplicates a lead per customer and event name for 7 days (the repeat's answer has
   * `link: null`). Not with `mode: "deferred"`, which the server does not deduplicate: an
   * ambiguous failure of a deferred lead is not retried unless `retryNonIdempotent` is set.
   *
   * @example
   * ```ts
   * const { customer } = await dub.track.lead({
   *   clickId: request.cookies.dub_id,
   *   eventName: "Sign up",
   *   customerExternalId: user.id,
   *   customerEmail: user.email,
   * });
   * ```
   */
  lead: defineOperation({
    operationId: "trackLead",
    http: "POST /track/lead",
    argument: "body",
    request: trackLeadRequestSchema,
    response: trackLeadResponseSchema,
    idempotent: leadIsRepeatable,
  }),
};
