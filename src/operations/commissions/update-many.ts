import * as z from "zod/mini";
import { defineOperation } from "../../core/operation.js";
import { oneOf, openEnum, responseObject } from "../../core/schema.js";
import { type CommissionStatus, SETTABLE_COMMISSION_STATUSES } from "../../models/commission.js";

/** Request schema of `commissions.updateMany`. */
const bulkUpdateCommissionsRequestSchema = z.strictObject({
  /** The IDs of the commissions to update: 1 to 100, each once (the server refuses a repeated ID). */
  commissionIds: z.array(z.string()).check(
    z.minLength(1),
    z.maxLength(100),
    z.refine((ids) => new Set(ids).size === ids.length, { message: "must not list an ID twice" }),
  ),
  /** The status to give every one of them. */
  status: oneOf(SETTABLE_COMMISSION_STATUSES),
});

/** Body of `commissions.updateMany` (`PATCH /commissions/bulk`). */
export type BulkUpdateCommissionsRequestBody = z.input<typeof bulkUpdateCommissionsRequestSchema>;

const updatedCommissionSchema = responseObject({
  /** The commission's ID on Dub. */
  id: z.string(),
  /** The commission's status now. */
  status: openEnum<CommissionStatus>(),
});

/** One commission `commissions.updateMany` updated. */
export type BulkUpdateCommissionsResponseBody = z.output<typeof updatedCommissionSchema>;

export default {
  /**
   * Sets the status of up to 100 commissions at once (pending, refunded, duplicate, canceled,
   * fraud; they then leave their payouts), and returns each with its status. All or nothing: an
   * unknown, paid or already-in-that-status commission fails the whole call (`NotFound`,
   * `BadRequest`). Safe to retry: a repeat sets the same status (after an attempt whose answer
   * was lost, it meets the server's 400 "already in the … status": the change was made).
   *
   * @example
   * ```ts
   * const updated = await dub.commissions.updateMany({ commissionIds: fraudulent.map((c) => c.id), status: "fraud" });
   * ```
   */
  updateMany: defineOperation({
    operationId: "bulkUpdateCommissions",
    http: "PATCH /commissions/bulk",
    argument: "body",
    request: bulkUpdateCommissionsRequestSchema,
    response: z.array(updatedCommissionSchema),
    idempotent: true,
  }),
};
