export type { LinkSchema, LinkTag } from "./link.js";
export type { LinkProps, TestVariant } from "./link-props.js";
export type {
  CreatePartnerResponseBody,
  PartnerApplicationReview,
  PartnerLink,
  PartnerOnlinePresence,
  PartnerStatus,
  PartnerTag,
  ReferralFormData,
  ReferralFormField,
} from "./partner.js";
export type { BountySubmission, BountySubmissionFile, BountySubmissionRejectionReason, BountySubmissionStatus } from "./bounty-submission.js";
export type { DiscountCodeSchema } from "./discount-code.js";
export type { OpenEnum } from "../core/schema.js";
export type { Commission, CommissionStatus, CommissionType, SettableCommissionStatus } from "./commission.js";
export type { CommissionCustomer, Customer } from "./customer.js";
export type { PaymentProcessor } from "./payment-processor.js";
