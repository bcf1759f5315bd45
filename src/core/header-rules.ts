import { SDKValidationError, type ValidationIssue } from "./errors/client-errors.js";

/**
 * The HTTP field rules (RFC 9110 §5.1 and §5.5), checked before anything is sent so that a bad
 * header is the caller's `SDKValidationError`, never a transport's refusal halfway through a
 * call (undici throws, `fetch` throws a `TypeError`, and both looked like network failures).
 */

/** A field name is a token: visible ASCII without separators. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * What a field value may hold: tab, visible ASCII, space, and obs-text (0x80–0xFF), as undici
 * checks it. CR, LF and NUL (header splitting) and other controls are refused, and so are
 * characters past U+00FF, which `fetch` cannot encode in a header.
 */
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Headers that describe the message's framing or connection. The client sets them from the
 * request it sends (the body's length, the target host, keep-alive); a value from the caller
 * would contradict the bytes on the wire (request smuggling) or the pool's connection handling,
 * and the two transports treat them differently (undici refuses some, `fetch` drops some). So
 * they are refused everywhere, with a clear error, instead of being silently ignored.
 */
export const FRAMING_HEADERS: ReadonlySet<string> = new Set([
  "content-length",
  "transfer-encoding",
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "upgrade",
  "te",
  "trailer",
  "expect",
]);

/** A name fit for a message: quoted when it is not a plain token, so a CR or LF in it is shown escaped. */
function shown(name: string): string {
  return TOKEN.test(name) ? name : JSON.stringify(name);
}

/**
 * Every problem of `headers` under `path`. Values are never quoted: a header may carry a key.
 */
export function headerIssues(headers: Readonly<Record<string, unknown>>, path: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of Object.keys(headers)) {
    const at = [...path, shown(name)];
    if (!TOKEN.test(name)) {
      issues.push({ path: at, code: "invalid_header_name", message: "not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)" });
      continue;
    }
    if (FRAMING_HEADERS.has(name.toLowerCase())) {
      issues.push({ path: at, code: "framing_header", message: "set by the client from the request it sends; it cannot be set here" });
      continue;
    }
    const value = String(headers[name]);
    if (INVALID_VALUE.test(value)) {
      issues.push({
        path: at,
        code: "invalid_header_value",
        message: "the value (not shown) holds CR, LF, NUL, another control character or one past U+00FF",
      });
    }
  }
  return issues;
}

/** Throws `SDKValidationError` naming every bad header of `headers`. */
export function checkHeaders(headers: Readonly<Record<string, unknown>>, subject: string, path: readonly string[]): void {
  const issues = headerIssues(headers, path);
  if (issues.length) throw new SDKValidationError(subject, issues);
}
