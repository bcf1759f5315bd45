import type { OperationDeclaration } from "../../core/operation.js";
import { FakeApiError } from "./api-error.js";
import { type BeyondSpec, takeNewerFields } from "./beyond-spec.js";
import * as generated from "./spec/validators.js";

/** One problem ajv reports. */
interface SpecError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** An ajv validate function of the generated module. */
interface SpecValidator {
  (data: unknown): boolean;
  errors?: readonly SpecError[] | null;
}

/** `field: problem`, worded as the server's validation errors read. */
function describe(error: SpecError, where: string): string {
  const path = error.instancePath.slice(1).replace(/\//g, ".");
  const { params } = error;
  const at = (name: string) => [path, name].filter(Boolean).join(".") || where;
  switch (error.keyword) {
    case "required":
      return `${at(String(params.missingProperty))}: is required`;
    case "type":
      return `${at("")}: expected ${String(params.type).replace(",null", " or null")}`;
    case "maxLength":
      return `${at("")}: must have at most ${String(params.limit)} characters`;
    case "minLength":
      return `${at("")}: must have at least ${String(params.limit)} characters`;
    case "maxItems":
      return `${at("")}: must have at most ${String(params.limit)} items`;
    case "minItems":
      return `${at("")}: must have at least ${String(params.limit)} items`;
    case "enum":
      return `${at("")}: must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
    case "pattern":
    case "format":
      return path.split(".").at(-1) === "email" ? `${at("")}: must be a valid email address` : `${at("")}: must be a valid ${String(params.format ?? "value")}`;
    default:
      return `${at("")}: ${error.message ?? "is invalid"}`;
  }
}

const validators = generated as unknown as Readonly<Record<string, SpecValidator | undefined>>;

/** The parts of a request the spec describes, as they arrived. */
export interface RequestParts {
  /** The raw body text ("" when none). */
  readonly body: string;
  /** The query string's parameters. */
  readonly query: URLSearchParams;
  /** The path parameters, decoded, by name. */
  readonly params: Readonly<Record<string, string>>;
}

/** Parses the request body as JSON; the real server answers 400 to anything else. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FakeApiError("bad_request", "Invalid JSON format in request body. Please check the syntax of your JSON payload.");
  }
}

/** The query string as an object: one value per name, an array for a name given more than once. */
function queryObject(query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** Every problem ajv finds in `value` against `validatorName`. */
function problemsOf(validatorName: string, value: unknown, where: string): string[] {
  const validate = validators[validatorName];
  if (!validate) throw new Error(`no spec validator ${validatorName}: run scripts/build-spec-validators.mjs`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => describe(e, where));
}

/**
 * Validates a request against the vendored OpenAPI document (ajv validators compiled from it:
 * the JSON body, the query and path parameters, the latter coerced to the types the spec gives
 * them), and returns it in the shape the SDK's method takes as its argument: the body, the query,
 * or the path parameters with the query and `requestBody`. A body that is not JSON is a 400; a
 * value the spec refuses is a 422 listing every problem, with those of `serverRules` (the server's
 * checks the spec does not state, such as its list of countries). Keys the spec does not list are
 * dropped, as the server's schemas strip them, except the newer fields of `beyondSpec`, which are
 * checked by their own rules and kept.
 */
export function specValidatedInput(declaration: OperationDeclaration, parts: RequestParts, serverRules?: (input: never) => string[], beyondSpec?: BeyondSpec): unknown {
  const id = declaration.operationId;
  const newerQuery = takeNewerFields(queryObject(parts.query), beyondSpec?.query);
  const query = newerQuery.rest as Record<string, unknown>;
  const params: Record<string, unknown> = { ...parts.params };
  const newerBody = takeNewerFields(validators[`${id}Body`] ? readJson(parts.body) : undefined, beyondSpec?.body);
  const body = newerBody.rest;
  const problems = [
    ...problemsOf(`${id}Query`, query, "query"),
    ...problemsOf(`${id}Path`, params, "path"),
    ...(body === undefined ? [] : beyondSpec?.wholeBody ? beyondSpec.wholeBody(body) : problemsOf(`${id}Body`, body, "body")),
    ...newerQuery.problems,
    ...newerBody.problems,
  ];
  Object.assign(query, newerQuery.taken);
  if (typeof body === "object" && body !== null) Object.assign(body, newerBody.taken);
  const input = argumentOf(declaration, body, query, params);
  if (serverRules && typeof input === "object" && input !== null) problems.push(...serverRules(input as never));
  if (problems.length) throw new FakeApiError("unprocessable_entity", [...new Set(problems)].join("; "));
  return input;
}

/** The parts of a request in the shape of the SDK method's argument. */
function argumentOf(declaration: OperationDeclaration, body: unknown, query: Record<string, unknown>, params: Record<string, unknown>): unknown {
  switch (declaration.argument) {
    case "body":
      return body;
    case "query":
      return query;
    case "path":
      return Object.values(params)[0];
    case "parameters":
      return { ...params, ...query, ...(body !== undefined && { requestBody: body }) };
  }
}
