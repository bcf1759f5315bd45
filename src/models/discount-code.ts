import * as z from "zod/mini";
import { optionalNullable, responseObject } from "../core/schema.js";

/** Response schema of a discount code (the spec's `DiscountCodeSchema`). */
export const discountCodeSchema = responseObject({
  /** The unique ID of the discount code (`dcode_...`). */
  id: z.string(),
  /** The alphanumeric discount code that customers can apply at checkout (e.g. `PARTNER10OFF`). */
  code: z.string(),
  /** The ID of the discount this code belongs to. */
  discountId: z.nullable(z.string()),
  /** The ID of the partner this discount code is assigned to. */
  partnerId: z.string(),
  /** The ID of the partner's referral link this discount code is associated with. */
  linkId: z.string(),
  /**
   * When this discount code was disabled, which happens when a partner is banned or deactivated.
   * Dub keeps the code rather than deleting it, so that no other partner can claim it.
   */
  disabledAt: optionalNullable(z.string()),
});

/**
 * A partner's discount code, as `discountCodes.create` returns it and `discountCodes.list` lists
 * it. Fields the API adds later are kept on the object.
 */
export type DiscountCodeSchema = z.output<typeof discountCodeSchema>;
