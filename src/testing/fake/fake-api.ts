import type { BountySubmission } from "../../models/bounty-submission.js";
import type { DiscountCodeSchema } from "../../models/discount-code.js";
import type { LinkSchema } from "../../models/link.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import type { ReceivedRequest, Reply, RequestHandler } from "../types.js";
import { errorEnvelope, FakeApiError } from "./api-error.js";
import { type ApplicationSeed, seedApplication } from "./application-records.js";
import { authenticate } from "./auth.js";
import { bountyRewardCommissions, type BountyRewardCommission, type BountySeed, type BountySubmissionSeed, type FakeBounty, seedBounty, seedBountySubmission } from "./bounty-records.js";
import { type DiscountSeed, discountCodeView, type FakeDiscount, seedDiscount } from "./discount-records.js";
import { embedTokenView, type FakeEmbedTokenView } from "./embed-token-records.js";
import { FaultQueue, faultReply, type InjectedFault, type InjectOptions, isLatencyOnly, needsAnswer } from "./faults.js";
import { type FakeDubOptions, resolveFakeOptions } from "./options.js";
import { programControls, type ProgramControls } from "./program-controls.js";
import { createRandom, type RandomSource } from "./random.js";
import { recordEvent } from "./webhooks/record.js";
import { type WebhookDelivery, WebhookDispatcher, type WebhookReceiver } from "./webhooks/dispatcher.js";
import type { FakeEvent } from "./state.js";
import { FixedWindowLimiter } from "./rate-limiter.js";
import { BEYOND_SPEC, OPTIONAL_BODY, ROUTES, SERVER_RULES } from "./routes/index.js";
import type { OperationId, Route } from "./routes/context.js";
import { matchRoute, routeKey } from "./router.js";
import { specValidatedInput } from "./spec-validation.js";
import { FakeState } from "./state.js";

/** The fake Dub API without its adapters: state, handler, faults and what was received. */
export interface FakeDubApi extends ProgramControls {
  /** Answers one request: the pure request → reply function the adapters serve. */
  readonly handler: RequestHandler;
  /** Every request received since creation or the last `reset()`, in order, faulted and refused ones too (a copy). */
  readonly requests: readonly ReceivedRequest[];
  /** The stored partners as the API returns them, oldest first (copies). */
  partners(): CreatePartnerResponseBody[];
  /** The stored links, oldest first (copies). */
  links(): LinkSchema[];
  /**
   * Stores a partner who applied to the program: `pending`, with an application that
   * `GET /partners/applications` lists and `approve` / `reject` review. No link until approved.
   * Returns the partner as the API would (a copy). Throws when the email or tenantId is taken.
   */
  seedApplication(seed: ApplicationSeed): CreatePartnerResponseBody;
  /**
   * Sets the totals of a stored link (any of `clicks`, `leads`, `conversions`, `sales`,
   * `saleAmount`, in cents): what partner totals, `GET /partners` sorting and
   * `GET /partners/analytics` derive from. Returns the link (a copy); throws for an unknown link id
   * or a value that is not a non-negative number.
   */
  setLinkStats(linkId: string, stats: LinkStats): LinkSchema;
  /**
   * Gives a partner group a discount (default: the program's default group, 10 % off, Stripe):
   * the partners in the group now get its `discountId`, which `POST /discount-codes` needs.
   * Partners who join the group later do not: seed after enrolling them. Returns the discount;
   * throws for an invalid field.
   */
  seedDiscount(seed?: DiscountSeed): FakeDiscount;
  /** The stored discount codes as the API returns them, oldest first (copies). */
  discountCodes(): DiscountCodeSchema[];
  /** The referral embed tokens issued, oldest first, each with whether it has expired by the fake's clock (copies). */
  embedTokens(): FakeEmbedTokenView[];
  /**
   * Stores a bounty (default: a `submission` bounty named "Bounty", without a reward of its own)
   * and records its `bounty.created` event, as the server does for a bounty created in the
   * dashboard. Returns it; throws for an invalid field.
   */
  seedBounty(seed?: BountySeed): FakeBounty;
  /**
   * Stores a partner's submission to a seeded bounty (default status `submitted`), which
   * `GET /bounties/{bountyId}/submissions` lists and approve / reject review. Returns it as the
   * API does; throws for an unknown bounty or partner, or a second submission of the partner for
   * the same period.
   */
  seedBountySubmission(seed: BountySubmissionSeed): BountySubmission;
  /** The custom commissions approved bounty submissions earned, oldest first, each with its `bountySubmissionId` (copies; they are among `commissions()` too). */
  bountyCommissions(): BountyRewardCommission[];
  /** Queues a fault for the next matching request(s); see {@link InjectedFault} and {@link InjectOptions}. */
  inject(fault: InjectedFault, options?: InjectOptions): void;
  /** Number of injected faults not played yet (counting `times`). */
  readonly pendingFaults: number;
  /**
   * Forgets partners, links, tags, discounts and their codes, embed tokens, bounties and their
   * submissions, conversions, commissions, payouts, events, rewards, faults, rate-limit counts,
   * recorded requests and the webhook delivery log, and restarts the seeded generator.
   */
  reset(): void;
  /** The webhook events of the state changes so far, oldest first, delivered or not (copies). */
  events(): FakeEvent[];
  /** Adds a webhook receiver: the events recorded from now on are delivered to it. Throws for a bad URL or secret. */
  addWebhookReceiver(receiver: WebhookReceiver): void;
  /** Stops delivering to the receivers with this URL. */
  removeWebhookReceiver(url: string): void;
  /** Every delivery attempt so far, oldest first: receiver, event id, attempt, status (copies). */
  webhookDeliveries(): WebhookDelivery[];
  /**
   * Resolves once every webhook delivery under way is done, retries included (the events of
   * requests answered so far); rejects after `timeoutMs` (default 10 s) if they are not.
   */
  webhooksSettled(timeoutMs?: number): Promise<void>;
}

/** Totals of a link, for {@link FakeDubApi.setLinkStats}. */
export type LinkStats = Partial<Pick<LinkSchema, "clicks" | "leads" | "conversions" | "sales" | "saleAmount">>;

const STAT_FIELDS = ["clicks", "leads", "conversions", "sales", "saleAmount"] as const;

interface Engine {
  state: FakeState;
  limiter: FixedWindowLimiter | undefined;
  random: RandomSource;
}

/** The fake's state, handler and controls, without the msw and HTTP adapters (see `createFakeDub`). */
export function createFakeDubApi(options?: FakeDubOptions): FakeDubApi {
  const config = resolveFakeOptions(options);
  const faults = new FaultQueue();
  const dispatcher = new WebhookDispatcher(options?.webhooks?.receivers ?? [], options?.webhooks?.retry, options?.webhooks?.fetch);
  const received: ReceivedRequest[] = [];
  const fresh = (): Engine => ({
    state: new FakeState(),
    limiter: config.rateLimit ? new FixedWindowLimiter(config.rateLimit) : undefined,
    random: createRandom(config.seed),
  });
  let engine = fresh();

  /** The fake's own answer, computed against `target` (the live engine, or a throwaway copy). */
  function answer(request: ReceivedRequest, target: Engine): Reply {
    const match = matchRoute(request.method, request.path);
    // Unknown routes and methods are answered before authentication, as by the real router.
    if (!match) return envelope(new FakeApiError("not_found", `The requested endpoint ${routeKey(request.method, request.path)} does not exist.`), {});
    // `POST /track/open` is served without a key; it is rate-limited as one anonymous caller.
    let token = "anonymous";
    try {
      if (match.declaration.authenticated !== false) token = authenticate(request.headers, config.token);
    } catch (error) {
      return envelope(error as FakeApiError, {});
    }
    const now = config.now();
    let rateHeaders: Record<string, string> = {};
    if (target.limiter) {
      const verdict = target.limiter.hit(token, now);
      rateHeaders = verdict.headers;
      if (!verdict.allowed) return envelope(new FakeApiError("rate_limit_exceeded", "Too many requests."), rateHeaders);
    }
    try {
      const emit = (event: string, data: object) => recordEvent(target.state, event, data, now, target.random);
      const ctx = { state: target.state, random: target.random, now, domain: config.domain, programUrl: config.programUrl, emit };
      const queryAt = request.path.indexOf("?");
      const query = new URLSearchParams(queryAt < 0 ? "" : request.path.slice(queryAt + 1));
      const id = match.declaration.operationId as OperationId;
      const bodyText = OPTIONAL_BODY[id] && !isJson(request.body) ? "{}" : request.body;
      const input = specValidatedInput(match.declaration, { body: bodyText, query, params: match.params }, SERVER_RULES[id] as never, BEYOND_SPEC[id]);
      const route = ROUTES[id] as Route<OperationId>;
      const { status, body } = route(ctx, input as never);
      return { status, headers: rateHeaders, body };
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      // The real server repeats the window end as Retry-After on every error it answers.
      const retryAfter = rateHeaders["x-ratelimit-reset"];
      return envelope(error, retryAfter ? { ...rateHeaders, "retry-after": retryAfter } : rateHeaders);
    }
  }

  /** The live engine's answer; the events of its state changes go out to the receivers. */
  const answerLive = (request: ReceivedRequest): Reply => {
    const reply = answer(request, engine);
    dispatcher.notify(engine.state.events);
    return reply;
  };

  const handler: RequestHandler = (request) => {
    received.push({ ...request, headers: { ...request.headers } });
    const taken = faults.take(routeKey(request.method, request.path));
    if (!taken) return answerLive(request);
    const { fault, afterEffect } = taken;
    if (afterEffect || isLatencyOnly(fault)) return faultReply(fault, answerLive(request));
    if (!needsAnswer(fault)) return faultReply(fault, undefined);
    const scratch: Engine = { state: engine.state.clone(), limiter: engine.limiter?.clone(), random: engine.random };
    return faultReply(fault, answer(request, scratch));
  };

  return {
    handler,
    get requests() {
      return [...received];
    },
    partners: () => [...engine.state.partners.values()].map((p) => structuredClone(engine.state.partnerView(p))),
    links: () => [...engine.state.links.values()].map((l) => structuredClone(l)),
    seedApplication(seed) {
      const partner = structuredClone(seedApplication(engine.state, seed, config.now(), engine.random));
      dispatcher.notify(engine.state.events);
      return partner;
    },
    setLinkStats(linkId, stats) {
      const link = engine.state.links.get(linkId);
      if (!link) throw new Error(`no link with the id ${linkId}`);
      const next = { ...link };
      for (const field of STAT_FIELDS) {
        const value = stats[field];
        if (value === undefined) continue;
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError(`${field} must be a non-negative number`);
        next[field] = value;
      }
      engine.state.putLink(next);
      return structuredClone(next);
    },
    seedDiscount: (seed) => structuredClone(seedDiscount(engine.state, seed ?? {}, config.now(), engine.random)),
    discountCodes: () => [...engine.state.discountCodes.values()].map(discountCodeView),
    embedTokens: () => [...engine.state.embedTokens.values()].map((token) => embedTokenView(token, config.now())),
    seedBounty: (seed) => {
      const bounty = seedBounty(engine.state, seed, config.now(), engine.random);
      dispatcher.notify(engine.state.events);
      return structuredClone(bounty);
    },
    seedBountySubmission: (seed) => seedBountySubmission(engine.state, seed, config.now(), engine.random),
    bountyCommissions: () => bountyRewardCommissions(engine.state),
    // Changes made outside a request (confirming payouts, ...) send their events as requests do.
    ...afterEach(programControls(() => engine, config.now, config), () => dispatcher.notify(engine.state.events)),
    inject: (fault, injectOptions) => faults.add(fault, injectOptions),
    get pendingFaults() {
      return faults.pending;
    },
    reset() {
      engine = fresh();
      faults.clear();
      received.length = 0;
      dispatcher.reset();
    },
    events: () => engine.state.events.map((e) => structuredClone(e)),
    addWebhookReceiver: (receiver) => dispatcher.add(receiver),
    removeWebhookReceiver: (url) => dispatcher.remove(url),
    webhookDeliveries: () => dispatcher.deliveries(),
    webhooksSettled: (timeoutMs) => dispatcher.settled(timeoutMs),
  };
}

/** Whether `text` is a JSON document. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `controls` with `after` called once each of them has run. */
function afterEach<T extends object>(controls: T, after: () => void): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(controls)) {
    wrapped[name] =
      typeof value === "function"
        ? (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown)(...args);
            after();
            return result;
          }
        : value;
  }
  return wrapped as T;
}

function envelope(error: FakeApiError, headers: Record<string, string>): Reply {
  return { status: error.status, headers, body: errorEnvelope(error.code, error.message) };
}
