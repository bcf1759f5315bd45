import * as z from "zod/mini";
import { type CrossFieldRule, withCrossFieldRules } from "../core/cross-field-rules.js";
import type { PageQuery } from "../core/pagination.js";
import { PARTNER_STATUSES, type PartnerStatus } from "./list-partners.js";
import { onlinePresenceFields, type PartnerOnlinePresence } from "./partner.js";
import { maxString, oneOf, type OpenEnum, openEnum, optionalNullable, pageFields } from "./schema-helpers.js";

/** Query of `partnerApplications.list` (`GET /partners/applications`). Every field is optional. */
export interface ListPartnerApplicationsQuery extends PageQuery {
  /** A filter on the list based on the partner's `country` field (e.g. `"US"`). */
  country?: string;
  /** A filter on the list based on the partner's `groupId` field. */
  groupId?: string;
  /** The page number for pagination, from `1`. Default `1`; iterating the result goes on from this page. */
  page?: number;
  /** The number of items per page, from 1 to 100. Default `100`. */
  pageSize?: number;
}

/** The applicant of a {@link PartnerApplication}. */
export interface PartnerApplicationPartner extends PartnerOnlinePresence {
  /** The partner's unique ID on Dub. */
  id: string;
  /** The partner's full legal name. */
  name: string;
  /** If the partner profile type is a company, this is the partner's legal company name. */
  companyName: string | null;
  /** The partner's email address. Should be a unique value across Dub. */
  email: string | null;
  /** The partner's avatar image. */
  image: string | null;
  /** A brief description of the partner and their background. */
  description?: string | null;
  /** The partner's country (required for tax purposes). */
  country: string | null;
  /** The partner's group ID on Dub. */
  groupId?: string | null;
  /** The status of the partner's enrollment in the program (`pending` for an application awaiting review). */
  status: OpenEnum<PartnerStatus>;
}

/** One answer of the program's application form. */
export interface PartnerApplicationAnswer {
  /** The question, as the form labels it. */
  label: string;
  /** The applicant's answer; `null` when left empty. */
  value: string | null;
}

/** A pending application to your program, as `partnerApplications.list` lists it. */
export interface PartnerApplication {
  /** The application's unique ID. */
  id: string;
  /** When the application was submitted. */
  createdAt: string;
  /** The applicant. */
  partner: PartnerApplicationPartner;
  /** The answers to the program's application form. */
  applicationFormData: PartnerApplicationAnswer[] | null;
}

/** Body of `partnerApplications.approve` (`POST /partners/applications/approve`). */
export interface ApprovePartnerApplicationRequestBody {
  /** The ID of the partner to approve. */
  partnerId: string;
  /** The ID of the group to assign the partner to. If not provided, the partner will be assigned to the group they applied to, or the program's default group if no application group is set. */
  groupId?: string | null;
}

/** Why an application is rejected. */
export type PartnerApplicationRejectionReason = "needsMoreDetail" | "doesNotMeetRequirements" | "notTheRightFit" | "other";

/** Body of `partnerApplications.reject` (`POST /partners/applications/reject`). */
export interface RejectPartnerApplicationRequestBody {
  /** The ID of the partner to reject. */
  partnerId: string;
  /** The reason for rejecting the partner application. This will be shared with the partner via email. */
  rejectionReason?: PartnerApplicationRejectionReason;
  /** Additional details about the rejection (at most 500 characters). This will be shared with the partner via email. */
  rejectionNote?: string;
  /** When the partner may apply again: `instant` (at once; the rejected enrollment is removed), `standard` (after 30 days, the server's default) or `never`. */
  reapplicationTimeframe?: "instant" | "standard" | "never";
  /** Whether to flag the partner for fraud review by the Dub team. Cannot be combined with `reapplicationTimeframe: "instant"`, and needs `flagForFraudReason`. */
  flagForFraud?: boolean;
  /** The reason for flagging the partner for fraud (at most 2,000 characters). Required when `flagForFraud` is true. */
  flagForFraudReason?: string;
}

/** What `partnerApplications.approve` returns (`200`). */
export interface ApprovePartnerApplicationResponseBody {
  /** The ID of the approved partner. */
  partnerId: string;
}

/** What `partnerApplications.reject` returns (`200`). */
export interface RejectPartnerApplicationResponseBody {
  /** The ID of the rejected partner. */
  partnerId: string;
}

/** Request schema of `partnerApplications.list`. */
export const listPartnerApplicationsQuerySchema: z.ZodMiniType<ListPartnerApplicationsQuery, ListPartnerApplicationsQuery> = z.strictObject({
  country: z.optional(z.string()),
  groupId: z.optional(z.string()),
  ...pageFields,
});

const nullableString = z.nullable(z.string());

const applicationSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  partner: z.looseObject({
    id: z.string(),
    name: z.string(),
    companyName: nullableString,
    email: nullableString,
    image: nullableString,
    description: z.optional(nullableString),
    country: nullableString,
    groupId: z.optional(nullableString),
    status: openEnum(PARTNER_STATUSES),
    ...onlinePresenceFields,
  }),
  applicationFormData: z.nullable(z.array(z.looseObject({ label: z.string(), value: nullableString }))),
});

/** Response schema of `partnerApplications.list`. */
export const partnerApplicationsSchema: z.ZodMiniType<PartnerApplication[]> = z.array(applicationSchema);

/** Request schema of `partnerApplications.approve`. */
export const approvePartnerApplicationRequestSchema: z.ZodMiniType<ApprovePartnerApplicationRequestBody, ApprovePartnerApplicationRequestBody> =
  z.strictObject({ partnerId: z.string(), groupId: optionalNullable(z.string()) });

/** The server's rules across the fields of a rejection (it answers 400 to a body that breaks them). */
const fraudFlagRules: CrossFieldRule = {
  test: (input) => {
    const { flagForFraud, flagForFraudReason, reapplicationTimeframe } = input as Partial<RejectPartnerApplicationRequestBody>;
    if (flagForFraud !== true) return true;
    return reapplicationTimeframe !== "instant" && typeof flagForFraudReason === "string" && flagForFraudReason.trim() !== "";
  },
  message: 'flagForFraud needs a non-empty flagForFraudReason and cannot be combined with reapplicationTimeframe "instant"',
};

/** Request schema of `partnerApplications.reject`. */
export const rejectPartnerApplicationRequestSchema: z.ZodMiniType<RejectPartnerApplicationRequestBody, RejectPartnerApplicationRequestBody> = withCrossFieldRules(
  z.strictObject({
    partnerId: z.string(),
    rejectionReason: z.optional(oneOf(["needsMoreDetail", "doesNotMeetRequirements", "notTheRightFit", "other"])),
    rejectionNote: z.optional(maxString(500)),
    reapplicationTimeframe: z.optional(oneOf(["instant", "standard", "never"])),
    flagForFraud: z.optional(z.boolean()),
    flagForFraudReason: z.optional(maxString(2000)),
  }),
  fraudFlagRules,
);
