import type { BeyondSpec } from "../beyond-spec.js";
import { analyticsRoute } from "./analytics.js";
import { approveApplicationRoute, listApplicationsRoute, rejectApplicationRoute } from "./applications.js";
import { approveBountySubmissionRoute, listBountySubmissionsRoute, rejectBountySubmissionRoute } from "./bounties.js";
import type { OperationId, RouteInput, RouteTable } from "./context.js";
import { createLinkRoute } from "./create-link.js";
import { createPartnerRoute, createPartnerRules } from "./create-partner.js";
import { createDiscountCodeRoute, deleteDiscountCodeRoute, listDiscountCodesRoute } from "./discount-codes.js";
import { createReferralsEmbedTokenRoute, createReferralsEmbedTokenRules } from "./embed-tokens.js";
import { listPartnersRoute } from "./list-partners.js";
import { banRoute, deactivateRoute } from "./partner-actions.js";
import { retrieveLinksRoute } from "./retrieve-links.js";
import { upsertLinkRoute } from "./upsert-link.js";
import { trackLeadRoute, trackOpenRoute, trackOpenRules, trackSaleRoute } from "./track.js";
import { deleteCustomerRoute, getCustomerRoute, listCustomersRoute, updateCustomerRoute } from "./customers.js";
import {
  bulkUpdateCommissionsRoute,
  bulkUpdateCommissionsRules,
  createCommissionRoute,
  createCommissionRules,
  listCommissionsRoute,
  listCommissionsRules,
  updateCommissionRoute,
} from "./commissions.js";
import { cursorPagingRules } from "./cursor-pages.js";
import { listPayoutsRoute } from "./payouts.js";
import { FIELDS_BEYOND_SPEC } from "./beyond-spec-fields.js";

/** The routes the fake serves, by operationId: one for every operation the SDK declares. */
export const ROUTES: RouteTable = {
  createPartner: createPartnerRoute,
  listPartners: listPartnersRoute,
  createPartnerLink: createLinkRoute,
  retrievePartnerLinks: retrieveLinksRoute,
  upsertPartnerLink: upsertLinkRoute,
  retrievePartnerAnalytics: analyticsRoute,
  banPartner: banRoute,
  deactivatePartner: deactivateRoute,
  listPartnerApplications: listApplicationsRoute,
  approvePartnerApplication: approveApplicationRoute,
  rejectPartnerApplication: rejectApplicationRoute,
  listDiscountCodes: listDiscountCodesRoute,
  createDiscountCode: createDiscountCodeRoute,
  deleteDiscountCode: deleteDiscountCodeRoute,
  createReferralsEmbedToken: createReferralsEmbedTokenRoute,
  listBountySubmissions: listBountySubmissionsRoute,
  approveBountySubmission: approveBountySubmissionRoute,
  rejectBountySubmission: rejectBountySubmissionRoute,
  trackLead: trackLeadRoute,
  trackSale: trackSaleRoute,
  trackOpen: trackOpenRoute,
  getCustomers: listCustomersRoute,
  getCustomer: getCustomerRoute,
  updateCustomer: updateCustomerRoute,
  deleteCustomer: deleteCustomerRoute,
  createCommission: createCommissionRoute,
  listCommissions: listCommissionsRoute,
  updateCommission: updateCommissionRoute,
  bulkUpdateCommissions: bulkUpdateCommissionsRoute,
  listPayouts: listPayoutsRoute,
};

/** The server's checks beyond the spec, by operationId, answered with the spec's 422 (listed together). */
export const SERVER_RULES: { readonly [Id in OperationId]?: (input: RouteInput<Id>) => string[] } = {
  createPartner: createPartnerRules,
  createReferralsEmbedToken: createReferralsEmbedTokenRules,
  trackOpen: trackOpenRules,
  getCustomers: cursorPagingRules,
  createCommission: createCommissionRules,
  listCommissions: (input) => [...cursorPagingRules(input), ...listCommissionsRules(input)],
  bulkUpdateCommissions: bulkUpdateCommissionsRules,
};

/**
 * Operations whose body is optional: the server reads a missing (or unparsable) body as `{}`,
 * where it answers 400 to other operations.
 */
export const OPTIONAL_BODY: { readonly [Id in OperationId]?: true } = {
  approveBountySubmission: true,
  rejectBountySubmission: true,
};

/** What the fake judges itself rather than the document's validators, by operationId (see `beyond-spec.ts`). */
export const BEYOND_SPEC: { readonly [Id in OperationId]?: BeyondSpec } = FIELDS_BEYOND_SPEC;
