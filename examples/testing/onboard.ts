// Application code under test: onboards a user of your product as a Dub partner with a referral
// link to your pricing page. It is what a user's own module looks like.
import { Conflict, type Dub, type LinkSchema } from "dub-partners";

export interface User {
  id: string;
  email: string;
  name: string;
}

/** Enrolls the user and returns their referral link, creating it only once whatever happens. */
export async function onboardPartner(dub: Dub, user: User): Promise<LinkSchema> {
  const partner = await dub.partners.create({ email: user.email, name: user.name, tenantId: user.id });
  // upsertLink is idempotent: calling onboardPartner twice returns the same link.
  return dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
}

/** Reserves a vanity key; `undefined` when someone already has it. */
export async function reserveVanityLink(dub: Dub, partnerId: string, key: string): Promise<LinkSchema | undefined> {
  try {
    return await dub.partners.createLink({ partnerId, key, url: "https://acme.com" });
  } catch (error) {
    if (error instanceof Conflict) return undefined;
    throw error;
  }
}
