import type { APIPromise } from "./api-promise.js";
import { bindOperation } from "./bound-operation.js";
import { type BulkOptions, type BulkResult, runBulk } from "./bulk.js";
import type { ClientContext } from "./client-config.js";
import type { Declaration } from "./operation.js";
import type { RequestOptions } from "./options.js";
import { PagePromise } from "./pagination.js";
import { callOperation, executeOperation } from "./pipeline.js";

/** A declaration made callable with a client's context: what a method and a standalone function run. */
export type Invoke = (ctx: ClientContext, argument: unknown, options?: RequestOptions & BulkOptions) => APIPromise<unknown> | Promise<BulkResult<unknown>[]>;

/**
 * How the declaration `method` of the namespace `namespace` is called: one request through the
 * pipeline, a `PagePromise` over its pages for a list operation, or the bulk runner over many
 * arguments for a bulk declaration.
 */
export function invoker(namespace: string, method: string, declaration: Declaration): Invoke {
  if (declaration.kind === "bulk") {
    const operation = bindOperation(namespace, declaration.method, declaration.operation);
    const policy = { repeatableOnly: declaration.repeatableItemsOnly === true, bulkMethod: `${namespace}.${method}` };
    return (ctx, items, options) =>
      runBulk(ctx, operation.label, items as readonly unknown[], (item, itemOptions) => callOperation(ctx, operation, item, itemOptions, policy), options as BulkOptions);
  }
  const operation = bindOperation(namespace, method, declaration);
  const paging = declaration.paging;
  if (paging) return (ctx, query, options) => new PagePromise(paging, query, (pageQuery) => executeOperation(ctx, operation, pageQuery, options));
  return (ctx, argument, options) => callOperation(ctx, operation, argument, options);
}
