import type { RequestHandler } from "../../src/testing/types.js";
import { encodeReply } from "../../src/testing/types.js";

/**
 * A `fetch` that hands each request straight to a handler in the same process: no socket, no
 * msw. For property tests that send thousands of requests. Faults are not played here.
 */
export function inProcessFetch(handler: RequestHandler) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname, search } = new URL(url);
    const reply = await handler({
      method: String(init.method ?? "GET"),
      path: pathname + search,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === "string" ? init.body : "",
    });
    const { headers, body } = encodeReply(reply);
    return new Response(body.byteLength ? body : null, { status: reply.status, headers });
  };
}
