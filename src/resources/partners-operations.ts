import { defineOperation } from "../core/operation.js";
import { createPartnerRequestSchema } from "../models/create-partner-request.js";
import { linkSchema } from "../models/link.js";
import { dropLegacyProgramId } from "../models/schema-helpers.js";
import { createPartnerLinkRequestSchema, upsertPartnerLinkRequestSchema } from "../models/partner-link-request.js";
import { createPartnerResponseSchema } from "../models/partner.js";

/** `POST /partners`: creates or updates (by email) a partner and enrolls them. Idempotent: the server upserts by email. */
export const createPartner = defineOperation({
  name: "partners.create",
  method: "POST",
  path: "/partners",
  request: createPartnerRequestSchema,
  requestIn: "body",
  toWire: dropLegacyProgramId,
  response: createPartnerResponseSchema,
  idempotent: true,
});

/** `POST /partners/links`: creates a new link on every call. Not idempotent. */
export const createPartnerLink = defineOperation({
  name: "partners.createLink",
  method: "POST",
  path: "/partners/links",
  request: createPartnerLinkRequestSchema,
  requestIn: "body",
  toWire: dropLegacyProgramId,
  response: linkSchema,
  idempotent: false,
});

/** `PUT /partners/links/upsert`: returns, updates or creates the partner's link for a URL. Idempotent. */
export const upsertPartnerLink = defineOperation({
  name: "partners.upsertLink",
  method: "PUT",
  path: "/partners/links/upsert",
  request: upsertPartnerLinkRequestSchema,
  requestIn: "body",
  toWire: dropLegacyProgramId,
  response: linkSchema,
  idempotent: true,
});
