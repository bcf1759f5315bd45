import { payoutView } from "../payout-records.js";
import type { PayoutRecord } from "../program-records.js";
import { partnerFilterOf } from "./partner-filter.js";
import type { Route } from "./context.js";
import { sortedBy } from "./cursor-pages.js";
import { pageOf } from "./pages.js";

const SORT_FIELDS = {
  amount: (p: PayoutRecord) => p.amount,
  initiatedAt: (p: PayoutRecord) => p.initiatedAt,
  paidAt: (p: PayoutRecord) => p.paidAt,
};

/**
 * `GET /payouts` (200, a plain array): the program's payouts, filtered by `status`, `partnerId`
 * (or the partner of `tenantId`: 404 unknown), `invoiceId` and `groupId` (a list, or `-` to
 * exclude), sorted by `sortBy` (default `amount`) in `sortOrder` (default `desc`), paged by
 * `page`/`pageSize`.
 */
export const listPayoutsRoute: Route<"listPayouts"> = (ctx, input) => {
  const { state } = ctx;
  const partnerId = partnerFilterOf(state, input);
  const exclude = input.groupId?.startsWith("-") ?? false;
  const groups = input.groupId === undefined ? undefined : new Set((exclude ? input.groupId.slice(1) : input.groupId).split(","));
  const payouts = [...state.program.payouts.values()].filter((p) => {
    const group = state.partners.get(p.partnerId)?.groupId;
    return (
      (!input.status || p.status === input.status) &&
      (!partnerId || p.partnerId === partnerId) &&
      (input.invoiceId === undefined || p.invoiceId === input.invoiceId) &&
      (!groups || (group != null && groups.has(group)) !== exclude)
    );
  });
  const sorted = sortedBy(payouts, SORT_FIELDS[input.sortBy ?? "amount"], input.sortOrder);
  return { status: 200, body: pageOf(sorted, input).map((p) => payoutView(state, p)) };
};
