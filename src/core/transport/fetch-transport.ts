import { runsInBrowser } from "../browser.js";
import type { Cancellation } from "./cancellation.js";
import { BrowserFetchError } from "./transport-errors.js";
import { BoundedCollector, checkDeclaredLength, LocalRefusalError, type Transport, type TransportRequest, type TransportResponse } from "./types.js";

/** A `fetch` function, as the global one or one passed in `DubOptions.fetch`. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Settles with `promise`, or rejects with the cancellation's reason as soon as it fires. Some
 * fetch implementations (mocks, older polyfills) do not stop a body read on abort; the deadline
 * must hold anyway. The abandoned read is left to fail or finish on its own, its outcome ignored.
 * Listens on the cancellation rather than on the `AbortSignal` made from it: the same moment, and
 * no `EventTarget` listener to add and remove on every call.
 */
function untilCancelled<T>(promise: Promise<T>, cancellation: Cancellation): Promise<T> {
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    if (cancellation.aborted) return reject(cancellation.reason);
    const onCancel = () => reject(cancellation.reason);
    cancellation.once("abort", onCancel);
    promise.then(
      (value) => {
        cancellation.removeListener("abort", onCancel);
        resolve(value);
      },
      (error: unknown) => {
        cancellation.removeListener("abort", onCancel);
        reject(error);
      },
    );
  });
}

/**
 * Reads the body, counting the bytes as `fetch` hands them over. Those are the DECODED bytes:
 * a declared `content-length` is the compressed size under `content-encoding: gzip`, so a
 * 130 kB body that inflates to 128 MiB passes any check of the header. The header still fails
 * a body that announces too much before any of it is read; the count bounds what is actually
 * held (and a mocked `Response` whose body is longer than its header says).
 */
async function readBody(response: Response, headers: Record<string, string>, limit: number): Promise<Uint8Array> {
  checkDeclaredLength(response.status, headers, limit);
  if (!response.body) return new Uint8Array(0);
  const collector = new BoundedCollector(response.status, headers, limit);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return collector.bytes();
      collector.add(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
}

/**
 * Tells a refusal by `fetch` itself (a `TypeError` from building its `Headers` or URL) from a
 * network failure, which is also a `TypeError`: on the failure path only, the request's headers
 * and URL are built again the way `fetch` builds them. Returns the refusal, or `undefined` when
 * they are fine and the failure was the network's.
 */
function refusedLocally(request: TransportRequest): LocalRefusalError | undefined {
  try {
    new Headers(request.headers);
    new URL(request.url);
    return undefined;
  } catch (error) {
    return new LocalRefusalError(error);
  }
}

/**
 * Transport over `fetch`: the default in browsers, edge runtimes, Bun and Deno, and whenever a
 * `fetch` is passed. The fetch function is looked up at each call when none was passed, so a
 * mock installed after the client was built (msw) still applies.
 *
 * Redirects are not followed (`redirect: "manual"`): the API never redirects, and following one
 * could carry the API key to another origin.
 *
 * In a browser, a `fetch` that rejects with a `TypeError` (CORS, a Content-Security-Policy, mixed
 * content, the network: browsers do not say which) becomes {@link BrowserFetchError}.
 */
export function createFetchTransport(fetchImpl?: FetchLike): Transport {
  const inBrowser = runsInBrowser();
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const doFetch = fetchImpl ?? (globalThis.fetch as FetchLike);
      const signal = request.cancellation.toAbortSignal();
      let response: Response;
      try {
        response = await doFetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal,
          redirect: "manual",
        });
      } catch (error) {
        if (inBrowser && error instanceof TypeError && !request.cancellation.aborted) throw new BrowserFetchError(request.url, error);
        throw refusedLocally(request) ?? error;
      }
      const headers = headersToRecord(response.headers);
      const body = await untilCancelled(readBody(response, headers, request.maxResponseBytes), request.cancellation);
      return { status: response.status, headers, body };
    },
    async close() {},
  };
}
