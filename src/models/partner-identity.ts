import * as z from "zod/mini";
import type { CrossFieldRule } from "../core/cross-field-rules.js";
import { optionalNullable, responseObject } from "../core/schema.js";

/** `partnerId` / `tenantId`: how a request names a partner of the program. */
export const partnerIdentity = {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId: optionalNullable(z.string()),
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId: optionalNullable(z.string()),
};

/**
 * The server answers 400 unless the partner is named by `partnerId` or `tenantId`. A
 * cross-field rule: reported even when other fields failed, so one error lists every problem.
 */
export const requirePartner: CrossFieldRule = {
  test: ({ partnerId, tenantId }) => Boolean(partnerId || tenantId),
  message: "partnerId or tenantId is required",
};

/**
 * Accepted and dropped (see {@link dropLegacyProgramId}): older Dub documentation sends
 * `program_id` / `programId` in every body, but the program now comes from the API key's
 * workspace and the server ignores the field.
 */
export const legacyProgramId = {
  /** @deprecated Ignored: the program comes from the API key. Accepted so code written from older docs keeps working; never sent. */
  programId: z.optional(z.string()),
  /** @deprecated Ignored, as `programId`. */
  program_id: z.optional(z.string()),
};

/**
 * The wire form of a body that accepted {@link legacyProgramId}: without those fields. The body
 * is the pipeline's validated copy, so one without them (nearly all) is sent as it is.
 */
export function dropLegacyProgramId<T extends { programId?: string; program_id?: string }>(body: T): Omit<T, "programId" | "program_id"> {
  if (!("programId" in body) && !("program_id" in body)) return body;
  const { programId: _a, program_id: _b, ...wire } = body;
  return wire;
}

/** Response schema of the actions that answer with the partner's ID (ban, deactivate, approve, reject). */
export const partnerIdResponseSchema = responseObject({
  /** The ID of the partner the action applied to. */
  partnerId: z.string(),
});
