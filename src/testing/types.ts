/**
 * The request/response contract shared by everything in `dub-partners/testing`: a handler is a
 * function from a request to a reply, and adapters serve it over msw or over a real HTTP server.
 */

/** A request as it reached the fake server. */
export interface ReceivedRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Path and query, as sent (`/partners/links?page=2`). */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text ("" when none). */
  readonly body: string;
}

/**
 * A transport-level fault, played by the adapters:
 * - `reset-before-response`: the connection is destroyed after the request was read, before any byte of a response.
 * - `reset-mid-body`: headers and the first `afterBytes` bytes of the body are sent, then the connection is destroyed.
 * - `stall-body`: headers and the first `afterBytes` bytes are sent, then nothing until `stallMs` passes (then the connection is destroyed).
 */
export type Fault =
  | {
      /** Destroy the connection after the request was read, before any byte of a response. */
      readonly kind: "reset-before-response";
    }
  | {
      /** Send the headers and the first `afterBytes` bytes of the body, then destroy the connection. */
      readonly kind: "reset-mid-body";
      /** Bytes of the body sent before the reset. Default: half of the body. */
      readonly afterBytes?: number;
    }
  | {
      /** Send the headers and the first `afterBytes` bytes of the body, then nothing until `stallMs` passes. */
      readonly kind: "stall-body";
      /** Bytes of the body sent before the stall. Default: half of the body. */
      readonly afterBytes?: number;
      /** How long nothing is sent before the connection is destroyed, in milliseconds (at most 30 s). Default `30000`. */
      readonly stallMs?: number;
    };

/** What the server answers. */
export interface Reply {
  /** HTTP status code of the reply. */
  readonly status: number;
  /** Response headers; `content-type` and `content-length` are added when missing. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Body text, or a value sent as JSON. */
  readonly body?: string | Uint8Array | object;
  /** Wait this long before sending the headers (bounded by the adapter to 30 s). */
  readonly delayMs?: number;
  /** Break the exchange instead of (or while) sending the reply. */
  readonly fault?: Fault;
}

/** Answers one request. */
export type RequestHandler = (request: ReceivedRequest) => Reply | Promise<Reply>;

/** Upper bound of every delay and stall an adapter plays, so no test can hang on one. */
export const MAX_FAULT_DELAY_MS = 30_000;

/** The reply body as bytes plus the headers it implies. */
export function encodeReply(reply: Reply): { headers: Record<string, string>; body: Uint8Array } {
  const headers: Record<string, string> = {};
  for (const name in reply.headers) headers[name.toLowerCase()] = reply.headers[name]!;
  let body: Uint8Array;
  if (reply.body === undefined) body = new Uint8Array(0);
  else if (typeof reply.body === "string") body = new TextEncoder().encode(reply.body);
  else if (reply.body instanceof Uint8Array) body = reply.body;
  else {
    body = new TextEncoder().encode(JSON.stringify(reply.body));
    headers["content-type"] ??= "application/json";
  }
  headers["content-length"] ??= String(body.byteLength);
  return { headers, body };
}

/** `delayMs` bounded to {@link MAX_FAULT_DELAY_MS}. */
export function boundedDelay(ms: number | undefined): number {
  return Math.min(Math.max(0, ms ?? 0), MAX_FAULT_DELAY_MS);
}
