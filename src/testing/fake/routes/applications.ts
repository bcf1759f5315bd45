import { examplePartner } from "../../fixtures.js";
import { FakeApiError } from "../api-error.js";
import { applicationView } from "../application-records.js";
import { buildLink, checkUnique, freeRandomKey } from "../link-records.js";
import { defaultLinkKey } from "../partner-records.js";
import type { FakeState } from "../state.js";
import type { Route, RouteInput } from "./context.js";
import { pageOf } from "./pages.js";

/** The program's default group, where an approved partner goes when neither the request nor the application names one. */
const DEFAULT_GROUP_ID = examplePartner().groupId ?? null;

function enrollmentOf(state: FakeState, partnerId: string) {
  const partner = state.partners.get(partnerId);
  if (!partner) throw new FakeApiError("not_found", "Program enrollment not found.");
  return partner;
}

/**
 * `GET /partners/applications` (200): the pending partners who applied (`fake.seedApplication`),
 * newest application first, filtered exactly by `country` and `groupId`, then paged as
 * `GET /partners`. 422 for an invalid query.
 */
export const listApplicationsRoute: Route<"listPartnerApplications"> = (ctx, input) => {
  const pending = [...ctx.state.applications.entries()]
    .reverse()
    .map(([partnerId, application]) => ({ partner: ctx.state.partners.get(partnerId), application }))
    .filter(({ partner }) => partner?.status === "pending")
    .filter(({ partner }) => (input.country === undefined || partner!.country === input.country) && (input.groupId === undefined || partner!.groupId === input.groupId))
    .sort((a, b) => (a.application.createdAt < b.application.createdAt ? 1 : a.application.createdAt > b.application.createdAt ? -1 : 0))
    .map(({ partner, application }) => applicationView(partner!, application));
  return { status: 200, body: pageOf(pending, input) };
};

/**
 * `POST /partners/applications/approve` (200 `{ partnerId }`): a `pending` or `rejected` partner
 * becomes `approved` in `groupId`, else the group they applied to, else the program's default
 * group; the enrollment date is reset, the application marked reviewed, and a partner without
 * links gets their default link. 404 for an unknown partner, 400 for any other status.
 */
export const approveApplicationRoute: Route<"approvePartnerApplication"> = (ctx, input) => {
  const { state } = ctx;
  const partner = enrollmentOf(state, input.partnerId);
  if (partner.status !== "pending" && partner.status !== "rejected") {
    throw new FakeApiError("bad_request", `This enrollment cannot be approved because it is already ${partner.status}.`);
  }
  const at = new Date(ctx.now).toISOString();
  const approved = { ...partner, status: "approved", createdAt: at, groupId: input.groupId || partner.groupId || DEFAULT_GROUP_ID };
  const link =
    state.linksOf(partner.id).length === 0
      ? buildLink(approved, {}, defaultLinkKey(approved, undefined, ctx.domain, state, ctx.random) ?? freeRandomKey(ctx), ctx)
      : undefined;
  if (link) checkUnique(link, state);
  state.putPartner(approved);
  if (link) state.putLink(link);
  const application = state.applications.get(partner.id);
  if (application) state.applications.set(partner.id, { ...application, review: { rejectionReason: null, rejectionNote: null, reviewedAt: at } });
  ctx.emit("partner.enrolled", state.partnerView(approved));
  return { status: 200, body: { partnerId: partner.id } };
};

/** The real server's answers to a fraud flag it refuses (checked after the schema, before the partner). */
function checkFraudFlag(input: RouteInput<"rejectPartnerApplication">): void {
  if (input.flagForFraud !== true) return;
  if (input.reapplicationTimeframe === "instant") throw new FakeApiError("bad_request", "Cannot flag for fraud when allowing the partner to reapply immediately.");
  if (!input.flagForFraudReason?.trim()) throw new FakeApiError("bad_request", "Fraud reason is required when flagging for fraud.");
}

/**
 * `POST /partners/applications/reject` (200 `{ partnerId }`): a `pending` partner becomes
 * `rejected` (rewards and discount cleared) and their application records the reason, the note
 * and the review time; with `reapplicationTimeframe: "instant"` the enrollment is removed instead,
 * so the partner can apply again. 400 for a fraud flag without a reason or with `instant`; 404 for
 * an unknown partner; 400 when the partner is not pending.
 */
export const rejectApplicationRoute: Route<"rejectPartnerApplication"> = (ctx, input) => {
  checkFraudFlag(input);
  const { state } = ctx;
  const partner = enrollmentOf(state, input.partnerId);
  if (partner.status !== "pending") throw new FakeApiError("bad_request", "This enrollment cannot be rejected because it is no longer pending.");
  const application = state.applications.get(partner.id);
  if (input.reapplicationTimeframe === "instant") {
    state.removePartner(partner.id);
    return { status: 200, body: { partnerId: partner.id } };
  }
  const review = { rejectionReason: input.rejectionReason ?? null, rejectionNote: input.rejectionNote ?? null, reviewedAt: new Date(ctx.now).toISOString() };
  state.putPartner({ ...partner, status: "rejected", clickRewardId: null, leadRewardId: null, saleRewardId: null, referralRewardId: null, discountId: null });
  if (application) state.applications.set(partner.id, { ...application, review });
  return { status: 200, body: { partnerId: partner.id } };
};
