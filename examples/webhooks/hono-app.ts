// Hono (Cloudflare Workers, Bun, Deno, Node): the raw body is `await c.req.text()`. On Workers,
// pass the secret from the environment binding: verifyWebhook(body, headers, c.env.DUB_WEBHOOK_SECRET).
import { Hono } from "hono";
import { verifyWebhook } from "dub-partners/webhooks";
import { handleDubEvent, statusFor } from "./receiver.js";

export function createHonoApp(secret?: string): Hono {
  const app = new Hono();
  app.post("/webhooks/dub", async (c) => {
    try {
      const event = await verifyWebhook(await c.req.text(), c.req.raw.headers, secret);
      await handleDubEvent(event);
      return c.body(null, 200);
    } catch (error) {
      console.warn("Dub webhook not handled:", (error as Error).message);
      return c.body(null, statusFor(error) as 200 | 400 | 500);
    }
  });
  return app;
}
