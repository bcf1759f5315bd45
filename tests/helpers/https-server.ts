import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { encodeReply, type RequestHandler } from "../../src/testing/types.js";

/** The self-signed certificate of 127.0.0.1 the TLS tests trust (valid until 2126). */
export const TEST_CA = readFileSync(new URL("./tls/cert.pem", import.meta.url));

/** Serves `handler` over HTTPS on 127.0.0.1 with the test certificate (no faults: plain replies). */
export async function serveHttps(handler: RequestHandler): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer({ key: readFileSync(new URL("./tls/key.pem", import.meta.url)), cert: TEST_CA }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers[name] = value;
      const reply = await handler({ method: req.method ?? "GET", path: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") });
      const encoded = encodeReply(reply);
      res.writeHead(reply.status, encoded.headers).end(encoded.body);
    });
  });
  server.on("secureConnection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
