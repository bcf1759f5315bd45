import { invoker } from "../core/invoke.js";
import type { Declaration, FunctionOf } from "../core/operation.js";
import { contextOf, type DubCore } from "./core-client.js";

/**
 * The standalone function of a declaration file's one declaration (`{ createLink: declaration }`)
 * in `namespace`: the same call as the client's method, with the client as first argument.
 */
export function standalone<File extends Readonly<Record<string, Declaration>>>(namespace: string, file: File): FunctionOf<File[keyof File], DubCore> {
  const [method, declaration] = Object.entries(file)[0]!;
  const invoke = invoker(namespace, method, declaration);
  return ((client: DubCore, argument: unknown, options?: never) => invoke(contextOf(client), argument, options)) as FunctionOf<File[keyof File], DubCore>;
}
