/**
 * The payment processors a sale can come from (`track.sale`, sale commissions), with
 * `lemonsqueezy`, which the official `dub` 0.73.5 package has and the vendored document does not
 * list yet.
 */
export const PAYMENT_PROCESSORS = ["stripe", "shopify", "polar", "paddle", "apple", "revenuecat", "lemonsqueezy", "dub", "custom"] as const;

/**
 * The payment processor of a sale.
 *
 * @useDeclaredType
 */
export type PaymentProcessor = (typeof PAYMENT_PROCESSORS)[number];
