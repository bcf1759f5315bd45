/**
 * The contract cases of every operation the SDK declares, keyed by operationId: a new operation
 * without its cases is a type error here. `every-operation.test.ts` runs them all the same way
 * against the vendored OpenAPI document; the other files of this folder go deeper per operation.
 */
import { exampleLink, examplePartner, partnerLinkSummary } from "../../src/testing/fixtures.js";
import type { OperationId } from "../helpers/declarations.js";
import { responseSchema, sampleFromSchema, spec } from "./spec.js";

/** What one operation is checked with. */
export interface ContractCase {
  /** The status of the spec's success response. */
  readonly status: number;
  /** A spec-valid success body. */
  readonly reply: () => unknown;
  /** Arguments the SDK must send as the spec describes them (at least one). */
  readonly valid: readonly { readonly name: string; readonly argument: unknown }[];
  /** Arguments the SDK must refuse before sending, with the path of the problem (at least one). */
  readonly invalid: readonly { readonly name: string; readonly argument: unknown; readonly path: readonly (string | number)[] }[];
}

const component = (name: string) => () => sampleFromSchema(spec.components.schemas[name]!);
const sample = (operationId: OperationId, status: string) => () => sampleFromSchema(responseSchema(operationId, status));

export const CONTRACT_CASES: { readonly [Id in OperationId]: ContractCase } = {
  createPartner: {
    status: 201,
    reply: () => examplePartner(),
    valid: [{ name: "email only", argument: { email: "kim@example.com" } }],
    invalid: [{ name: "no email", argument: { name: "Kim" }, path: ["email"] }],
  },
  createPartnerLink: {
    status: 201,
    reply: () => exampleLink(),
    valid: [{ name: "by partnerId", argument: { partnerId: "pn_1", url: "https://acme.com" } }],
    invalid: [{ name: "key of 191 characters", argument: { partnerId: "pn_1", key: "k".repeat(191) }, path: ["key"] }],
  },
  upsertPartnerLink: {
    status: 200,
    reply: () => exampleLink(),
    valid: [{ name: "by tenantId", argument: { tenantId: "user_42", url: "https://acme.com" } }],
    invalid: [{ name: "no url", argument: { partnerId: "pn_1" }, path: ["url"] }],
  },
  listPartners: {
    status: 200,
    reply: () => [examplePartner()],
    valid: [{ name: "filtered and sorted", argument: { status: "approved", sortBy: "createdAt", sortOrder: "asc", pageSize: 10 } }],
    invalid: [{ name: "pageSize above 100", argument: { pageSize: 101 }, path: ["pageSize"] }],
  },
  retrievePartnerLinks: {
    status: 200,
    reply: () => [partnerLinkSummary(exampleLink())],
    valid: [{ name: "by partnerId", argument: { partnerId: "pn_1" } }],
    invalid: [{ name: "partnerId not a string", argument: { partnerId: 1 }, path: ["partnerId"] }],
  },
  retrievePartnerAnalytics: {
    status: 200,
    reply: component("PartnerAnalyticsCount"),
    valid: [{ name: "30 days of totals", argument: { partnerId: "pn_1", interval: "30d" } }],
    invalid: [{ name: "an unknown interval", argument: { partnerId: "pn_1", interval: "2d" }, path: ["interval"] }],
  },
  banPartner: {
    status: 200,
    reply: sample("banPartner", "200"),
    valid: [{ name: "with a reason", argument: { partnerId: "pn_1", reason: "fraud" } }],
    invalid: [{ name: "an unknown reason", argument: { partnerId: "pn_1", reason: "rude" }, path: ["reason"] }],
  },
  deactivatePartner: {
    status: 200,
    reply: sample("deactivatePartner", "200"),
    valid: [{ name: "by tenantId", argument: { tenantId: "user_42" } }],
    invalid: [{ name: "tenantId not a string", argument: { tenantId: 42 }, path: ["tenantId"] }],
  },
  listPartnerApplications: {
    status: 200,
    reply: sample("listPartnerApplications", "200"),
    valid: [{ name: "by country", argument: { country: "US" } }],
    invalid: [{ name: "page 0", argument: { page: 0 }, path: ["page"] }],
  },
  approvePartnerApplication: {
    status: 200,
    reply: sample("approvePartnerApplication", "200"),
    valid: [{ name: "into a group", argument: { partnerId: "pn_1", groupId: "grp_1" } }],
    invalid: [{ name: "no partnerId", argument: {}, path: ["partnerId"] }],
  },
  rejectPartnerApplication: {
    status: 200,
    reply: sample("rejectPartnerApplication", "200"),
    valid: [{ name: "with a reason and a note", argument: { partnerId: "pn_1", rejectionReason: "other", rejectionNote: "Not now." } }],
    invalid: [{ name: "a note of 501 characters", argument: { partnerId: "pn_1", rejectionNote: "n".repeat(501) }, path: ["rejectionNote"] }],
  },
  listDiscountCodes: {
    status: 200,
    reply: sample("listDiscountCodes", "200"),
    valid: [{ name: "of a partner", argument: { partnerId: "pn_1", pageSize: 10 } }],
    invalid: [{ name: "page 0", argument: { page: 0 }, path: ["page"] }],
  },
  createDiscountCode: {
    status: 200,
    reply: component("DiscountCodeSchema"),
    valid: [{ name: "with a code", argument: { partnerId: "pn_1", linkId: "link_1", code: "KIM10OFF" } }],
    invalid: [{ name: "a code with a space", argument: { partnerId: "pn_1", linkId: "link_1", code: "KIM 10" }, path: ["code"] }],
  },
  deleteDiscountCode: {
    status: 200,
    reply: sample("deleteDiscountCode", "200"),
    valid: [{ name: "by code", argument: "KIM10OFF" }],
    invalid: [{ name: "an empty string", argument: "", path: [] }],
  },
  createReferralsEmbedToken: {
    status: 201,
    reply: sample("createReferralsEmbedToken", "201"),
    valid: [{ name: "by tenantId, with the partner to enroll", argument: { tenantId: "user_42", partner: { email: "kim@example.com", name: "Kim" } } }],
    invalid: [{ name: "a partner without an email", argument: { partner: { name: "Kim" } }, path: ["partner", "email"] }],
  },
  listBountySubmissions: {
    status: 200,
    reply: sample("listBountySubmissions", "200"),
    valid: [{ name: "submitted ones, newest completed first", argument: { bountyId: "bnty_1", status: "submitted", sortOrder: "desc" } }],
    invalid: [{ name: "an unknown status", argument: { bountyId: "bnty_1", status: "pending" }, path: ["status"] }],
  },
  approveBountySubmission: {
    status: 200,
    reply: sample("approveBountySubmission", "200"),
    valid: [{ name: "with a reward", argument: { bountyId: "bnty_1", submissionId: "bnty_sub_1", requestBody: { rewardAmount: 5000 } } }],
    invalid: [{ name: "no submissionId", argument: { bountyId: "bnty_1" }, path: ["submissionId"] }],
  },
  rejectBountySubmission: {
    status: 200,
    reply: sample("rejectBountySubmission", "200"),
    valid: [{ name: "with a reason", argument: { bountyId: "bnty_1", submissionId: "bnty_sub_1", requestBody: { rejectionReason: "invalidProof" } } }],
    invalid: [{ name: "an unknown reason", argument: { bountyId: "bnty_1", submissionId: "bnty_sub_1", requestBody: { rejectionReason: "rude" } }, path: ["requestBody", "rejectionReason"] }],
  },
  trackLead: {
    status: 200,
    reply: sample("trackLead", "200"),
    valid: [{ name: "a signup", argument: { clickId: "rLnWe1uz9t282v7g", eventName: "Sign up", customerExternalId: "user_42", customerEmail: "kim@example.com" } }],
    invalid: [{ name: "an eventQuantity of 101", argument: { clickId: "c", eventName: "Sign up", customerExternalId: "user_42", eventQuantity: 101 }, path: ["eventQuantity"] }],
  },
  trackSale: {
    status: 200,
    reply: sample("trackSale", "200"),
    valid: [{ name: "a sale with its invoice", argument: { customerExternalId: "user_42", amount: 4900, paymentProcessor: "stripe", invoiceId: "in_1QxYz2Ab3Cd4Ef5G" } }],
    invalid: [{ name: "an amount in fractions of a cent", argument: { customerExternalId: "user_42", amount: 49.5 }, path: ["amount"] }],
  },
  trackOpen: {
    status: 200,
    reply: sample("trackOpen", "200"),
    valid: [{ name: "a deep link", argument: { deepLink: "https://acme.link/spring" } }],
    invalid: [{ name: "a deep link of 32,001 characters", argument: { deepLink: `https://acme.link/${"k".repeat(31_983)}` }, path: ["deepLink"] }],
  },
  getCustomers: {
    status: 200,
    reply: sample("getCustomers", "200"),
    valid: [{ name: "a partner's customers, expanded", argument: { partnerId: "pn_1", includeExpandedFields: true, pageSize: 50 } }],
    invalid: [{ name: "an unknown sortBy", argument: { sortBy: "name" }, path: ["sortBy"] }],
  },
  getCustomer: {
    status: 200,
    reply: sample("getCustomer", "200"),
    valid: [{ name: "by external ID", argument: { id: "ext_user_42", includeExpandedFields: true } }],
    invalid: [{ name: "an empty id", argument: { id: "" }, path: ["id"] }],
  },
  updateCustomer: {
    status: 200,
    reply: sample("updateCustomer", "200"),
    valid: [{ name: "a new email", argument: { id: "cus_1", requestBody: { email: "kim@example.com" } } }],
    invalid: [{ name: "an avatar that is not a URI", argument: { id: "cus_1", requestBody: { avatar: "kim.png" } }, path: ["requestBody", "avatar"] }],
  },
  deleteCustomer: {
    status: 200,
    reply: sample("deleteCustomer", "200"),
    valid: [{ name: "by ID", argument: "cus_1JZ0XKA2B3C4D5E6F7G8H9J0K1" }],
    invalid: [{ name: "an ID that is not a string", argument: 42, path: [] }],
  },
  createCommission: {
    status: 202,
    reply: sample("createCommission", "202"),
    valid: [{ name: "a clawback", argument: { type: "custom", partnerId: "pn_1", amount: -2500, description: "order_canceled" } }],
    invalid: [{ name: "a description of 191 characters", argument: { type: "custom", partnerId: "pn_1", amount: 100, description: "d".repeat(191) }, path: ["description"] }],
  },
  listCommissions: {
    status: 200,
    reply: sample("listCommissions", "200"),
    valid: [{ name: "a partner's pending sale commissions", argument: { partnerId: "pn_1", type: "sale", status: "pending" } }],
    invalid: [{ name: "an unknown status", argument: { status: "approved" }, path: ["status"] }],
  },
  updateCommission: {
    status: 200,
    reply: sample("updateCommission", "200"),
    valid: [{ name: "a refund", argument: { id: "cm_1", requestBody: { status: "refunded" } } }],
    invalid: [{ name: "a negative sale amount", argument: { id: "cm_1", requestBody: { saleAmount: -1 } }, path: ["requestBody", "saleAmount"] }],
  },
  bulkUpdateCommissions: {
    status: 200,
    reply: sample("bulkUpdateCommissions", "200"),
    valid: [{ name: "two marked fraud", argument: { commissionIds: ["cm_1", "cm_2"], status: "fraud" } }],
    invalid: [{ name: "no IDs", argument: { commissionIds: [], status: "fraud" }, path: ["commissionIds"] }],
  },
  listPayouts: {
    status: 200,
    reply: sample("listPayouts", "200"),
    valid: [{ name: "pending, largest first", argument: { status: "pending", sortBy: "amount", sortOrder: "desc" } }],
    invalid: [{ name: "page 0", argument: { page: 0 }, path: ["page"] }],
  },
};
