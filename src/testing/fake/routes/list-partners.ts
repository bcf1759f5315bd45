import type { ListPartnersSortBy } from "../../../operations/partners/list.js";
import type { CreatePartnerResponseBody } from "../../../models/partner.js";
import type { Route } from "./context.js";
import { pageOf } from "./pages.js";

const contains = (value: string | null | undefined, needle: string) => value?.toLowerCase().includes(needle) ?? false;

/** Compares by one field; `null` (a ratio without a denominator) sorts as the smallest value, as in SQL. */
function compareBy(field: ListPartnersSortBy, order: "asc" | "desc") {
  const sign = order === "asc" ? 1 : -1;
  return (a: CreatePartnerResponseBody, b: CreatePartnerResponseBody) => {
    const x = a[field] ?? Number.NEGATIVE_INFINITY;
    const y = b[field] ?? Number.NEGATIVE_INFINITY;
    return x < y ? -sign : x > y ? sign : 0;
  };
}

/**
 * `GET /partners` (200): the program's partners, every status unless `status` filters. `tenantId`
 * takes precedence over `email`, and `email` (case-insensitive) over `search` (a case-insensitive
 * substring of the ID, name, email or company name); `groupId`, `country` and `status` filter
 * exactly. Sorted by `sortBy` (default `totalSaleAmount`) in `sortOrder` (default `desc`), ties in
 * enrollment order; then paged (`page` from 1, `pageSize` 1..100, default 100). An invalid query
 * (an unknown enum value, `pageSize` above 100, a page that is not a positive integer) is a 422.
 */
export const listPartnersRoute: Route<"listPartners"> = (ctx, input) => {
  const search = input.search?.toLowerCase();
  const email = input.email?.toLowerCase();
  const matches = (p: CreatePartnerResponseBody) =>
    (input.status === undefined || p.status === input.status) &&
    (input.groupId === undefined || p.groupId === input.groupId) &&
    (input.country === undefined || p.country === input.country) &&
    (input.tenantId !== undefined
      ? p.tenantId === input.tenantId
      : email !== undefined
        ? p.email?.toLowerCase() === email
        : search === undefined || [p.id, p.name, p.email, p.companyName].some((v) => contains(v, search)));
  const partners = [...ctx.state.partners.values()]
    .map((p) => ctx.state.partnerView(p))
    .filter(matches)
    .sort(compareBy(input.sortBy ?? "totalSaleAmount", input.sortOrder ?? "desc"));
  return { status: 200, body: pageOf(partners, input) };
};
