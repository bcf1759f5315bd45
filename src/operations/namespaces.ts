/**
 * The namespaces of the client, in the order the documentation lists them, each with what it is
 * for: the documentation of `dub.<namespace>`. An operation's folder under `src/operations/` names
 * its namespace (`partner-applications/` is `dub.partnerApplications`). Read by
 * `scripts/generate.mjs`.
 */
export const NAMESPACES = {
  partners: "Partners of your program and their links.",
  partnerApplications: "Applications to join your program, and their review.",
  discountCodes: "Partners' discount codes: a customer enters one at checkout, gets the discount of the partner's group, and the sale is credited to the partner.",
  embedTokens: "Short-lived tokens for the referral dashboard you embed in your app: the browser-side credential.",
  bounties: "Partners' submissions to your bounties (posts, videos, results) and their review: an approval pays the bounty's reward.",
} as const;
