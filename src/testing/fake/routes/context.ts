import type { LinkContext } from "../link-records.js";

/** What a route reads and writes: the fake's state, its generator and the request's time. */
export type RouteContext = LinkContext;

/** A successful answer; errors are thrown as `FakeApiError`. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: object;
}

/** Answers one request: its raw body text and its query parameters. */
export type Route = (ctx: RouteContext, body: string, query: URLSearchParams) => RouteAnswer;
