import { parseRateLimit } from "../rate-limit.js";
import { DubPartnersError } from "./brand.js";
import { DubError } from "./http-errors.js";

/** One problem with a value, at a path inside it (`["linkProps", "testVariants", 0, "percentage"]`). */
export interface ValidationIssue {
  /** Where the problem is; empty for the value as a whole. */
  readonly path: readonly (string | number)[];
  /** A stable code (`too_big`, `invalid_type`, `unrecognized_keys`, `custom`, ...). */
  readonly code: string;
  /** What is wrong, in words. */
  readonly message: string;
}

function listIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `  - ${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("\n");
}

/**
 * The request (or a client option, a header, the token) is invalid. Thrown before any byte is
 * sent, and never retried; `issues` lists every problem with its path.
 */
export class SDKValidationError extends DubPartnersError {
  static override readonly kind: string = "SDKValidationError";
  /** Every problem found, in order. */
  readonly issues: readonly ValidationIssue[];
  /**
   * Always `false`: nothing left the process, so the call can be corrected and made again
   * without any risk of a duplicate (the same field as on `ConnectionError`).
   */
  readonly requestSent: false = false;

  constructor(subject: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    super(`Invalid ${subject}; nothing was sent:\n${listIssues(issues)}`, options);
    this.issues = issues;
  }
}

/**
 * A 2XX response whose body is not JSON, not valid UTF-8, larger than `maxResponseBytes`, or
 * lacks fields the API documents as required. The request did reach the server and may have
 * taken effect; `body` keeps the raw text. A `DubError`, as in the official `dub` package.
 */
export class ResponseValidationError extends DubError {
  static override readonly kind: string = "ResponseValidationError";
  /** What did not match, when the body was JSON. */
  readonly issues: readonly ValidationIssue[];

  constructor(init: {
    reason: string;
    statusCode: number;
    body: string;
    headers: Record<string, string>;
    issues?: readonly ValidationIssue[];
    request: string;
    cause?: unknown;
  }) {
    const issues = init.issues ?? [];
    super(
      {
        message: `[${init.request}] ${init.statusCode} response ${init.reason}` + (issues.length ? `:\n${listIssues(issues)}` : ""),
        statusCode: init.statusCode,
        code: undefined,
        docUrl: undefined,
        body: init.body,
        headers: init.headers,
        rateLimit: parseRateLimit(init.headers, init.statusCode),
        request: init.request,
      },
      { cause: init.cause },
    );
    this.issues = issues;
  }
}

/** No usable HTTP response: the connection failed, timed out or was aborted. `cause` keeps the underlying error. */
export class HTTPClientError extends DubPartnersError {
  static override readonly kind: string = "HTTPClientError";
  /** `METHOD /path` of the request. */
  readonly request: string;

  constructor(message: string, request: string, cause?: unknown) {
    super(`[${request}] ${message}`, { cause });
    this.request = request;
  }
}

/**
 * The connection could not be made, or broke before the response was complete (refused, reset,
 * DNS failure, closed mid-body).
 */
export class ConnectionError extends HTTPClientError {
  static override readonly kind: string = "ConnectionError";
  /**
   * `false` when the failure happened before any byte of the request left (refused, DNS): retrying
   * cannot duplicate anything. `true` when the server may have received the request.
   */
  readonly requestSent: boolean;
  /** The system or undici error code (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, ...), when known. */
  readonly errorCode: string | undefined;

  constructor(message: string, request: string, init: { requestSent: boolean; errorCode: string | undefined; cause?: unknown }) {
    super(message, request, init.cause);
    this.requestSent = init.requestSent;
    this.errorCode = init.errorCode;
  }
}

/**
 * The attempt did not complete (your `beforeRequest` hook, connect, headers and body) within
 * `timeoutMs`, or the token function did not answer within it.
 */
export class RequestTimeoutError extends HTTPClientError {
  static override readonly kind: string = "RequestTimeoutError";
  /** The per-attempt deadline that passed, in milliseconds. */
  readonly timeoutMs: number;

  /** `waitingFor` names what did not answer, when it was not the server (`"waiting for the token function"`). */
  constructor(request: string, timeoutMs: number, waitingFor?: string) {
    super(`request timed out after ${timeoutMs} ms${waitingFor ? ` ${waitingFor}` : ""}`, request);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired, during a request or a backoff wait. `cause` is the signal's reason. */
export class RequestAbortedError extends HTTPClientError {
  static override readonly kind: string = "RequestAbortedError";

  constructor(request: string, reason: unknown) {
    super("request aborted by the caller's signal", request, reason);
  }
}
