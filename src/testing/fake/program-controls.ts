import type { Commission } from "../../models/commission.js";
import type { Customer } from "../../models/customer.js";
import type { Payout } from "../../operations/payouts/list.js";
import { recordEvent } from "./webhooks/record.js";
import { commissionView } from "./commission-records.js";
import { recordClick } from "./conversion-records.js";
import type { LinkContext } from "./link-records.js";
import { completePayouts, confirmPayouts, payoutView, processCommissions } from "./payout-records.js";
import type { FakeClick, FakeReward, FakeRewards } from "./program-records.js";
import { customerView } from "./program-views.js";
import type { RandomSource } from "./random.js";
import type { FakeState } from "./state.js";

/** A visit of a partner's link, for {@link ProgramControls.recordClick}. */
export interface ClickSeed {
  /** The ID of the clicked link (one of `fake.links()`). */
  readonly linkId: string;
  /** The visitor's 2-letter country code. Default `"US"`. */
  readonly country?: string;
}

/** What {@link ProgramControls.recordClick} returns. */
export interface RecordedClick {
  /** The click's ID: what `track.lead` names as `clickId` (the `dub_id` cookie of the visitor). */
  readonly clickId: string;
}

/** The program side of the fake: conversions, commissions and payouts, to seed and to inspect. */
export interface ProgramControls {
  /**
   * Records a visit of a link, as a browser clicking it would: the click (the `dub_id` a
   * `track.lead` names as `clickId`), the link's `clicks` and `lastClicked`, and a `link.clicked`
   * event. Throws for an unknown or disabled link.
   */
  recordClick(seed: ClickSeed): RecordedClick;
  /**
   * Sets the rewards commissions are computed from (`sale`, `lead`; `null` for none) and returns
   * them all. Default: 10 % of each sale (`{ type: "percentage", amount: 10 }`), nothing for
   * leads. A flat reward's `amount` is in cents per event.
   */
  setRewards(rewards: Partial<FakeRewards>): FakeRewards;
  /**
   * Ends the holding period of every pending commission, as Dub's daily job does: each becomes
   * `processed` and joins its partner's pending payout (created when there is none). Returns the
   * payouts that changed, as `GET /payouts` shows them.
   */
  processCommissions(): Payout[];
  /**
   * Confirms every pending payout, as the program owner does in the dashboard: `processing`, with
   * an `invoiceId` and `initiatedAt`, and a `payout.confirmed` event each. Returns them.
   */
  confirmPayouts(): Payout[];
  /** Completes every processing payout: `completed` with `paidAt`, and each of its commissions `paid` (then unchangeable). Returns them. */
  completePayouts(): Payout[];
  /** The customers, oldest first, as `GET /customers?includeExpandedFields=true` returns them (copies). */
  customers(): Customer[];
  /** Every commission, oldest first, as `GET /commissions` returns them (copies; the list's default filters do not apply). */
  commissions(): Commission[];
  /** The payouts, oldest first, as `GET /payouts` returns them (copies). */
  payouts(): Payout[];
  /** The recorded clicks, oldest first (copies). */
  clicks(): FakeClick[];
}

/** What the controls read: the live engine (replaced by `reset()`) and the clock. */
export interface ControlledEngine {
  readonly state: FakeState;
  readonly random: RandomSource;
}

/** A route context for a change made outside a request, at `now`. */
function contextOf(engine: ControlledEngine, now: number, config: { domain: string; programUrl: string }): LinkContext {
  const { state, random } = engine;
  const emit = (event: string, data: object) => recordEvent(state, event, data, now, random);
  return { state, random, now, domain: config.domain, programUrl: config.programUrl, emit };
}

const isReward = (value: unknown): value is FakeReward | null =>
  value === null ||
  (typeof value === "object" &&
    ((value as FakeReward).type === "percentage" || (value as FakeReward).type === "flat") &&
    Number.isFinite((value as FakeReward).amount) &&
    (value as FakeReward).amount >= 0);

/** The program controls of a fake whose engine `engine()` returns, on its clock and options. */
export function programControls(engine: () => ControlledEngine, now: () => number, config: { domain: string; programUrl: string }): ProgramControls {
  const ctx = () => contextOf(engine(), now(), config);
  const payoutViews = (state: FakeState, payouts: readonly { id: string }[]) => payouts.map((p) => structuredClone(payoutView(state, state.program.payouts.get(p.id)!)));
  return {
    recordClick(seed) {
      const context = ctx();
      const link = context.state.links.get(seed?.linkId);
      if (!link) throw new Error(`no link with the id ${String(seed?.linkId)}`);
      if (link.disabledAt) throw new Error(`the link ${link.id} is disabled: its clicks are not recorded`);
      return { clickId: recordClick(context, link, "link", seed.country ?? "US").id };
    },
    setRewards(rewards) {
      const { state } = engine();
      for (const event of ["sale", "lead"] as const) {
        if (rewards[event] !== undefined && !isReward(rewards[event])) {
          throw new TypeError(`${event}: expected { type: "percentage" | "flat", amount: a number from 0 } or null`);
        }
      }
      state.program.rewards = {
        sale: rewards.sale === undefined ? state.program.rewards.sale : rewards.sale,
        lead: rewards.lead === undefined ? state.program.rewards.lead : rewards.lead,
      };
      return structuredClone(state.program.rewards);
    },
    processCommissions() {
      const context = ctx();
      return payoutViews(context.state, processCommissions(context));
    },
    confirmPayouts() {
      const context = ctx();
      return payoutViews(context.state, confirmPayouts(context));
    },
    completePayouts() {
      const context = ctx();
      return payoutViews(context.state, completePayouts(context));
    },
    customers: () => {
      const { state } = engine();
      return [...state.program.customers.values()].map((c) => structuredClone(customerView(state, c, true)) as Customer);
    },
    commissions: () => {
      const { state } = engine();
      return [...state.program.commissions.values()].map((c) => structuredClone(commissionView(state, c)));
    },
    payouts: () => {
      const { state } = engine();
      return payoutViews(state, [...state.program.payouts.values()]);
    },
    clicks: () => [...engine().state.program.clicks.values()].map((c) => ({ ...c })),
  };
}
