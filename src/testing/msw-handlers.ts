import { HttpResponse, http, type HttpHandler } from "msw";
import { type CorsSetting, withCors } from "./cors.js";
import { boundedDelay, encodeReply, type ReceivedRequest, type Reply, type RequestHandler } from "./types.js";

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function faultyBody(body: Uint8Array, reply: Reply): ReadableStream<Uint8Array> {
  const fault = reply.fault!;
  const cut = Math.min(fault.kind === "reset-before-response" ? 0 : (fault.afterBytes ?? Math.floor(body.byteLength / 2)), body.byteLength);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (cut > 0) controller.enqueue(body.subarray(0, cut));
      if (fault.kind === "stall-body") {
        timer = setTimeout(() => controller.error(new TypeError("terminated: stalled body")), boundedDelay(fault.stallMs ?? 30_000));
      } else {
        controller.error(new TypeError("terminated: other side closed"));
      }
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

/**
 * msw request handlers serving `handler` under `baseURL` (every method and path below it), for
 * `setupServer(...)` in a test suite. Faults become network errors (`reset-before-response`) or
 * bodies that fail or stall while being read. `options.cors` answers CORS preflights as
 * `ServeOptions.cors` does (default `false`).
 */
export function toMswHandlers(handler: RequestHandler, baseURL: string, options: { readonly cors?: CorsSetting } = {}): HttpHandler[] {
  handler = withCors(handler, options.cors);
  const base = baseURL.replace(/\/+$/, "");
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const received: ReceivedRequest = {
        method: request.method,
        path: url.pathname.slice(new URL(base).pathname.replace(/\/$/, "").length) + url.search,
        headers,
        body: await request.text(),
      };
      const reply = await handler(received);
      await sleep(boundedDelay(reply.delayMs));
      if (reply.fault?.kind === "reset-before-response") return HttpResponse.error();
      const { headers: replyHeaders, body } = encodeReply(reply);
      return new HttpResponse(reply.fault ? faultyBody(body, reply) : body, { status: reply.status, headers: replyHeaders });
    }),
  ];
}
