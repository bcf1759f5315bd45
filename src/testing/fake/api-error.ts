import type { Reply } from "../types.js";

/** The error codes the real server sends, with their statuses. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  exceeded_limit: 403,
  not_found: 404,
  conflict: 409,
  invite_pending: 409,
  invite_expired: 410,
  unprocessable_entity: 422,
  rate_limit_exceeded: 429,
  internal_server_error: 500,
} as const;

/**
 * A Dub error code, as the real server sends it in `error.code`.
 *
 * @useDeclaredType
 */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Dub's error envelope. */
export interface ErrorEnvelope {
  error: { code: string; message: string; doc_url: string };
}

/**
 * The `doc_url` the real server puts in an envelope. It replaces only the FIRST underscore of the
 * code (`rate-limit_exceeded`, as the spec's examples show); its catch-all 500 and its validation
 * 422 spell their anchors in full, which the two special cases reproduce.
 */
export function docUrl(code: string): string {
  const anchor =
    code === "internal_server_error" ? "internal-server-error" : code === "unprocessable_entity" ? "unprocessable-entity" : code.replace("_", "-");
  return `https://dub.co/docs/api-reference/errors#${anchor}`;
}

/** The envelope for `code` and `message`. */
export function errorEnvelope(code: string, message: string): ErrorEnvelope {
  return { error: { code, message, doc_url: docUrl(code) } };
}

/**
 * A reply carrying Dub's error envelope: handy for `fake.inject(...)`, for example
 * `fake.inject(errorReply("internal_server_error"))`. The status follows the code unless given.
 */
export function errorReply(code: ErrorCode | (string & {}), message?: string, status?: number): Reply {
  const known = (ERROR_STATUS as Record<string, number>)[code];
  return { status: status ?? known ?? 500, body: errorEnvelope(code, message ?? defaultMessage(code)) };
}

function defaultMessage(code: string): string {
  return code === "internal_server_error"
    ? "An internal server error occurred. Please contact our support if the problem persists."
    : code.replace(/_/g, " ");
}

/** Thrown inside a route to answer with an error envelope. */
export class FakeApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}
