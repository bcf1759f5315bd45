import { FakeApiError } from "../api-error.js";
import type { FakeState } from "../state.js";

/**
 * The partner filter of a list query (`GET /commissions`, `GET /payouts`): `partnerId` as given
 * (a list or an exclusion is read by the route), else the partner of `tenantId`, a 404 when no
 * partner has it, as the server answers.
 */
export function partnerFilterOf(state: FakeState, query: { readonly partnerId?: string | undefined; readonly tenantId?: string | undefined }): string | undefined {
  if (query.partnerId || !query.tenantId) return query.partnerId;
  const partner = state.partnerByTenant(query.tenantId);
  if (!partner) throw new FakeApiError("not_found", `Partner with specified tenantId ${query.tenantId} not found.`);
  return partner.id;
}
