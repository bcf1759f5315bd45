import * as z from "zod/mini";

/** The partner fields every embedded partner of a customer, commission or payout carries (schema fields). */
export const partnerSummaryFields = {
  /** The partner's unique ID on Dub. */
  id: z.string(),
  /** The partner's full legal name. */
  name: z.string(),
  /** The partner's email address. Should be a unique value across Dub. */
  email: z.nullable(z.string()),
  /** The partner's avatar image. */
  image: z.nullable(z.string()),
};
