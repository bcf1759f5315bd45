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
} as const;
