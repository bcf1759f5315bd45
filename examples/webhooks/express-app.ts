// Express: the route takes the raw body with express.raw({ type: "application/json" }), so that
// req.body is a Buffer of the exact bytes Dub signed. (An app-wide express.json() must not run
// before it on this path.)
import express, { type Express } from "express";
import { verifyWebhook } from "dub-partners/webhooks";
import { handleDubEvent, statusFor } from "./receiver.js";

export function createExpressApp(): Express {
  const app = express();
  app.post("/webhooks/dub", express.raw({ type: "application/json", limit: "1mb" }), async (req, res) => {
    try {
      const event = await verifyWebhook(req.body, req.headers);
      await handleDubEvent(event);
      res.sendStatus(200);
    } catch (error) {
      console.warn("Dub webhook not handled:", (error as Error).message);
      res.sendStatus(statusFor(error));
    }
  });
  return app;
}
