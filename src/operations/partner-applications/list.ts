import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { openEnum, pageFields, responseObject } from "../../core/schema.js";
import { onlinePresenceFields, PARTNER_STATUSES } from "../../models/partner.js";

/** Request schema of `partnerApplications.list`. */
const listPartnerApplicationsQuerySchema = z.strictObject({
  /** A filter on the list based on the partner's `country` field (e.g. `"US"`). */
  country: z.optional(z.string()),
  /** A filter on the list based on the partner's `groupId` field. */
  groupId: z.optional(z.string()),
  ...pageFields,
});

/** Query of `partnerApplications.list` (`GET /partners/applications`). Every field is optional. */
export type ListPartnerApplicationsQuery = z.input<typeof listPartnerApplicationsQuerySchema>;

const answerSchema = responseObject({
  /** The question, as the form labels it. */
  label: z.string(),
  /** The applicant's answer; `null` when left empty. */
  value: z.nullable(z.string()),
});

/** One answer of the program's application form. */
export type PartnerApplicationAnswer = z.output<typeof answerSchema>;

const nullableString = z.nullable(z.string());

const applicationSchema = responseObject({
  /** The application's unique ID. */
  id: z.string(),
  /** When the application was submitted. */
  createdAt: z.string(),
  /** The applicant. */
  partner: responseObject({
    /** The partner's unique ID on Dub. */
    id: z.string(),
    /** The partner's full legal name. */
    name: z.string(),
    /** If the partner profile type is a company, this is the partner's legal company name. */
    companyName: nullableString,
    /** The partner's email address. Should be a unique value across Dub. */
    email: nullableString,
    /** The partner's avatar image. */
    image: nullableString,
    /** A brief description of the partner and their background. */
    description: z.optional(nullableString),
    /** The partner's country (required for tax purposes). */
    country: nullableString,
    /** The partner's group ID on Dub. */
    groupId: z.optional(nullableString),
    /** The status of the partner's enrollment in the program (`pending` for an application awaiting review). */
    status: openEnum<(typeof PARTNER_STATUSES)[number]>(),
    ...onlinePresenceFields,
  }),
  /** The answers to the program's application form. */
  applicationFormData: z.nullable(z.array(answerSchema)),
});

/** A pending application to your program, as `partnerApplications.list` lists it. */
export type PartnerApplication = z.output<typeof applicationSchema>;

/** The applicant of a {@link PartnerApplication}. */
export type PartnerApplicationPartner = PartnerApplication["partner"];

export default {
  /**
   * Lists the pending applications to your program, newest first. Await it for one page (an
   * array), or iterate it with `for await` for every application of every page. Safe to retry.
   *
   * @example
   * ```ts
   * for await (const application of dub.partnerApplications.list({ country: "US" })) {
   *   console.log(application.partner.email, application.applicationFormData);
   * }
   * ```
   */
  list: defineOperation({
    operationId: "listPartnerApplications",
    http: "GET /partners/applications",
    argument: "query",
    request: listPartnerApplicationsQuerySchema,
    response: z.array(applicationSchema),
    idempotent: true,
    paging: "page",
  }),
};
