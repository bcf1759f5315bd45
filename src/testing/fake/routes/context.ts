import type { ArgumentOf, DeclarationOf, OperationIdsOf } from "../../../core/operation.js";
import type { Registry } from "../../../operations/registry.js";
import type { LinkContext } from "../link-records.js";

/** What a route reads and writes: the fake's state, its generator and the request's time. */
export type RouteContext = LinkContext;

/** A successful answer; errors are thrown as `FakeApiError`. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: object;
}

/** The operationId of every operation the SDK declares. */
export type OperationId = OperationIdsOf<Registry>;

/**
 * What a route receives: the request validated against the OpenAPI document, in the shape of the
 * SDK method's argument (a body, a query, or path parameters with the query and `requestBody`).
 * Typed as that argument: the spec and the SDK describe the same fields.
 */
export type RouteInput<Id extends OperationId> = Exclude<ArgumentOf<DeclarationOf<Registry, Id>>, undefined>;

/** Answers one operation's requests. */
export type Route<Id extends OperationId> = (ctx: RouteContext, input: RouteInput<Id>) => RouteAnswer;

/** A route for every operation the SDK declares: one missing is a type error. */
export type RouteTable = { readonly [Id in OperationId]: Route<Id> };
