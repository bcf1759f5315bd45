/**
 * `dub-partners/testing`: a fake Dub Partners API for your tests, and the pieces it is made of.
 *
 * @example
 * ```ts
 * import { Dub } from "dub-partners";
 * import { createFakeDub } from "dub-partners/testing";
 *
 * const fake = createFakeDub();
 * const server = await fake.listen();
 * const dub = new Dub({ serverURL: server.url, token: "dub_test" });
 * ```
 *
 * @module dub-partners/testing
 */
export { createFakeDub, type FakeDub } from "./fake/create-fake-dub.js";
export type { FakeDubApi, LinkStats } from "./fake/fake-api.js";
export type { ApplicationSeed } from "./fake/application-records.js";
export type { BountyRewardCommission, BountySeed, BountySubmissionSeed, FakeBounty } from "./fake/bounty-records.js";
export type { DiscountProvider, DiscountSeed, DiscountType, FakeDiscount } from "./fake/discount-records.js";
export type { FakeEmbedToken, FakeEmbedTokenView } from "./fake/embed-token-records.js";
export type { ClickSeed, ProgramControls, RecordedClick } from "./fake/program-controls.js";
export type { FakeClick, FakeReward, FakeRewards } from "./fake/program-records.js";
export type { FakeDubOptions, FakeWebhookOptions, RateLimitOptions } from "./fake/options.js";
export type { WebhookDelivery, WebhookReceiver, WebhookRetryOptions } from "./fake/webhooks/dispatcher.js";
export type { FakeEvent } from "./fake/state.js";
export { truncatedJson, type InjectedFault, type InjectOptions } from "./fake/faults.js";
export { errorReply, type ErrorCode } from "./fake/api-error.js";
export { serveHandler, type RunningServer, type ServeOptions } from "./node-server.js";
export { withCors, type CorsSetting } from "./cors.js";
export { MAX_FAULT_DELAY_MS, type Fault, type ReceivedRequest, type Reply, type RequestHandler } from "./types.js";
export { exampleLink, examplePartner } from "./fixtures.js";
