import { FakeApiError } from "../api-error.js";
import { DEFAULT_PAGE_SIZE } from "./pages.js";

/** The paging fields of the lists that page by cursor. */
export interface CursorQuery {
  readonly startingAfter?: string;
  readonly endingBefore?: string;
  readonly page?: number;
  readonly pageSize?: number;
  readonly sortBy?: string;
  readonly sortOrder?: "asc" | "desc";
}

/** The deepest page the server serves by number; past it, it asks for a cursor (422). */
const MAX_OFFSET_PAGE = 1000;

/** The server's rules on combining the paging fields, each a 422 (as `SERVER_RULES`). */
export function cursorPagingRules(query: CursorQuery): string[] {
  const cursor = Boolean(query.startingAfter || query.endingBefore);
  const problems: string[] = [];
  if (query.startingAfter && query.endingBefore) problems.push("You cannot use both startingAfter and endingBefore at the same time.");
  if (cursor && (query.sortBy ?? "createdAt") !== "createdAt") {
    problems.push("Cursor-based pagination only supports sorting by `createdAt`. Use offset-based pagination (page/pageSize) for other sort fields.");
  }
  if (cursor && query.page !== undefined) {
    problems.push("You cannot use both page and startingAfter/endingBefore at the same time. Please use one pagination method.");
  }
  return problems;
}

/**
 * One page of a list that pages by cursor, as the server pages it. `all` is every item of the
 * program in creation order (the order of their IDs, which are time-ordered), `matching` says
 * which ones the filters keep, and `sorted` orders them for a page by number. With a cursor
 * (which must be an item of the program: 422 otherwise) the items after it (or before it) in ID
 * order, ascending or descending as `sortOrder` says; without, page `page` of `sorted`.
 */
export function cursorPage<T extends { readonly id: string }>(
  all: readonly T[],
  matching: (item: T) => boolean,
  query: CursorQuery,
  sorted: (items: T[]) => T[],
): T[] {
  const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const cursor = query.startingAfter || query.endingBefore;
  if (cursor) {
    const ordered = query.sortOrder === "asc" ? [...all] : [...all].reverse();
    const at = ordered.findIndex((item) => item.id === cursor);
    if (at < 0) throw new FakeApiError("unprocessable_entity", "Invalid cursor: the provided ID does not exist.");
    if (query.startingAfter) return ordered.slice(at + 1).filter(matching).slice(0, size);
    return ordered.slice(0, at).filter(matching).slice(-size);
  }
  const page = query.page ?? 1;
  if (page > MAX_OFFSET_PAGE) {
    throw new FakeApiError("unprocessable_entity", `Page is too big (cannot be more than ${MAX_OFFSET_PAGE}), recommend using cursor-based pagination instead.`);
  }
  return sorted(all.filter(matching)).slice((page - 1) * size, page * size);
}

/**
 * `items` (in creation order) sorted by one field in `order`, `null` lowest (as MySQL sorts it),
 * ties in creation order in the same direction: so that sorting by `createdAt` is the ID order a
 * cursor walks, and a walk that starts by page number goes on by cursor without a gap.
 */
export function sortedBy<T>(items: readonly T[], field: (item: T) => string | number | null, order: "asc" | "desc" = "desc"): T[] {
  const sign = order === "asc" ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, value: field(item) }))
    .sort((a, b) => {
      if (a.value !== b.value) {
        if (a.value === null) return -sign;
        if (b.value === null) return sign;
        return a.value < b.value ? -sign : sign;
      }
      return (a.index - b.index) * sign;
    })
    .map(({ item }) => item);
}
