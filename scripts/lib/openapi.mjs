/**
 * OpenAPI 3.0 schemas as JSON Schema draft-07 (what ajv 8 speaks by default): `nullable` becomes
 * a `null` type, boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric keywords (a
 * bare `exclusiveMinimum: true`, zod's `.positive()` in the server's source, means above 0).
 */
export function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === "example" || key === "enum" || key === "default" ? value : toJsonSchema(value);
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ]) {
    if (typeof schema[flag] !== "boolean") continue;
    delete out[flag];
    if (schema[flag] && typeof schema[bound] === "number") {
      out[flag] = schema[bound];
      delete out[bound];
    } else if (schema[flag] && flag === "exclusiveMinimum") {
      // How zod-openapi writes zod's \`.positive()\` (the server's page numbers and amounts): above 0.
      out[flag] = 0;
    }
  }
  if (schema.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type)) out.type = [...out.type, "null"];
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: "null" }] };
  } else if (schema.nullable === false) delete out.nullable;
  return out;
}

/** The operation of `document` with this operationId: `{ path, method, operation }`. */
export function findOperation(document, operationId) {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) if (operation.operationId === operationId) return { path, method, operation };
  }
  throw new Error(`operation ${operationId} is not in the OpenAPI document`);
}
