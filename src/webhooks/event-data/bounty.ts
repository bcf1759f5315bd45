/**
 * The data of `bounty.created` and `bounty.updated`: a bounty of the program, a reward offered to
 * partners for a submission (a video, a post) or for reaching a performance goal.
 *
 * Dub's OpenAPI document has no schema for these events: the fields below are the ones Dub's
 * server sends at the time of writing. They are typed but, as for every event, not checked.
 */
export interface WebhookBountyData {
  /** The bounty's unique ID on Dub (`bnty_...`). */
  id: string;
  /** The name of the bounty (for `submission` bounties). */
  name: string | null;
  /** The description of the bounty: its rules and requirements. */
  description: string | null;
  /** `performance`: awarded on the partner's results; `submission`: awarded on what the partner submits. */
  type: "performance" | "submission" | (string & {});
  /** When the bounty starts (ISO 8601), when `startMode` is `absolute`. */
  startsAt: string | null;
  /** When the bounty ends (ISO 8601), when `startMode` is `absolute`. */
  endsAt: string | null;
  /** `absolute`: the bounty starts at `startsAt`; `relative`: it starts when a partner joins the program. */
  startMode: "absolute" | "relative" | (string & {});
  /** How many days after a partner joins the bounty stays open, when `startMode` is `relative`. */
  endsAfterDays: number | null;
  /** When partners can start finalizing their submissions (ISO 8601). */
  submissionsOpenAt: string | null;
  /** How often a partner may submit, when `maxSubmissions` is set. */
  submissionFrequency: "day" | "week" | "month" | (string & {}) | null;
  /** The most submissions a partner may enter. */
  maxSubmissions: number;
  /** The reward, in cents (USD). */
  rewardAmount: number | null;
  /** The description of a custom reward, for `submission` bounties. */
  rewardDescription: string | null;
  /** The goal of a `performance` bounty. */
  performanceCondition: {
    /** What is measured (`totalLeads`, `totalConversions`, `totalSaleAmount`, `totalCommissions`). */
    attribute: string;
    /** How it is compared with `value` (`gte`). */
    operator: string;
    /** The threshold. */
    value: number;
  } | null;
  /** `lifetime`: all-time results count; `new`: only results after the bounty started. */
  performanceScope: "new" | "lifetime" | (string & {}) | null;
  /** What a `submission` must contain (images, URLs, social-media metrics), as Dub describes it. */
  submissionRequirements: Record<string, unknown> | null;
  /** When the social-media metrics of the submissions were last synced (ISO 8601). */
  socialMetricsLastSyncedAt?: string | null;
  /** The partner groups the bounty is open to. */
  groups: {
    /** The group's ID. */
    id: string;
  }[];
  /** The partner tags the bounty is open to. */
  partnerTags: {
    /** The tag's ID. */
    id: string;
  }[];
}
