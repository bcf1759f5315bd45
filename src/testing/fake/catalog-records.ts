import type { BountySubmission } from "../../models/bounty-submission.js";
import type { DiscountCodeSchema } from "../../models/discount-code.js";

// The stored records of the program's catalogue (bounties and their submissions, discounts and
// their codes), apart from the functions that read and change them, so that the state can hold
// them without importing those functions (which import the state).

/** A bounty of the program (what `fake.seedBounty` returns). */
export interface FakeBounty {
  /** `bnty_...`. */
  readonly id: string;
  /** The bounty's name, shown to partners. */
  readonly name: string;
  /** Its rules and requirements. */
  readonly description: string | null;
  /** `submission`: rewarded for what the partner submits; `performance`: for reaching a goal. */
  readonly type: "submission" | "performance";
  /** The reward of an approved submission, in cents; `null` when each approval names it (`rewardAmount` of the request). */
  readonly rewardAmount: number | null;
  /** When the bounty was created (ISO 8601). */
  readonly createdAt: string;
}

/** A stored submission: what the API returns, and the reward commission an approval created. */
export interface BountySubmissionRecord extends BountySubmission {
  readonly commissionId: string | null;
}

/** How a discount takes its amount off: a percentage, or a flat amount in cents. */
export type DiscountType = "percentage" | "flat";

/** Where a discount is applied: Stripe promotion codes, Shopify, or your own app (through webhooks). */
export type DiscountProvider = "stripe" | "shopify" | "custom";

/** A discount of the program, assigned to a partner group (what `fake.seedDiscount` returns). */
export interface FakeDiscount {
  /** `disc_...`. */
  readonly id: string;
  /** The amount off: a percentage, or cents for `flat`. */
  readonly amount: number;
  /** Whether `amount` is a percentage or cents. */
  readonly type: DiscountType;
  /** How many months it lasts on a subscription (`0`: the first payment only; `null`: no limit). */
  readonly maxDuration: number | null;
  /** Where the discount is applied; a `stripe` discount's codes are stored in upper case. */
  readonly provider: DiscountProvider;
  /** The partner group the discount belongs to. */
  readonly groupId: string;
}

/** A stored discount code: what the API returns, and when it was created (the list's order). */
export interface DiscountCodeRecord extends DiscountCodeSchema {
  readonly createdAt: string;
}
