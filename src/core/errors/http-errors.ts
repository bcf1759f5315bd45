import type { RateLimitInfo } from "../rate-limit.js";
import { DubPartnersError } from "./brand.js";

/** What the client knows about a failed HTTP exchange. */
export interface DubErrorInit {
  /** Human-readable explanation: the server's `error.message`, or a description of the response. */
  message: string;
  /** HTTP status of the response. */
  statusCode: number;
  /** The server's `error.code` (`not_found`, `exceeded_limit`, ...), or `undefined` when the body had none. */
  code: string | undefined;
  /** Link to Dub's documentation of the error, when the body has one. */
  docUrl: string | undefined;
  /** The raw response body as text, bounded in size. */
  body: string;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** Rate-limit figures from the response headers, when present. */
  rateLimit: RateLimitInfo | undefined;
  /** `METHOD /path` of the request, for messages and logs. */
  request: string;
}

/**
 * The server answered, and the answer is an error: a 3XX/4XX/5XX status (the classes below and
 * `SDKError`), or a 2XX body that cannot be used (`ResponseValidationError`). As in the official
 * `dub` package, it always has a `statusCode` and the raw `body`; errors where no response came
 * (`HTTPClientError`) or nothing was sent (`SDKValidationError`) are not `DubError`s. Every one
 * of them is a `DubPartnersError`.
 *
 * @example
 * ```ts
 * try {
 *   await dub.partners.createLink({ partnerId, key: "summer" });
 * } catch (error) {
 *   if (error instanceof Conflict) console.log("key taken:", error.code);
 *   else if (error instanceof DubError) console.log(error.statusCode, error.body);
 *   else throw error;
 * }
 * ```
 */
export class DubError extends DubPartnersError {
  static override readonly kind: string = "DubError";
  /** HTTP status of the response. */
  readonly statusCode: number;
  /** Dub's error code from the body (`bad_request`, `exceeded_limit`, `invite_pending`, ...), kept as sent. */
  readonly code: string | undefined;
  /** Link to Dub's documentation of this error, when the body has one. */
  readonly docUrl: string | undefined;
  /** The raw response body as text (at most 65,536 characters are kept). */
  readonly body: string;
  /** Response headers with lower-cased names. */
  readonly headers: Record<string, string>;
  /** Rate-limit figures from the response headers, when present. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** `METHOD /path` of the failed request. */
  readonly request: string;

  /**
   * Built by the client from a failed response. Tests may build one to stand for an API error:
   * `new Conflict({ message, statusCode: 409, code: "conflict", docUrl: undefined, body: "", headers: {}, rateLimit: undefined, request: "POST /partners/links" })`.
   */
  constructor(init: DubErrorInit, options?: { cause?: unknown }) {
    super(init.message, options);
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.docUrl = init.docUrl;
    this.body = init.body;
    this.headers = init.headers;
    this.rateLimit = init.rateLimit;
    this.request = init.request;
  }
}

/** 400: the server rejected the request as malformed (`bad_request`). */
export class BadRequest extends DubError {
  static override readonly kind: string = "BadRequest";
}
/** 401: the API key is missing, wrong or revoked (`unauthorized`). */
export class Unauthorized extends DubError {
  static override readonly kind: string = "Unauthorized";
}
/** 403: the key lacks a permission, or a plan limit was hit (`forbidden`, `exceeded_limit`). */
export class Forbidden extends DubError {
  static override readonly kind: string = "Forbidden";
}
/** 404: the partner, link or program does not exist (`not_found`). */
export class NotFound extends DubError {
  static override readonly kind: string = "NotFound";
}
/** 409: a duplicate, such as a link `key` already taken (`conflict`, `invite_pending`). */
export class Conflict extends DubError {
  static override readonly kind: string = "Conflict";
}
/** 410: the partner invite expired (`invite_expired`). */
export class InviteExpired extends DubError {
  static override readonly kind: string = "InviteExpired";
}
/** 422: the body was well-formed but failed the server's validation (`unprocessable_entity`). */
export class UnprocessableEntity extends DubError {
  static override readonly kind: string = "UnprocessableEntity";
}
/**
 * 429: too many requests (`rate_limit_exceeded`). Thrown once retries are exhausted, or at once
 * when the server asks for a wait longer than the remaining retry budget; `rateLimit.retryAfterMs`
 * says how long the server asked to wait.
 */
export class RateLimitExceeded extends DubError {
  static override readonly kind: string = "RateLimitExceeded";
}
/** 500: the server failed (`internal_server_error`). */
export class InternalServerError extends DubError {
  static override readonly kind: string = "InternalServerError";
}
/**
 * Any other 4XX/5XX status (502, 503, 504 from a proxy, ...), an error body that is not Dub's
 * error envelope (HTML, empty, truncated), or a 3XX redirect, which the client never follows so
 * that the API key is not sent elsewhere. `body` keeps what arrived.
 */
export class SDKError extends DubError {
  static override readonly kind: string = "SDKError";
}
