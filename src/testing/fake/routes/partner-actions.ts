import type { CreatePartnerResponseBody } from "../../../models/partner.js";
import { FakeApiError } from "../api-error.js";
import { disableDiscountCodesOf } from "../discount-records.js";
import { findPartner } from "../link-records.js";
import type { FakeState } from "../state.js";
import { requirePartnerNamed } from "./create-link.js";
import type { Route, RouteContext } from "./context.js";

/** Disables the partner's links that are not disabled yet, as of the request's time. */
function disableLinks(state: FakeState, partnerId: string, at: string): void {
  for (const link of state.linksOf(partnerId)) if (!link.disabledAt) state.putLink({ ...link, disabledAt: at, updatedAt: at });
}

function store(ctx: RouteContext, partner: CreatePartnerResponseBody) {
  ctx.state.putPartner(partner);
  return { status: 200, body: { partnerId: partner.id } };
}

/**
 * `POST /partners/ban` (200 `{ partnerId }`): status `banned` with `bannedAt` and `bannedReason`,
 * rewards and discount cleared, every link and discount code disabled (`discount_code.deleted`
 * for each code). 400 for a pending partner (not approved yet) and for one already banned; 404
 * unknown; 400 unnamed; 422 without a valid `reason`.
 */
export const banRoute: Route<"banPartner"> = (ctx, input) => {
  const partner = findPartner(ctx.state, requirePartnerNamed(input));
  if (partner.status === "pending") throw new FakeApiError("bad_request", "This partner is not approved yet to be banned.");
  if (partner.status === "banned") throw new FakeApiError("bad_request", "This partner is already banned from your program.");
  const at = new Date(ctx.now).toISOString();
  disableLinks(ctx.state, partner.id, at);
  disableDiscountCodesOf(ctx, partner.id);
  return store(ctx, {
    ...partner,
    status: "banned",
    bannedAt: at,
    bannedReason: input.reason,
    clickRewardId: null,
    leadRewardId: null,
    saleRewardId: null,
    discountId: null,
  });
};

/**
 * `POST /partners/deactivate` (200 `{ partnerId }`): status `deactivated`, every link and
 * discount code disabled (as for a ban);
 * commissions stay. Only an `approved` or `archived` partner can be deactivated: 400 otherwise
 * (a second deactivation too); 404 unknown; 400 unnamed.
 */
export const deactivateRoute: Route<"deactivatePartner"> = (ctx, input) => {
  const partner = findPartner(ctx.state, requirePartnerNamed(input));
  if (partner.status !== "approved" && partner.status !== "archived") {
    throw new FakeApiError(
      "bad_request",
      `Only partners with an "approved" or "archived" status can be deactivated. The partner's status in this program is "${partner.status}".`,
    );
  }
  disableLinks(ctx.state, partner.id, new Date(ctx.now).toISOString());
  disableDiscountCodesOf(ctx, partner.id);
  return store(ctx, { ...partner, status: "deactivated" });
};
