import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { createPartnerResponseSchema } from "../../models/partner.js";
import { dropLegacyProgramId, legacyProgramId } from "../../models/partner-identity.js";
import { partnerInputFields } from "../../models/partner-input.js";

/** Request schema of `partners.create`; its wire form drops the legacy program fields. */
const createPartnerRequestSchema = z.strictObject({
  ...partnerInputFields,
  ...legacyProgramId,
});

/** Body of `partners.create` (`POST /partners`). Only `email` is required. */
export type CreatePartnerRequestBody = z.input<typeof createPartnerRequestSchema>;

export default {
  /**
   * Creates a partner and enrolls them in your program, or updates and enrolls the partner who
   * already has this email. Safe to retry: the server upserts by email.
   *
   * @example
   * ```ts
   * const partner = await dub.partners.create({ email: "kim@example.com", name: "Kim", tenantId: "user_42" });
   * ```
   */
  create: defineOperation({
    operationId: "createPartner",
    http: "POST /partners",
    argument: "body",
    request: createPartnerRequestSchema,
    toWire: dropLegacyProgramId,
    response: createPartnerResponseSchema,
    idempotent: true,
  }),
};
