import { MAX_ERROR_BODY_CHARS } from "../constants.js";
import { parseRateLimit } from "../rate-limit.js";
import type { Secrets } from "../secrets.js";
import {
  BadRequest,
  Conflict,
  DubError,
  type DubErrorInit,
  Forbidden,
  InternalServerError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "./http-errors.js";

/** The error class for each status Dub documents; everything else is `SDKError`. */
const BY_STATUS: Readonly<Record<number, new (init: DubErrorInit) => DubError>> = {
  400: BadRequest,
  401: Unauthorized,
  403: Forbidden,
  404: NotFound,
  409: Conflict,
  410: InviteExpired,
  422: UnprocessableEntity,
  429: RateLimitExceeded,
  500: InternalServerError,
};

interface Envelope {
  code: string;
  message: string;
  docUrl: string | undefined;
}

/** Dub's error body: `{"error": {"code": string, "message": string, "doc_url"?: string}}`. */
function readEnvelope(body: string): Envelope | undefined {
  if (!body.startsWith("{")) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = (parsed as { error?: unknown }).error as { code?: unknown; message?: unknown; doc_url?: unknown } | undefined;
  if (typeof error !== "object" || error === null) return undefined;
  if (typeof error.code !== "string" || typeof error.message !== "string") return undefined;
  return { code: error.code, message: error.message, docUrl: typeof error.doc_url === "string" ? error.doc_url : undefined };
}

function describeOther(statusCode: number, body: string, headers: Record<string, string>): string {
  if (statusCode >= 300 && statusCode < 400) {
    const location = headers["location"];
    return `redirect${location ? ` to ${location}` : ""} not followed (the API key is never sent to another URL)`;
  }
  const type = headers["content-type"]?.split(";")[0] || "no content type";
  return body.length === 0 ? `empty body (${type})` : `body is not a Dub error (${type}, ${body.length} chars)`;
}

/**
 * Builds the typed error for a non-2XX response. The class follows the status (403 and 409 each
 * carry two codes, so the code never picks the class); a body that is not Dub's envelope makes
 * an `SDKError` whatever the status. Every secret of the call is masked wherever the body echoes
 * it, BEFORE a long body is cut: cutting first could leave the start of a key at the cut.
 * `headers` come already redacted (see attempt.ts).
 */
export function errorFromResponse(
  statusCode: number,
  rawBody: string,
  headers: Record<string, string>,
  request: string,
  secrets: Secrets,
  note?: string,
  rateLimit = parseRateLimit(headers, statusCode),
): DubError {
  const redacted = secrets.redact(rawBody);
  const body = redacted.length > MAX_ERROR_BODY_CHARS ? redacted.slice(0, MAX_ERROR_BODY_CHARS) : redacted;
  const envelope = readEnvelope(body);
  const Class = envelope ? (BY_STATUS[statusCode] ?? SDKError) : SDKError;
  const detail = envelope ? `${envelope.code}: ${envelope.message}` : (note ?? describeOther(statusCode, body, headers));
  return new Class({
    message: `[${request}] ${statusCode} ${detail}`,
    statusCode,
    code: envelope?.code,
    docUrl: envelope?.docUrl,
    body,
    headers,
    rateLimit,
    request,
  });
}
