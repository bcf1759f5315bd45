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
