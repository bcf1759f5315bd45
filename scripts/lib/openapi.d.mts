/** OpenAPI 3.0 schemas as JSON Schema draft-07 (see openapi.mjs). */
export function toJsonSchema(schema: unknown): unknown;
/** The operation of `document` with this operationId. */
export function findOperation(document: { paths: Record<string, Record<string, { operationId?: string }>> }, operationId: string): { path: string; method: string; operation: Record<string, unknown> };
