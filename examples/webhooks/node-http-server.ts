// Plain node:http: read the body to the end (with a size limit, since it is read before it is
// verified), then verify the Buffer with req.headers.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { verifyWebhook } from "dub-partners/webhooks";
import { handleDubEvent, statusFor } from "./receiver.js";

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createWebhookServer(): Server {
  return createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/webhooks/dub") {
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req);
    if (!body) {
      res.writeHead(413, { connection: "close" }).end();
      return;
    }
    try {
      await handleDubEvent(await verifyWebhook(body, req.headers));
      res.writeHead(200).end();
    } catch (error) {
      console.warn("Dub webhook not handled:", (error as Error).message);
      res.writeHead(statusFor(error)).end();
    }
  });
}
