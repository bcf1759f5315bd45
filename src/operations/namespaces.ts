/**
 * The namespaces of the client, in the order the documentation lists them, each with what it is
 * for: the documentation of `dub.<namespace>`. An operation's folder under `src/operations/` names
 * its namespace (`partner-applications/` is `dub.partnerApplications`). Read by
 * `scripts/generate.mjs`.
 */
export const NAMESPACES = {
  partners: "Partners of your program and their links.",
  partnerApplications: "Applications to join your program, and their review.",
  track: "Conversions: the leads and sales your app reports, and deep-link opens.",
  customers: "The customers your partners referred: who signed up through their links, and what they bought.",
  commissions: "What partners earn for their conversions: created from rewards or by hand, reviewed, refunded, clawed back.",
  payouts: "Payments to partners: their processed commissions, collected per period.",
  discountCodes: "Partners' discount codes: a customer enters one at checkout, gets the discount of the partner's group, and the sale is credited to the partner.",
  embedTokens: "Short-lived tokens for the referral dashboard you embed in your app: the browser-side credential.",
  bounties: "Partners' submissions to your bounties (posts, videos, results) and their review: an approval pays the bounty's reward.",
} as const;
