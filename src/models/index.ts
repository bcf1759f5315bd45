export type { CreatePartnerRequestBody } from "./create-partner-request.js";
export type { LinkSchema, LinkTag } from "./link.js";
export type { LinkProps, TestVariant } from "./link-props.js";
export type {
  CreatePartnerResponseBody,
  PartnerApplicationReview,
  PartnerLink,
  PartnerTag,
  ReferralFormData,
  ReferralFormField,
} from "./partner.js";
export type { CreatePartnerLinkRequestBody, UpsertPartnerLinkRequestBody } from "./partner-link-request.js";
export type { OpenEnum } from "./schema-helpers.js";
