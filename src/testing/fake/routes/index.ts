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
};

/** The server's checks beyond the spec, by operationId, answered with the spec's 422 (listed together). */
export const SERVER_RULES: { readonly [Id in OperationId]?: (input: RouteInput<Id>) => string[] } = {
  createPartner: createPartnerRules,
  createReferralsEmbedToken: createReferralsEmbedTokenRules,
};

/**
 * Operations whose body is optional: the server reads a missing (or unparsable) body as `{}`,
 * where it answers 400 to other operations.
 */
export const OPTIONAL_BODY: { readonly [Id in OperationId]?: true } = {
  approveBountySubmission: true,
  rejectBountySubmission: true,
};
