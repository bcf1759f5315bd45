import type { BeyondSpec } from "../beyond-spec.js";
import { commissionBodyProblems } from "./commission-body.js";
import type { OperationId } from "./context.js";

const isString = (v: unknown) => typeof v === "string";

/** `lemonsqueezy`, the payment processor the document does not list yet (the others it judges itself). */
const newerProcessor = (value: unknown) => (value === "lemonsqueezy" ? [] : undefined);

/**
 * What `dub` 0.73.5 sends beyond the vendored document: `lemonsqueezy` as a payment processor;
 * the newer shape of `commissions.create` (`date` on lead and sale commissions, the `sale` and
 * `lead` objects: its whole body is judged by `commissionBodyProblems`, see there why); the
 * `query` filter of `commissions.list`.
 */
export const NEWER_THAN_SPEC: { readonly [Id in OperationId]?: BeyondSpec } = {
  trackSale: { body: { paymentProcessor: newerProcessor } },
  createCommission: { wholeBody: commissionBodyProblems },
  listCommissions: { query: { query: (value) => (isString(value) ? [] : ["query: expected string"]) } },
};
