import { APIPromise, type WithResponse } from "./api-promise.js";

/** The page-number query of the Dub list endpoints. */
export interface PageQuery {
  /** Page number, from 1. Default `1`. */
  page?: number;
  /** Items per page, 1 to 100. Default `100` (the server's default). */
  pageSize?: number;
}

/** The server's page size when the query names none. */
const SERVER_PAGE_SIZE = 100;

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
  readonly #fetchPage: (page: number) => Promise<WithResponse<Item[]>>;
  readonly #firstPage: number;
  readonly #pageSize: number;
  readonly #first: Promise<WithResponse<Item[]>>;

  /** @internal Built by the list operations. */
  constructor(query: PageQuery | undefined, fetchPage: (page: number) => Promise<WithResponse<Item[]>>) {
    const firstPage = query?.page ?? 1;
    const first = fetchPage(firstPage);
    super(first);
    this.#first = first;
    this.#fetchPage = fetchPage;
    this.#firstPage = firstPage;
    this.#pageSize = query?.pageSize ?? SERVER_PAGE_SIZE;
  }

  /** Every page from the requested one on, each an array of items. */
  async *pages(): AsyncGenerator<Item[], void, undefined> {
    let pending = this.#first;
    for (let page = this.#firstPage; ; page++) {
      const { data } = await pending;
      if (data.length > 0) yield data;
      if (data.length < this.#pageSize) return;
      pending = this.#fetchPage(page + 1);
    }
  }

  /** Every item of every page from the requested one on, for `for await (const item of ...)`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page;
  }
}
