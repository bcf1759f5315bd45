import type { BoundOperation } from "./bound-operation.js";
import { SDKValidationError } from "./errors/client-errors.js";
import { encodeQuery } from "./query.js";

/** Where a call goes and what it carries, from the wire form of its argument. */
export interface RequestTarget {
  /** Path and query string, below the server URL (`/customers/cus_1?includeExpandedFields=true`). */
  readonly pathAndQuery: string;
  /** The JSON body, or `undefined` for none. */
  readonly body: unknown;
}

/**
 * A path parameter as a path segment. `.` and `..` are refused although they encode to
 * themselves: a server or proxy that normalizes dot-segments would send `DELETE /customers/..` to
 * another resource than the one named.
 */
function segment(bound: BoundOperation, name: string, value: unknown): string {
  const text = String(value);
  if (text === "." || text === "..") {
    throw new SDKValidationError(`${bound.name} request`, [{ path: [name], code: "invalid_format", message: 'must not be "." or ".."' }]);
  }
  return encodeURIComponent(text);
}

/** Fills the path template with the parameters, each one encoded as a single segment. */
function fillPath(bound: BoundOperation, values: Readonly<Record<string, unknown>>): string {
  return bound.path.replace(/\{([^}]+)\}/g, (_match, name: string) => segment(bound, name, values[name]));
}

/**
 * Places the wire argument as the declaration says (see `ArgumentPlacement`): the JSON body, the
 * query string, or path parameters with `requestBody` as the body and the other fields as the
 * query string, or the bare value of the one path parameter.
 */
export function requestTarget(bound: BoundOperation, wire: unknown): RequestTarget {
  switch (bound.declaration.argument) {
    case "body":
      return { pathAndQuery: bound.path, body: wire };
    case "query":
      return { pathAndQuery: bound.path + encodeQuery(wire as Record<string, unknown>), body: undefined };
    case "path":
      return { pathAndQuery: fillPath(bound, { [bound.pathParameters[0]!]: wire }), body: undefined };
    case "parameters": {
      const { requestBody, ...rest } = wire as Record<string, unknown>;
      const query: Record<string, unknown> = {};
      for (const name in rest) if (!bound.pathParameters.includes(name)) query[name] = rest[name];
      return { pathAndQuery: fillPath(bound, rest) + encodeQuery(query), body: requestBody };
    }
  }
}

/**
 * Longest request target (path and query) the client sends, in bytes. Servers and proxies refuse
 * longer ones with 414 or 431 (nginx and Node's HTTP server at 8 to 16 KiB, most CDNs at 16 KiB);
 * failing here says why, before megabytes are sent for nothing.
 */
export const MAX_REQUEST_TARGET_BYTES = 16 * 1024;

/** Throws `SDKValidationError` when the request target of the absolute `url` (its path and query) is too long. */
export function checkRequestTarget(url: string, subject: string): void {
  // Percent-encoded, so one character is one byte; the target starts at the first "/" after "scheme://".
  const length = url.length - url.indexOf("/", url.indexOf("//") + 2);
  if (length <= MAX_REQUEST_TARGET_BYTES) return;
  throw new SDKValidationError(subject, [
    {
      path: [],
      code: "too_big",
      message: `the request URL's path and query would be ${length} bytes; servers refuse more than ${MAX_REQUEST_TARGET_BYTES} (HTTP 414 or 431), so it was not sent: pass fewer or shorter query values`,
    },
  ]);
}
