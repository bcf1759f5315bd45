import type { APIPromise } from "../core/api-promise.js";
import { type BulkOptions, type BulkResult, runBulk } from "../core/bulk.js";
import { type Operation, operationLabel } from "../core/operation.js";
import type { RequestOptions } from "../core/options.js";
import type { PageQuery, PagePromise } from "../core/pagination.js";
import { callOperation } from "../core/pipeline.js";
import { contextOf, type DubCore } from "../core-client.js";
import { listPages } from "../resources/list-pages.js";

/** A standalone function calling one operation with a client. */
export type OperationFunction<Input, Output> = (client: DubCore, input: Input, options?: RequestOptions) => APIPromise<Output>;

/** A standalone function listing one resource with a client: await one page, or iterate every item. */
export type ListFunction<Query, Item> = (client: DubCore, query?: Query, options?: RequestOptions) => PagePromise<Item>;

/** A standalone function running one operation for many inputs with a client. */
export type BulkFunction<Input, Output> = (client: DubCore, items: readonly Input[], options?: BulkOptions) => Promise<BulkResult<Output>[]>;

/** The standalone function of `operation`: the one place a call meets the pipeline. */
export function operationFunction<Input, Output>(operation: Operation<Input, Output, any>): OperationFunction<Input, Output> {
  return (client, input, options) => callOperation(contextOf(client), operation, input, options);
}

/** The standalone function of a list operation (pages of `Item`). */
export function listFunction<Query extends PageQuery, Item>(operation: Operation<Query, Item[], any>): ListFunction<Query, Item> {
  return (client, query, options) => listPages(contextOf(client), operation, query, options);
}

/** The bulk form of `operation`: every input, with bounded concurrency and rate-limit throttling. */
export function bulkFunction<Input, Output>(operation: Operation<Input, Output, any>): BulkFunction<Input, Output> {
  return (client, items, options) => {
    const ctx = contextOf(client);
    return runBulk(ctx, operationLabel(operation), items, (item, itemOptions) => callOperation(ctx, operation, item, itemOptions), options);
  };
}
