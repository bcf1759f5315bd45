import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * Validators for the vendored OpenAPI 3.0 document. Ajv speaks JSON Schema, so the document is
 * converted first: `nullable: true` becomes a `null` member of `type` (and of `enum`), and the
 * boolean `exclusiveMinimum`/`exclusiveMaximum` of OpenAPI 3.0 become numbers.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (!out.type && !out.enum) return { anyOf: [out, { type: "null" }] };
  }
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (out[flag] === true) {
      out[flag] = out[bound] ?? 0;
      delete out[bound];
    } else if (out[flag] === false) delete out[flag];
  }
  return out;
}

const spec = toJsonSchema(JSON.parse(readFileSync(new URL("../../../spec/partner-program.openapi.json", import.meta.url), "utf8"))) as object;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(spec, "spec");

const cache = new Map<string, ValidateFunction>();

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

/** The validator of the response `status` of `METHOD path` (error statuses through `components/responses`). */
export function responseValidator(method: string, path: string, status: number): ValidateFunction {
  const id = `${method} ${path} ${status}`;
  let validate = cache.get(id);
  if (!validate) {
    const op = (spec as { paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>> }).paths[path]?.[method.toLowerCase()];
    const response = op?.responses[String(status)];
    if (!response) throw new Error(`the spec documents no ${status} for ${method} ${path}`);
    const base = response.$ref ? `spec${response.$ref}` : `spec#/${pointer("paths", path, method.toLowerCase(), "responses", String(status))}`;
    validate = ajv.compile({ $ref: `${base}/content/application~1json/schema` });
    cache.set(id, validate);
  }
  return validate;
}

/** Throws with ajv's findings unless `body` is what the spec documents for this response. */
export function assertSpecResponse(method: string, path: string, status: number, body: unknown): void {
  const validate = responseValidator(method, path, status);
  if (!validate(body)) throw new Error(`${method} ${path} ${status} does not match the spec:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`);
}

/** Throws with ajv's findings unless `value` matches the spec's schema at `ref` (`#/components/schemas/...`). */
export function assertSpecSchema(ref: string, value: unknown): void {
  let validate = cache.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `spec${ref}` });
    cache.set(ref, validate);
  }
  if (!validate(value)) throw new Error(`${ref} does not match:\n${ajv.errorsText(validate.errors, { separator: "\n" })}`);
}
