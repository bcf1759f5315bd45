/** A referral embed token the fake issued (what `fake.embedTokens()` lists). */
export interface FakeEmbedToken {
  /** `dub_embed_...`: what the embed runs with in the partner's browser. */
  readonly publicToken: string;
  /** The partner whose dashboard it opens. */
  readonly partnerId: string;
  /** The program it belongs to. */
  readonly programId: string;
  /** When it was issued (ISO 8601). */
  readonly createdAt: string;
  /** When it expires (ISO 8601): three hours after issue, as on the server. */
  readonly expires: string;
}

/** How long an embed token lives: three hours, the server's `EMBED_PUBLIC_TOKEN_EXPIRY`. */
export const EMBED_TOKEN_LIFETIME_MS = 3 * 60 * 60 * 1000;

/** A token as `fake.embedTokens()` lists it. */
export interface FakeEmbedTokenView extends FakeEmbedToken {
  /** Whether it has expired by the fake's clock (`now`) at the time of the listing. */
  readonly expired: boolean;
}

/** A token as `fake.embedTokens()` shows it: with whether it has expired by `now`. */
export function embedTokenView(token: FakeEmbedToken, now: number): FakeEmbedTokenView {
  return { ...token, expired: Date.parse(token.expires) <= now };
}
