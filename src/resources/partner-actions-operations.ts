import { defineOperation } from "../core/operation.js";
import { banPartnerRequestSchema, deactivatePartnerRequestSchema, partnerIdResponseSchema } from "../models/partner-actions.js";

/**
 * `POST /partners/ban`: bans the partner, disables their links and cancels their pending
 * commissions. Idempotent: banning twice leaves the partner banned and nothing is done twice (the
 * server refuses the repeat with 400 `bad_request`, "already banned"), so a retry is safe.
 */
export const banPartner = defineOperation({
  name: "partners.ban",
  method: "POST",
  path: "/partners/ban",
  request: banPartnerRequestSchema,
  requestIn: "body",
  response: partnerIdResponseSchema,
  idempotent: true,
});

/**
 * `POST /partners/deactivate`: deactivates the partner and disables their links; commissions and
 * payouts stay. Idempotent: deactivating twice leaves the partner deactivated (the server refuses
 * the repeat with 400 `bad_request`, as only approved or archived partners can be deactivated).
 */
export const deactivatePartner = defineOperation({
  name: "partners.deactivate",
  method: "POST",
  path: "/partners/deactivate",
  request: deactivatePartnerRequestSchema,
  requestIn: "body",
  response: partnerIdResponseSchema,
  idempotent: true,
});
