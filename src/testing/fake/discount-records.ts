import type { DiscountCodeSchema } from "../../models/discount-code.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import { examplePartner } from "../fixtures.js";
import type { LinkContext } from "./link-records.js";
import { createId, type RandomSource } from "./random.js";
import type { FakeState } from "./state.js";
import type { DiscountCodeRecord, DiscountProvider, DiscountType, FakeDiscount } from "./catalog-records.js";

export type { DiscountCodeRecord, DiscountProvider, DiscountType, FakeDiscount } from "./catalog-records.js";

/** A discount for `fake.seedDiscount`. Every field is optional. */
export interface DiscountSeed {
  /** The group whose partners get the discount. Default: the program's default group. */
  readonly groupId?: string;
  /** The amount off: a percentage (`10` for 10 %), or cents for `flat`. Default `10`. */
  readonly amount?: number;
  /** Default `"percentage"`. */
  readonly type?: DiscountType;
  /** Months on a subscription (`0`: first payment only). Default `null` (no limit). */
  readonly maxDuration?: number | null;
  /** Default `"stripe"`, whose promotion codes are stored in upper case. */
  readonly provider?: DiscountProvider;
}

/** The program's default group: where partners are unless a request names another. */
const DEFAULT_GROUP_ID = examplePartner().groupId!;
const TYPES: readonly string[] = ["percentage", "flat"];
const PROVIDERS: readonly string[] = ["stripe", "shopify", "custom"];

/**
 * Stores a discount for a group and assigns it to the partners in that group now (their
 * `discountId`), as the server does when a group gets a discount. Partners who join the group
 * later do not get it: seed after enrolling them, or seed again.
 */
export function seedDiscount(state: FakeState, seed: DiscountSeed, now: number, random: RandomSource): FakeDiscount {
  const { groupId = DEFAULT_GROUP_ID, amount = 10, type = "percentage", maxDuration = null, provider = "stripe" } = seed ?? {};
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) throw new RangeError("amount must be a non-negative number");
  if (!TYPES.includes(type)) throw new RangeError(`type must be one of ${TYPES.join(", ")}`);
  if (!PROVIDERS.includes(provider)) throw new RangeError(`provider must be one of ${PROVIDERS.join(", ")}`);
  if (maxDuration !== null && !(Number.isInteger(maxDuration) && maxDuration >= 0)) throw new RangeError("maxDuration must be a non-negative integer or null");
  if (typeof groupId !== "string" || groupId === "") throw new TypeError("groupId must be a non-empty string");
  const discount: FakeDiscount = { id: createId("disc_", now, random), amount, type, maxDuration, provider, groupId };
  state.discounts.set(discount.id, discount);
  for (const partner of state.partners.values()) if (partner.groupId === groupId) state.putPartner({ ...partner, discountId: discount.id });
  return discount;
}

/** The discount that applies to the partner (that of their group, held in their enrollment), if any. */
export function discountOf(state: FakeState, partner: CreatePartnerResponseBody): FakeDiscount | undefined {
  return partner.discountId ? state.discounts.get(partner.discountId) : undefined;
}

/** The stored code whose `code` matches, whatever its case (the server's database compares so). */
export function discountCodeByCode(state: FakeState, code: string): DiscountCodeRecord | undefined {
  const wanted = code.toLowerCase();
  for (const record of state.discountCodes.values()) if (record.code.toLowerCase() === wanted) return record;
  return undefined;
}

/** The stored code of this link (a link has at most one). */
export function discountCodeOfLink(state: FakeState, linkId: string): DiscountCodeRecord | undefined {
  for (const record of state.discountCodes.values()) if (record.linkId === linkId) return record;
  return undefined;
}

/** A code as the API returns it (the spec's `DiscountCodeSchema`). */
export function discountCodeView(record: DiscountCodeRecord): DiscountCodeSchema {
  const { id, code, discountId, partnerId, linkId, disabledAt } = record;
  return { id, code, discountId, partnerId, linkId, disabledAt: disabledAt ?? null };
}

/** The data of `discount_code.created` / `discount_code.deleted` (the spec's `DiscountCodeWebhookEvent`). */
export function discountCodeEventData(record: DiscountCodeRecord, discount: FakeDiscount | undefined): object {
  const { id, code, partnerId, linkId, disabledAt } = record;
  return {
    id,
    code,
    partnerId,
    linkId,
    disabledAt: disabledAt ?? null,
    discount: discount ? { id: discount.id, amount: discount.amount, type: discount.type, maxDuration: discount.maxDuration, provider: discount.provider } : null,
  };
}

/**
 * Disables the partner's discount codes (`disabledAt`) without deleting them, as the server does
 * when a partner is banned or deactivated (so that no other partner can claim the codes), with a
 * `discount_code.deleted` event for each.
 */
export function disableDiscountCodesOf(ctx: LinkContext, partnerId: string): void {
  const at = new Date(ctx.now).toISOString();
  for (const record of [...ctx.state.discountCodes.values()]) {
    if (record.partnerId !== partnerId || record.disabledAt) continue;
    const disabled = { ...record, disabledAt: at };
    ctx.state.discountCodes.set(record.id, disabled);
    ctx.emit("discount_code.deleted", discountCodeEventData(disabled, record.discountId ? ctx.state.discounts.get(record.discountId) : undefined));
  }
}
