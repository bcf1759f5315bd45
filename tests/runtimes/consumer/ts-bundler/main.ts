// TypeScript consumer with `moduleResolution: bundler`, DOM types and no @types/node, as in a
// Next.js, Vite or Worker project. Type-checked only (`tsc --noEmit`).
import {
  Conflict,
  Dub,
  DubError,
  RequestTimeoutError,
  type CreatePartnerRequestBody,
  type DubOptions,
  type FetchLike,
  type LinkSchema,
  type RequestOptions,
  type RetryConfig,
} from "dub-partners";
import { ConnectionError, RateLimitExceeded } from "dub-partners/errors";

const fetchLike: FetchLike = (url, init) => fetch(url, init);
const options: DubOptions = { token: async () => "dub_x", serverURL: "https://api.dub.co", fetch: fetchLike, debugLogger: console };
const retry: RetryConfig = { strategy: "backoff", backoff: { maxInterval: 2_000 }, retryNonIdempotent: false };
const perCall: RequestOptions = { retries: retry, signal: AbortSignal.timeout(5_000) };
const body: CreatePartnerRequestBody = { email: "kim@example.com", tenantId: "user_42", country: "US" };
// @ts-expect-error `strategy` is required
const noStrategy: RetryConfig = { backoff: {} };
// @ts-expect-error `timeoutMs` is a number
const badTimeout: RequestOptions = { timeoutMs: "5s" };

export async function onboard(dub: Dub = new Dub(options)): Promise<string> {
  try {
    const partner = await dub.partners.create(body, perCall);
    const link: LinkSchema = await dub.partners.createLink({ partnerId: partner.id, key: "kim" });
    return link.shortLink;
  } catch (error) {
    if (error instanceof Conflict) return `taken (${error.statusCode})`;
    if (error instanceof RateLimitExceeded) return `wait ${error.rateLimit?.retryAfterMs} ms`;
    if (error instanceof ConnectionError || error instanceof RequestTimeoutError) return "network";
    if (error instanceof DubError) return `${error.statusCode} ${error.code}`;
    throw error;
  }
}
void [noStrategy, badTimeout];
