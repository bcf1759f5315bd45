import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { toJsonSchema } from "../../../scripts/lib/openapi.mjs";

// Validators for the vendored OpenAPI 3.0 document, converted to the JSON Schema ajv speaks by the
// same function the fake's build-time validators use.
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
