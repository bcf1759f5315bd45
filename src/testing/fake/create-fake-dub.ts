import { type RunningServer, type ServeOptions, serveHandler } from "../node-server.js";
import { createFakeDubApi, type FakeDubApi } from "./fake-api.js";
import type { FakeDubOptions } from "./options.js";

/** An in-memory Dub Partners API for tests, served over a real loopback HTTP server or msw. */
export interface FakeDub extends FakeDubApi {
  /**
   * Serves the fake over HTTP/1.1 on a loopback address; `server.url` is the `serverURL` to use.
   * Default: a free port on `127.0.0.1`. Close the server when done. For msw, pass the fake to
   * `fakeDubHandlers` from `dub-partners/testing/msw` instead.
   */
  listen(options?: ServeOptions): Promise<RunningServer>;
}

/**
 * Creates a fake Dub Partners API that keeps partners, links, applications, clicks, customers,
 * commissions, payouts, discount codes, embed tokens and bounty submissions in memory and answers
 * every operation of the SDK with the real server's semantics, errors, rate limits and quirks, and
 * delivers its webhook events to the receivers it is given. Faults (error replies, resets, stalls,
 * cut bodies, latency) are queued with `fake.inject`; `fake.seedApplication` adds a pending
 * applicant, `fake.setLinkStats` gives a link clicks, leads and sales, `fake.recordClick` a visit
 * to track a lead from, `fake.processCommissions` / `fake.confirmPayouts` move commissions into
 * payouts, `fake.seedDiscount` gives a group its discount, and `fake.seedBounty` /
 * `fake.seedBountySubmission` add bounties and their submissions.
 *
 * @example
 * ```ts
 * const fake = createFakeDub();
 * const server = await fake.listen();
 * const dub = new Dub({ serverURL: server.url, token: "dub_test" });
 * const partner = await dub.partners.create({ email: "kim@example.com" });
 * fake.inject({ status: 500 }, { route: "POST /partners/links", afterEffect: true });
 * await server.close();
 * ```
 */
export function createFakeDub(options?: FakeDubOptions): FakeDub {
  const api = createFakeDubApi(options);
  // The fake's getters must stay live, so the adapter is added onto the same object.
  return Object.assign(api, {
    listen: (serveOptions?: ServeOptions) => serveHandler(api.handler, serveOptions),
  });
}
