import type { ClientContext } from "../core/client-config.js";
import type { Operation } from "../core/operation.js";
import type { RequestOptions } from "../core/options.js";
import { type PageQuery, PagePromise } from "../core/pagination.js";
import { executeOperation } from "../core/pipeline.js";

/**
 * The {@link PagePromise} of a list operation: each page is the caller's query with its `page`.
 * A query that is not an object goes to validation as it is, so it is refused rather than read
 * as "no filters".
 */
export function listPages<Query extends PageQuery, Item>(
  ctx: ClientContext,
  operation: Operation<Query, Item[]>,
  query: Query | undefined,
  options: RequestOptions | undefined,
): PagePromise<Item> {
  const isObject = typeof query === "object" && query !== null && !Array.isArray(query);
  return new PagePromise(isObject ? query : undefined, (page) =>
    executeOperation(ctx, operation, query === undefined || isObject ? ({ ...query, page } as Query) : query, options),
  );
}
