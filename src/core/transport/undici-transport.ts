import { Pool } from "undici";
import type { IncomingHttpHeaders } from "undici/types/header.js";
import { SDK_VERSION } from "../constants.js";
import { BoundedCollector, checkDeclaredLength, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

/** Options of the undici transport. */
export interface UndiciTransportOptions {
  /** Connect deadline in milliseconds. */
  readonly connectTimeoutMs: number;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const USER_AGENT = `dub-partners/${SDK_VERSION} node/${typeof process === "undefined" ? "unknown" : process.versions.node}`;

/**
 * Adds the SDK's `User-Agent` unless the caller set one. The headers object is the call's own
 * (built per call), so it is completed in place rather than copied on every attempt.
 */
function withUserAgent(headers: Record<string, string>): Record<string, string> {
  headers["user-agent"] ??= USER_AGENT;
  return headers;
}

/**
 * Transport over undici's `request` and a keep-alive connection pool to the API origin: the
 * default on Node, and the fastest way to speak HTTP/1.1 there. The pool is created on the first
 * request and closed by `close()`. Redirects are not followed.
 */
export function createUndiciTransport(options: UndiciTransportOptions): Transport {
  let pool: Pool | undefined;
  let origin = "";

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      if (!pool) {
        origin = new URL(request.url).origin;
        pool = new Pool(origin, { connect: { timeout: options.connectTimeoutMs } });
      }
      const response = await pool.request({
        path: request.url.slice(origin.length),
        method: request.method as "GET",
        headers: withUserAgent(request.headers),
        body: request.body,
        // undici takes an EventEmitter-shaped signal; the cancellation is one (see cancellation.ts).
        signal: request.cancellation as unknown as AbortSignal,
      });
      const headers = flattenHeaders(response.headers);
      const body = response.body;
      try {
        const declared = checkDeclaredLength(response.statusCode, headers, request.maxResponseBytes);
        if (declared !== undefined) {
          return { status: response.statusCode, headers, body: new Uint8Array(await body.arrayBuffer()) };
        }
        const collector = new BoundedCollector(response.statusCode, headers, request.maxResponseBytes);
        for await (const chunk of body) collector.add(chunk as Uint8Array);
        return { status: response.statusCode, headers, body: collector.bytes() };
      } catch (error) {
        // Destroying the body aborts the request; undici then emits that abort as an 'error'
        // event, which must not surface as an unhandled error: the caller already has `error`.
        body.on("error", () => {});
        body.destroy();
        throw error;
      }
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.close();
    },
  };
}
