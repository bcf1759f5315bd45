/** The data of `discount_code.created` and `discount_code.deleted`: a partner's discount code. */
export interface WebhookDiscountCodeData {
  /** The unique ID of the discount code (`dcode_...`). */
  id: string;
  /** The code customers apply at checkout (e.g. `PARTNER10OFF`). */
  code: string;
  /** The ID of the partner the code is assigned to. */
  partnerId: string;
  /** The ID of the partner's referral link the code is associated with. */
  linkId: string;
  /**
   * When the code was disabled (ISO 8601), which happens when the partner is banned or
   * deactivated: the code is kept, so that no other partner can claim it.
   */
  disabledAt?: string | null;
  /** The discount the code gives. */
  discount: {
    /** The discount's unique ID. */
    id: string;
    /** The amount off: a percentage, or cents for `flat`. */
    amount: number;
    /** `percentage` or `flat`. */
    type: "percentage" | "flat" | (string & {});
    /** How many months the discount lasts on a subscription (`0`: the first payment only; `null`: no limit). */
    maxDuration: number | null;
    /** Where the discount is applied. */
    provider: "stripe" | "shopify" | "custom" | (string & {});
  } | null;
}
