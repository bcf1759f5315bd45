/**
 * The SDK's declarations by operationId, as the contract tests compare them with the spec: the
 * method and path, where the argument goes, the retry safety, the schemas.
 */
import { type BoundOperation, bindOperation } from "../../src/core/bound-operation.js";
import type { OperationDeclaration, OperationIdsOf } from "../../src/core/operation.js";
import { type Registry, registry } from "../../src/operations/registry.js";

/** The operationId of every operation the SDK declares. */
export type OperationId = OperationIdsOf<Registry>;

const byId = new Map<string, BoundOperation>();
for (const namespace in registry) {
  const declarations = registry[namespace as keyof Registry] as Readonly<Record<string, { kind: string }>>;
  for (const method in declarations) {
    const declaration = declarations[method] as OperationDeclaration;
    if (declaration.kind === "operation") byId.set(declaration.operationId, bindOperation(namespace, method, declaration));
  }
}

/** Every operationId the SDK declares, in registry order. */
export const OPERATION_IDS = [...byId.keys()] as OperationId[];

/** The declaration with this operationId, bound to its method: `{ declaration, name, method, path, ... }`. */
export function declared(operationId: OperationId): BoundOperation {
  const found = byId.get(operationId);
  if (!found) throw new Error(`no declaration with operationId ${operationId}`);
  return found;
}
