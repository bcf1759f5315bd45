import { type HttpMethod, httpOf, type OperationDeclaration } from "./operation.js";

/** A declaration with what the pipeline reads from it on every call, worked out once. */
export interface BoundOperation {
  readonly declaration: OperationDeclaration;
  /** The SDK's name of the operation, for messages and hooks (`partners.createLink`). */
  readonly name: string;
  readonly method: HttpMethod;
  /** The path template (`/customers/{id}`). */
  readonly path: string;
  /** `METHOD /path`, as messages and debug lines name a request. */
  readonly label: string;
  /** The names of the path's parameters, in order. */
  readonly pathParameters: readonly string[];
}

const bound = new WeakMap<OperationDeclaration, BoundOperation>();

/**
 * The operation `declaration` as the method `method` of the namespace `namespace`. The same
 * declaration bound twice (by a client and by a standalone function) is the same object.
 */
export function bindOperation(namespace: string, method: string, declaration: OperationDeclaration): BoundOperation {
  let known = bound.get(declaration);
  if (!known) {
    const http = httpOf(declaration);
    known = {
      declaration,
      name: `${namespace}.${method}`,
      method: http.method,
      path: http.path,
      label: declaration.http,
      pathParameters: [...http.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
    };
    bound.set(declaration, known);
  }
  return known;
}
