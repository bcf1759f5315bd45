import { bindOperation, type BoundOperation } from "../../core/bound-operation.js";
import type { OperationDeclaration } from "../../core/operation.js";
import { registry } from "../../operations/registry.js";

/** An operation the fake serves, with the pattern of its path. */
interface Served {
  readonly operation: BoundOperation;
  readonly pattern: RegExp;
}

/** A request matched to an operation: which one, and its path parameters (decoded). */
export interface RouteMatch {
  readonly declaration: OperationDeclaration;
  /** `METHOD /path/template` of the operation, as the spec names it (`DELETE /customers/{id}`). */
  readonly template: string;
  readonly params: Readonly<Record<string, string>>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every operation of the SDK's registry (bulk forms run the same operations), once each. */
function servedOperations(): Served[] {
  const served = new Map<OperationDeclaration, Served>();
  for (const namespace in registry) {
    const declarations = registry[namespace as keyof typeof registry] as Readonly<Record<string, { kind: string }>>;
    for (const method in declarations) {
      const declaration = declarations[method] as OperationDeclaration;
      if (declaration.kind !== "operation" || served.has(declaration)) continue;
      const operation = bindOperation(namespace, method, declaration);
      const source = operation.path
        .split(/\{[^}]+\}/)
        .map(escape)
        .join("([^/]+)");
      served.set(declaration, { operation, pattern: new RegExp(`^${source}$`) });
    }
  }
  return [...served.values()];
}

const SERVED = servedOperations();

/** `METHOD /path` of a request, without the query and a trailing slash: how faults name the requests they apply to. */
export function routeKey(method: string, path: string): string {
  const pathname = path.split("?")[0]!.replace(/\/+$/, "") || "/";
  return `${method.toUpperCase()} ${pathname}`;
}

/**
 * The operation a request is for, matched on its method and path (a literal path wins over a
 * template: `/partners/links` is not `/partners/{id}`), or `undefined` for an endpoint the fake
 * does not know.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const [verb, pathname] = routeKey(method, path).split(" ") as [string, string];
  let best: RouteMatch | undefined;
  for (const { operation, pattern } of SERVED) {
    if (operation.method !== verb) continue;
    const found = pattern.exec(pathname);
    if (!found) continue;
    if (operation.pathParameters.length === 0) return { declaration: operation.declaration, template: operation.label, params: {} };
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(operation.pathParameters.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
    } catch {
      continue;
    }
    best ??= { declaration: operation.declaration, template: operation.label, params };
  }
  return best;
}

/**
 * `METHOD /path` of every operation the fake serves, in the registry's order: what
 * `dub-partners-fake --help` lists. Read from the registry the routes are keyed by, so a route
 * added there shows up.
 */
export function servedRoutes(): string[] {
  return SERVED.map(({ operation }) => operation.label);
}
