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
import { ConnectionError, RateLimitExceeded, WebhookVerificationError } from "dub-partners/errors";
import { isKnownWebhookEvent, verifyWebhook } from "dub-partners/webhooks";

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
// A Next.js route handler: DOM types only.
export async function POST(request: Request): Promise<Response> {
  try {
    const event = await verifyWebhook(await request.text(), request.headers);
    if (isKnownWebhookEvent(event) && event.event === "partner.enrolled") return Response.json({ tenantId: event.data.tenantId });
    return new Response(null, { status: 200 });
  } catch (error) {
    return new Response(null, { status: error instanceof WebhookVerificationError && error.code !== "too_old" ? 400 : 500 });
  }
}
void [noStrategy, badTimeout];
