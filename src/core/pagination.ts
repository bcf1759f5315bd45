import { APIPromise, type WithResponse } from "./api-promise.js";

/** The page-number query of the Dub list endpoints. */
export interface PageQuery {
  /** Page number, from 1. Default `1`. */
  page?: number;
  /** Items per page, 1 to 100. Default `100` (the server's default). */
  pageSize?: number;
}

/**
 * How a list endpoint pages:
 * - `"page"`: by page number (`page` from 1, `pageSize` items each);
 * - `"cursor"`: after the last item seen (`startingAfter` = its `id`), as `customers.list` and
 *   `commissions.list` page (`page` starts the walk, the cursor continues it).
 */
export type Paging = "page" | "cursor";

/** The server's page size when the query names none. */
const SERVER_PAGE_SIZE = 100;

type Query = Record<string, unknown> & PageQuery;

/**
 * The query of the page after `items` (the page that was fetched with `query`). A cursor walks
 * only the `createdAt` order (the server refuses `startingAfter` with another `sortBy`), so a
 * cursor-paged list sorted otherwise goes on by page number.
 */
function nextQuery(paging: Paging, query: Query, items: readonly unknown[]): Query {
  if (paging === "page" || (query.sortBy !== undefined && query.sortBy !== "createdAt")) return { ...query, page: (query.page ?? 1) + 1 };
  const last = items[items.length - 1] as { id?: unknown } | undefined;
  const { page: _page, endingBefore: _before, ...rest } = query;
  return { ...rest, startingAfter: last?.id };
}

/**
 * What a list operation returns: await it for one page (an array), or iterate it with
 * `for await` for every item of every page from the requested one on. Pages are fetched one at a
 * time, as the loop consumes them; iteration ends with the first page shorter than `pageSize`.
 *
 * @example
 * ```ts
 * const firstPage = await dub.partners.list({ pageSize: 50 });
 * for await (const partner of dub.partners.list({ status: "approved" })) console.log(partner.email);
 * ```
 */
export class PagePromise<Item> extends APIPromise<Item[]> implements AsyncIterable<Item> {
  readonly #fetchPage: (query: Query) => Promise<WithResponse<Item[]>>;
  readonly #paging: Paging;
  readonly #query: Query;
  readonly #first: Promise<WithResponse<Item[]>>;

  /**
   * @internal Built by the list operations. `query` is the first page's query (an object), or a
   * value that is not one, which goes to validation as it is and is refused there.
   */
  constructor(paging: Paging, query: unknown, fetchPage: (query: Query) => Promise<WithResponse<Item[]>>) {
    const isObject = typeof query === "object" && query !== null && !Array.isArray(query);
    // The first page is always named, so that iteration and the first await ask for the same page.
    const first = isObject || query === undefined ? { ...(query as Query | undefined), ...(paging === "page" && { page: (query as Query | undefined)?.page ?? 1 }) } : query;
    const pending = fetchPage(first as Query);
    super(pending);
    this.#first = pending;
    this.#fetchPage = fetchPage;
    this.#paging = paging;
    this.#query = first as Query;
  }

  /** Every page from the requested one on, each an array of items. */
  async *pages(): AsyncGenerator<Item[], void, undefined> {
    let pending = this.#first;
    let query = this.#query;
    const pageSize = query.pageSize ?? SERVER_PAGE_SIZE;
    // Bounded: each round fetches one more page, and a page shorter than pageSize ends the walk.
    for (;;) {
      const { data } = await pending;
      if (data.length > 0) yield data;
      if (data.length < pageSize) return;
      query = nextQuery(this.#paging, query, data);
      pending = this.#fetchPage(query);
    }
  }

  /** Every item of every page from the requested one on, for `for await (const item of ...)`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page;
  }
}
