import * as z from "zod/mini";

/** The fields that name a short link wherever a response refers to one (a partner's links, a lead's link, a customer's link, analytics by link). */
export const linkIdentityFields = {
  /** The unique ID of the short link. */
  id: z.string(),
  /** The domain of the short link. */
  domain: z.string(),
  /** The short link slug. */
  key: z.string(),
  /** The full URL of the short link, including the https protocol (e.g. `https://dub.sh/try`). */
  shortLink: z.string(),
  /** The destination URL of the short link. */
  url: z.string(),
};
