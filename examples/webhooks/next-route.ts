// A Next.js App Router route handler: app/api/webhooks/dub/route.ts. The raw body is
// `await request.text()`; the secret comes from DUB_WEBHOOK_SECRET.
import { verifyWebhook } from "dub-partners/webhooks";
import { handleDubEvent, statusFor } from "./receiver.js";

const MAX_AGE_MS = 72 * 60 * 60 * 1000; // Dub retries for hours: refuse only what is days old

export async function POST(request: Request): Promise<Response> {
  let event;
  try {
    event = await verifyWebhook(await request.text(), request.headers, { maxAgeMs: MAX_AGE_MS });
  } catch (error) {
    console.warn("refused a Dub webhook:", (error as Error).message);
    return new Response(null, { status: statusFor(error) });
  }
  await handleDubEvent(event); // throws (500, Dub retries) if your work fails
  return new Response(null, { status: 200 });
}
