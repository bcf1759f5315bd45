import type * as z from "zod/mini";
import { toValidationIssues } from "../../core/validation.js";
import { FakeApiError } from "./api-error.js";

/** Parses the request body as JSON; the real server answers 400 to anything else. */
export function readJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FakeApiError("bad_request", "Invalid JSON format in request body. Please check the syntax of your JSON payload.");
  }
}

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/** Deletes `keys` from the object found at `path` inside `root` (a fresh copy made by JSON.parse). */
function deleteKeys(root: unknown, path: readonly PropertyKey[], keys: readonly string[]): void {
  let node = root as Record<PropertyKey, unknown> | undefined;
  for (const step of path) node = node?.[step] as Record<PropertyKey, unknown> | undefined;
  if (node && typeof node === "object") for (const key of keys) delete node[key];
}

/**
 * Validates `input` (a value fresh from JSON.parse, modified in place) with one of the SDK's
 * request schemas, the way the real server validates. The SDK's schemas are strict so that a
 * typo fails on the client, but the server strips unknown keys: they are removed here and the
 * body checked again. Problems left are a 422 `unprocessable_entity` listing them all.
 *
 * A schema's whole-body check (the partnerId/tenantId rule of the link routes) is answered with
 * `rootCheckError` instead (an error, or a function of the input that picks one), when it is the
 * only problem: the real server checks it after the schema, with a 400. Query parameters go
 * through here too, after {@link readQuery}.
 */
export function validateBody<T>(
  schema: z.ZodMiniType<T, unknown>,
  input: unknown,
  rootCheckError?: FakeApiError | ((input: unknown) => FakeApiError),
): T {
  let result = schema.safeParse(input, { reportInput: true });
  for (let round = 0; !result.success && round < 8; round++) {
    const unknownKeys = (result.error.issues as readonly Issue[]).filter((i) => i.code === "unrecognized_keys");
    if (unknownKeys.length === 0) break;
    for (const issue of unknownKeys) deleteKeys(input, issue.path, issue.keys ?? []);
    result = schema.safeParse(input, { reportInput: true });
  }
  if (result.success) return result.data;
  const issues = (result.error.issues as readonly Issue[]).filter((i) => i.code !== "unrecognized_keys");
  const isRootCheck = (i: Issue) => i.code === "custom" && i.path.length === 0;
  const fieldIssues = rootCheckError ? issues.filter((i) => !isRootCheck(i)) : issues;
  if (fieldIssues.length === 0 && rootCheckError) throw typeof rootCheckError === "function" ? rootCheckError(input) : rootCheckError;
  const list = toValidationIssues(fieldIssues).map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
  throw new FakeApiError("unprocessable_entity", list.join("; "));
}

/**
 * The query string as the server's schemas read it: one value per name (the last one wins), and
 * the names in `numeric` coerced to numbers when they look like one (otherwise left as text, so
 * validation reports them).
 */
export function readQuery(query: URLSearchParams, numeric: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const number = value.trim() === "" ? Number.NaN : Number(value);
    out[name] = numeric.includes(name) && Number.isFinite(number) ? number : value;
  }
  return out;
}
