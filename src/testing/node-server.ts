import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type CorsSetting, withCors } from "./cors.js";
import { boundedDelay, encodeReply, type ReceivedRequest, type Reply, type RequestHandler } from "./types.js";

/** A running HTTP server bound to a loopback address. */
export interface RunningServer {
  /** Base URL to pass as `serverURL` (`http://127.0.0.1:PORT`). */
  readonly url: string;
  /** The port the server listens on (the one the system chose when `port` was `0`). */
  readonly port: number;
  /** Stops accepting, destroys open connections (keep-alive ones too) and resolves when closed. */
  close(): Promise<void>;
}

/** Options of {@link serveHandler}. */
export interface ServeOptions {
  /** Port to listen on. Default `0`: a free port chosen by the system. */
  readonly port?: number;
  /** Address to bind. Default `"127.0.0.1"`. */
  readonly host?: string;
  /**
   * How long an idle keep-alive connection stays open before the server closes it, in
   * milliseconds. Default `5000`. A short value reproduces servers and load balancers that drop
   * idle connections between a client's calls.
   */
  readonly keepAliveTimeoutMs?: number;
  /**
   * Answer CORS preflights and let browsers read the replies: `true` for any origin, or
   * `{ origins: ["http://localhost:5173"] }`. Default `false`, as the real Dub API, which sends no
   * CORS header. Preflights are answered by the server and do not appear in `fake.requests`.
   *
   * @example
   * ```ts
   * const server = await fake.listen({ cors: { origins: ["http://localhost:5173"] } }); // a Vite app's tests
   * ```
   */
  readonly cors?: CorsSetting;
}

function readRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", reject);
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      resolve({ method: req.method ?? "GET", path: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

function wait(ms: number, socket: Socket): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    // A client that gives up early must not keep the timer (and the test process) alive; and a
    // wait that ends must not leave its listener on a keep-alive socket that serves on.
    const onClose = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      socket.off("close", onClose);
      resolve();
    }, ms);
    socket.once("close", onClose);
  });
}

async function play(reply: Reply, res: ServerResponse): Promise<void> {
  const socket = res.socket!;
  await wait(boundedDelay(reply.delayMs), socket);
  if (socket.destroyed) return;
  const fault = reply.fault;
  if (fault?.kind === "reset-before-response") {
    socket.resetAndDestroy();
    return;
  }
  const { headers, body } = encodeReply(reply);
  if (!fault) {
    res.writeHead(reply.status, headers);
    res.end(body);
    return;
  }
  const cut = Math.min(fault.afterBytes ?? Math.floor(body.byteLength / 2), body.byteLength);
  res.writeHead(reply.status, headers);
  // Wait for the partial body to reach the socket: Node buffers a write until the next tick,
  // and destroying the socket first would discard it (the client would see no response at all).
  await new Promise<void>((resolve) => res.write(body.subarray(0, cut), () => resolve()));
  if (fault.kind === "stall-body") await wait(boundedDelay(fault.stallMs ?? 30_000), socket);
  socket.destroy();
}

/**
 * Serves `handler` over a real HTTP/1.1 server (keep-alive on) on a loopback address. Faults are
 * played on the real socket: resets, cut bodies, stalls.
 */
export function serveHandler(handler: RequestHandler, options: ServeOptions = {}): Promise<RunningServer> {
  handler = withCors(handler, options.cors);
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    try {
      const request = await readRequest(req);
      await play(await handler(request), res);
    } catch (error) {
      if (!res.headersSent && !res.socket?.destroyed) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`fake server error: ${(error as Error).message}`);
      }
    }
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { port, address } = server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
