import type { ReceivedRequest, Reply, RequestHandler } from "./types.js";

/**
 * Cross-origin access to the fake, for a browser app's tests (the real Dub API sends no CORS
 * headers, so a page cannot call it): `true` lets every origin in; `{ origins }` only those
 * listed (`"http://localhost:5173"`), and others get no CORS header, so their browser blocks them
 * as it would block a call to the real API. Default `false`: no CORS header, as the real server.
 */
export type CorsSetting =
  | boolean
  | {
      /** The origins let in, as browsers send them (`"http://localhost:5173"`: scheme, host and port, no path). */
      readonly origins: readonly string[];
    };

/** Response headers a browser script may read: the rate-limit figures the client reports. */
const EXPOSED = "x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after";
const METHODS = "GET, POST, PUT, PATCH, DELETE";
/** Header names in a preflight's Access-Control-Request-Headers: tokens, nothing else echoed back. */
const HEADER_LIST = /^[\w-]+(?:\s*,\s*[\w-]+)*$/;

function allowedOrigin(setting: CorsSetting, origin: string | undefined): string | undefined {
  if (!setting || origin === undefined) return undefined;
  if (setting === true) return origin;
  return setting.origins.includes(origin) ? origin : undefined;
}

/**
 * `handler` with CORS: a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered
 * here with 204, without reaching the fake, so `fake.requests` holds API requests only; every
 * other reply to an allowed origin carries `Access-Control-Allow-Origin` and exposes the
 * rate-limit headers. Without `setting`, `handler` itself.
 */
export function withCors(handler: RequestHandler, setting: CorsSetting | undefined): RequestHandler {
  if (!setting) return handler;
  if (setting !== true && !(Array.isArray(setting.origins) && setting.origins.every((o) => typeof o === "string"))) {
    throw new TypeError("cors must be true, false or { origins: string[] }");
  }
  return async (request: ReceivedRequest): Promise<Reply> => {
    const origin = allowedOrigin(setting, request.headers.origin);
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined) {
      if (!origin) return { status: 204, headers: { vary: "Origin" } };
      const asked = request.headers["access-control-request-headers"];
      return {
        status: 204,
        headers: {
          "access-control-allow-origin": origin,
          "access-control-allow-methods": METHODS,
          "access-control-allow-headers": asked && HEADER_LIST.test(asked) ? asked : "authorization, content-type",
          "access-control-max-age": "600",
          vary: "Origin",
        },
      };
    }
    const reply = await handler(request);
    if (!origin) return reply;
    return {
      ...reply,
      headers: { ...reply.headers, "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED, vary: "Origin" },
    };
  };
}
