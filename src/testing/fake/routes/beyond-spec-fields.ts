import { type BeyondSpec, metadataProblems } from "../beyond-spec.js";
import { commissionBodyProblems } from "./commission-body.js";
import type { OperationId } from "./context.js";

const isString = (v: unknown) => typeof v === "string";

/** `lemonsqueezy`, the payment processor the document does not list yet (the others it judges itself). */
const newerProcessor = (value: unknown) => (value === "lemonsqueezy" ? [] : undefined);

/** A free-form `metadata` object: judged here, since the compiled validators' key removal would empty it. */
const metadata = (value: unknown) => metadataProblems(value, "metadata");

/**
 * What the fake judges itself rather than the document's compiled validators: what `dub` 0.73.5
 * sends beyond the document (`lemonsqueezy` as a payment processor; the newer shape of
 * `commissions.create`, with `date`, `sale` and `lead`; the `query` filter of
 * `commissions.list`), and what the validators cannot keep (the members of a free-form
 * `metadata` object, and a `oneOf` body: see `commissionBodyProblems`).
 */
export const FIELDS_BEYOND_SPEC: { readonly [Id in OperationId]?: BeyondSpec } = {
  trackLead: { body: { metadata } },
  trackSale: { body: { paymentProcessor: newerProcessor, metadata } },
  createCommission: { wholeBody: commissionBodyProblems },
  listCommissions: { query: { query: (value) => (isString(value) ? [] : ["query: expected string"]) } },
};
