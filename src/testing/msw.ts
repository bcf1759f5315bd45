/**
 * `dub-partners/testing/msw`: the fake Dub Partners API as msw request handlers, for test suites
 * that mock `fetch` with msw. Kept apart from `dub-partners/testing` so that only users of msw
 * need it installed.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createFakeDub } from "dub-partners/testing";
 * import { fakeDubHandlers } from "dub-partners/testing/msw";
 *
 * const fake = createFakeDub();
 * const server = setupServer(...fakeDubHandlers(fake));
 * ```
 *
 * @module dub-partners/testing/msw
 */
import type { HttpHandler } from "msw";
import type { CorsSetting } from "./cors.js";
import type { FakeDubApi } from "./fake/fake-api.js";
import { toMswHandlers } from "./msw-handlers.js";

export { toMswHandlers };

/**
 * msw handlers serving `fake` under `baseURL` (every method and path below it).
 * Default `baseURL`: `"https://api.dub.co"`, where a `Dub` client sends requests by default.
 * `options.cors` answers CORS preflights (default `false`, as the real API): see `ServeOptions.cors`.
 *
 * @example
 * ```ts
 * const worker = setupWorker(...fakeDubHandlers(fake, "https://api.dub.co", { cors: true })); // msw in the browser
 * ```
 */
export function fakeDubHandlers(fake: Pick<FakeDubApi, "handler">, baseURL = "https://api.dub.co", options: { readonly cors?: CorsSetting } = {}): HttpHandler[] {
  return toMswHandlers(fake.handler, baseURL, options);
}
