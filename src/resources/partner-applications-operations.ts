import { defineOperation } from "../core/operation.js";
import { partnerIdResponseSchema } from "../models/partner-actions.js";
import {
  approvePartnerApplicationRequestSchema,
  listPartnerApplicationsQuerySchema,
  partnerApplicationsSchema,
  rejectPartnerApplicationRequestSchema,
} from "../models/partner-applications.js";

/** `GET /partners/applications`: one page of the pending applications, newest first. Idempotent: a read. */
export const listPartnerApplications = defineOperation({
  name: "partnerApplications.list",
  method: "GET",
  path: "/partners/applications",
  request: listPartnerApplicationsQuerySchema,
  requestIn: "query",
  response: partnerApplicationsSchema,
  idempotent: true,
});

/**
 * `POST /partners/applications/approve`: enrolls the applicant in a group. Idempotent: approving
 * twice leaves the partner approved and enrolls them once (the server refuses the repeat with 400
 * `bad_request`, "already approved").
 */
export const approvePartnerApplication = defineOperation({
  name: "partnerApplications.approve",
  method: "POST",
  path: "/partners/applications/approve",
  request: approvePartnerApplicationRequestSchema,
  requestIn: "body",
  response: partnerIdResponseSchema,
  idempotent: true,
});

/**
 * `POST /partners/applications/reject`: rejects a pending application and emails the partner.
 * Idempotent: rejecting twice leaves the application rejected and sends one email (the server
 * refuses the repeat with 400 `bad_request`, "no longer pending", or 404 after an `instant`
 * rejection, which removes the enrollment).
 */
export const rejectPartnerApplication = defineOperation({
  name: "partnerApplications.reject",
  method: "POST",
  path: "/partners/applications/reject",
  request: rejectPartnerApplicationRequestSchema,
  requestIn: "body",
  response: partnerIdResponseSchema,
  idempotent: true,
});
