import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** One request the proxy received: a `CONNECT host:port`, or an absolute-URI request it forwarded. */
export interface ProxiedRequest {
  readonly method: string;
  /** `127.0.0.1:PORT` for CONNECT; the absolute URL otherwise. */
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running forward proxy on 127.0.0.1. */
export interface TestProxy {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Every request it received, in order. */
  readonly requests: ProxiedRequest[];
  /** Bytes the clients sent inside CONNECT tunnels, as latin1 text (what the proxy could read). */
  tunnelled(): string;
  /** Tunnels open now. */
  readonly openTunnels: number;
  close(): Promise<void>;
}

const LOOPBACK = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/;

/**
 * A minimal HTTP forward proxy, for tests: `CONNECT` (the tunnel undici's ProxyAgent opens by
 * default, for http and https targets) and absolute-URI forwarding of plain http requests
 * (`proxyTunnel: false`). It reaches loopback targets only, answering 403 to anything else.
 */
export async function startProxy(): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const tunnelChunks: Buffer[] = [];
  /** Client sockets of the tunnels established and not closed yet. */
  const tunnels = new Set<Socket>();

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", target: req.url ?? "", headers: req.headers });
    let url: URL;
    try {
      url = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end("absolute URI expected");
      return;
    }
    if (url.protocol !== "http:" || !LOOPBACK.test(url.host)) {
      res.writeHead(403).end("loopback only");
      return;
    }
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = httpRequest(url, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.on("connect", (req, client: Socket, head: Buffer) => {
    requests.push({ method: "CONNECT", target: req.url ?? "", headers: req.headers });
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    if (!LOOPBACK.test(req.url ?? "")) {
      client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const [host, port] = (req.url ?? "").replace(/^\[|\](?=:)/g, "").split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host === "localhost" ? "127.0.0.1" : host, () => {
      tunnels.add(client);
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      client.on("data", (chunk: Buffer) => tunnelChunks.push(chunk));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on("close", () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on("close", () => {
      tunnels.delete(client);
      upstream.destroy();
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tunnelled: () => Buffer.concat(tunnelChunks).toString("latin1"),
    get openTunnels() {
      return tunnels.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
