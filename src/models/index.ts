export type { CreatePartnerRequestBody } from "./create-partner-request.js";
export type { LinkSchema, LinkTag } from "./link.js";
export type { LinkProps, TestVariant } from "./link-props.js";
export type { ListPartnersQuery, ListPartnersSortBy, PartnerStatus } from "./list-partners.js";
export type {
  CreatePartnerResponseBody,
  PartnerOnlinePresence,
  PartnerApplicationReview,
  PartnerLink,
  PartnerTag,
  ReferralFormData,
  ReferralFormField,
} from "./partner.js";
export type {
  BanPartnerReason,
  BanPartnerRequestBody,
  BanPartnerResponseBody,
  DeactivatePartnerRequestBody,
  DeactivatePartnerResponseBody,
} from "./partner-actions.js";
export type {
  PartnerAnalyticsCount,
  PartnerAnalyticsGroupBy,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
  RetrievePartnerAnalyticsQuery,
} from "./partner-analytics.js";
export type {
  ApprovePartnerApplicationRequestBody,
  ApprovePartnerApplicationResponseBody,
  ListPartnerApplicationsQuery,
  PartnerApplication,
  PartnerApplicationAnswer,
  PartnerApplicationPartner,
  PartnerApplicationRejectionReason,
  RejectPartnerApplicationRequestBody,
  RejectPartnerApplicationResponseBody,
} from "./partner-applications.js";
export type { CreatePartnerLinkRequestBody, UpsertPartnerLinkRequestBody } from "./partner-link-request.js";
export type { RetrievePartnerLinksQuery } from "./retrieve-partner-links.js";
export type { OpenEnum } from "./schema-helpers.js";
