import type { LinkSchema } from "../../models/link.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import type { ReceivedRequest, Reply, RequestHandler } from "../types.js";
import { errorEnvelope, FakeApiError } from "./api-error.js";
import { type ApplicationSeed, seedApplication } from "./application-records.js";
import { authenticate } from "./auth.js";
import { FaultQueue, faultReply, type InjectedFault, type InjectOptions, isLatencyOnly, needsAnswer } from "./faults.js";
import { type FakeDubOptions, resolveFakeOptions } from "./options.js";
import { programControls, type ProgramControls } from "./program-controls.js";
import { createId, createRandom, type RandomSource } from "./random.js";
import { FixedWindowLimiter } from "./rate-limiter.js";
import { BEYOND_SPEC, ROUTES, SERVER_RULES } from "./routes/index.js";
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
  /** Queues a fault for the next matching request(s); see {@link InjectedFault} and {@link InjectOptions}. */
  inject(fault: InjectedFault, options?: InjectOptions): void;
  /** Number of injected faults not played yet (counting `times`). */
  readonly pendingFaults: number;
  /** Forgets partners, links, tags, conversions, commissions, payouts, events, rewards, faults, rate-limit counts and recorded requests, and restarts the seeded generator. */
  reset(): void;
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
      const emit = (event: string, data: object) =>
        void target.state.events.push({ id: createId("evt_", now, target.random), event, createdAt: new Date(now).toISOString(), data: structuredClone(data) });
      const ctx = { state: target.state, random: target.random, now, domain: config.domain, programUrl: config.programUrl, emit };
      const queryAt = request.path.indexOf("?");
      const query = new URLSearchParams(queryAt < 0 ? "" : request.path.slice(queryAt + 1));
      const id = match.declaration.operationId as OperationId;
      const input = specValidatedInput(match.declaration, { body: request.body, query, params: match.params }, SERVER_RULES[id] as never, BEYOND_SPEC[id]);
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

  const handler: RequestHandler = (request) => {
    received.push({ ...request, headers: { ...request.headers } });
    const taken = faults.take(routeKey(request.method, request.path));
    if (!taken) return answer(request, engine);
    const { fault, afterEffect } = taken;
    if (afterEffect || isLatencyOnly(fault)) return faultReply(fault, answer(request, engine));
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
    seedApplication: (seed) => structuredClone(seedApplication(engine.state, seed, config.now(), engine.random)),
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
    ...programControls(() => engine, config.now, config),
    inject: (fault, injectOptions) => faults.add(fault, injectOptions),
    get pendingFaults() {
      return faults.pending;
    },
    reset() {
      engine = fresh();
      faults.clear();
      received.length = 0;
    },
  };
}

function envelope(error: FakeApiError, headers: Record<string, string>): Reply {
  return { status: error.status, headers, body: errorEnvelope(error.code, error.message) };
}
