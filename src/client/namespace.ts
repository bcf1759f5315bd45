import type { ClientContext } from "../core/client-config.js";
import { invoker } from "../core/invoke.js";
import type { Declaration } from "../core/operation.js";

/** The methods of one namespace of a client (`dub.partners`): each declaration, callable. */
export function buildNamespace(ctx: ClientContext, namespace: string, declarations: Readonly<Record<string, Declaration>>): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const method in declarations) {
    const invoke = invoker(namespace, method, declarations[method]!);
    methods[method] = (argument: unknown, options?: never) => invoke(ctx, argument, options);
  }
  return Object.freeze(methods);
}
