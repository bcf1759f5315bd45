/**
 * Contract-test helpers: the vendored OpenAPI 3.0.3 document compiled with ajv, a sampler that
 * builds spec-valid values from its schemas, and a Dub client over a recording stub `fetch`.
 */
import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { expect, vi } from "vitest";
import { Dub } from "../../src/index.js";

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

/** The parts of an OpenAPI 3.0 schema object these helpers read. */
export interface OasSchema {
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, OasSchema>;
  required?: string[];
  items?: OasSchema;
  additionalProperties?: boolean | OasSchema;
  anyOf?: OasSchema[];
  oneOf?: OasSchema[];
  allOf?: OasSchema[];
  enum?: unknown[];
  $ref?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  format?: string;
  deprecated?: boolean;
  [keyword: string]: unknown;
}

interface OasParameter {
  in: string;
  name: string;
  required?: boolean;
  schema: OasSchema;
}

interface OasOperation {
  operationId?: string;
  parameters?: OasParameter[];
  requestBody?: { content: Record<string, { schema: OasSchema }> };
  responses: Record<string, { content?: Record<string, { schema: OasSchema }> }>;
}

interface OasDocument {
  openapi: string;
  paths: Record<string, Record<string, OasOperation>>;
  components: { schemas: Record<string, OasSchema> };
}

export const SPEC_ID = "https://contract.dub.test/partner-program.openapi.json";

/** The vendored document, as published (OpenAPI 3.0 keywords). */
export const spec: OasDocument = JSON.parse(readFileSync(new URL("../../spec/partner-program.openapi.json", import.meta.url), "utf8"));

export type OperationId = "createPartner" | "createPartnerLink" | "upsertPartnerLink";

/** Every operation of the spec. */
export type AnyOperationId =
  | OperationId
  | "listPartners"
  | "retrievePartnerLinks"
  | "retrievePartnerAnalytics"
  | "banPartner"
  | "deactivatePartner"
  | "listPartnerApplications"
  | "approvePartnerApplication"
  | "rejectPartnerApplication"
  | "listDiscountCodes"
  | "createDiscountCode"
  | "deleteDiscountCode"
  | "createReferralsEmbedToken"
  | "listBountySubmissions"
  | "approveBountySubmission"
  | "rejectBountySubmission"
  | "trackLead"
  | "trackSale"
  | "trackOpen"
  | "getCustomers"
  | "getCustomer"
  | "updateCustomer"
  | "deleteCustomer"
  | "createCommission"
  | "listCommissions"
  | "updateCommission"
  | "bulkUpdateCommissions"
  | "listPayouts";

/** Where an operation lives in the spec. */
export function specOperation(operationId: AnyOperationId): { path: string; method: string; operation: OasOperation } {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId === operationId) return { path, method: method.toUpperCase(), operation };
    }
  }
  throw new Error(`operation ${operationId} is not in the spec`);
}

/** `requestBody.content["application/json"].schema` of an operation, as published. */
export function requestSchema(operationId: AnyOperationId): OasSchema {
  const schema = specOperation(operationId).operation.requestBody?.content["application/json"]?.schema;
  if (!schema) throw new Error(`${operationId} has no JSON request body`);
  return schema;
}

/** The JSON schema of a response, as published (may be a `$ref`). */
export function responseSchema(operationId: AnyOperationId, status: string): OasSchema {
  const schema = specOperation(operationId).operation.responses[status]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`${operationId} has no JSON ${status} response`);
  return schema;
}

/** Follows a local `#/components/...` reference. */
export function deref(schema: OasSchema): OasSchema {
  let current = schema;
  while (current.$ref) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = spec;
    for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (!node) throw new Error(`dangling $ref ${ref}`);
    current = node as OasSchema;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 → JSON Schema (draft-07, what ajv 8 speaks by default)
// ---------------------------------------------------------------------------------------------

/** Places in the published schemas where a 3.0 keyword had no draft-07 meaning and was dropped. */
export const conversionNotes = new Set<string>();

interface ConvertOptions {
  /** Give every object schema that lists properties `additionalProperties: false` unless it says otherwise. */
  closeObjects: boolean;
}

function convertSchema(schema: OasSchema, options: ConvertOptions, where: string): OasSchema {
  if (typeof schema !== "object" || schema === null) return schema;
  const out: OasSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, sub]) => [name, convertSchema(sub, options, `${where}.${name}`)]),
    );
  }
  if (schema.items) out.items = convertSchema(schema.items, options, `${where}[]`);
  if (typeof schema.additionalProperties === "object") out.additionalProperties = convertSchema(schema.additionalProperties, options, `${where}{}`);
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const list = schema[key];
    if (list) out[key] = list.map((sub, i) => convertSchema(sub, options, `${where}/${key}[${i}]`));
  }
  // 3.0 boolean exclusive bounds → draft-07 numeric ones.
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof schema[flag] !== "boolean") continue;
    delete out[flag];
    if (schema[flag] === true) {
      if (typeof schema[bound] === "number") {
        out[flag] = schema[bound];
        delete out[bound];
      } else {
        conversionNotes.add(`${where}: "${flag}: true" without "${bound}" (no bound to make exclusive; dropped)`);
      }
    }
  }
  if (options.closeObjects && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (schema.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (Array.isArray(out.type)) out.type = [...out.type, "null"];
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: "null" }] };
  } else if (schema.nullable === false) {
    delete out.nullable;
  }
  return out;
}

/** Converts every schema of the document (request and response bodies, parameters, components). */
function convertDocument(options: ConvertOptions): OasDocument {
  const walk = (node: unknown, where: string): unknown => {
    if (Array.isArray(node)) return node.map((n, i) => walk(n, `${where}[${i}]`));
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === "schema" ? convertSchema(v as OasSchema, options, `${where}`) : walk(v, `${where}${k.startsWith("/") ? "" : "/"}${k}`)]),
    );
  };
  return {
    ...spec,
    paths: walk(spec.paths, "paths") as OasDocument["paths"],
    components: {
      ...spec.components,
      schemas: Object.fromEntries(
        Object.entries(spec.components.schemas).map(([name, s]) => [name, convertSchema(s, options, `components.schemas.${name}`)]),
      ),
    },
  };
}

function makeAjv(options: ConvertOptions): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...convertDocument(options), $id: SPEC_ID });
  return ajv;
}

/** The document as published. */
const openAjv = makeAjv({ closeObjects: false });
/**
 * The document with every object closed: the request schemas leave `additionalProperties` open,
 * so this catches a field the SDK sends that the spec does not document (e.g. `programId`).
 */
const closedAjv = makeAjv({ closeObjects: true });

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const validators = new Map<string, ValidateFunction>();

function validatorAt(ajv: Ajv, tag: string, ref: string): ValidateFunction {
  const key = `${tag} ${ref}`;
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile({ $ref: `${SPEC_ID}#/${ref}` });
    validators.set(key, v);
  }
  return v;
}

/** Validates a request body against the operation's request schema (`closed`: no undocumented fields either). */
export function requestValidator(operationId: AnyOperationId, mode: "open" | "closed" = "open"): ValidateFunction {
  const { path, method } = specOperation(operationId);
  const ref = pointer("paths", path, method.toLowerCase(), "requestBody", "content", "application/json", "schema");
  return validatorAt(mode === "open" ? openAjv : closedAjv, mode, ref);
}

/** Validates a body against the operation's response schema for `status`. */
export function responseValidator(operationId: AnyOperationId, status: string): ValidateFunction {
  const { path, method } = specOperation(operationId);
  const ref = pointer("paths", path, method.toLowerCase(), "responses", status, "content", "application/json", "schema");
  return validatorAt(openAjv, "open", ref);
}

/** The query parameters of an operation, as published, each with its index in `parameters`. */
export function queryParameters(operationId: AnyOperationId): (OasParameter & { index: number })[] {
  return (specOperation(operationId).operation.parameters ?? []).map((p, index) => ({ ...p, index })).filter((p) => p.in === "query");
}

/**
 * Validates a query, given as an object of typed values (see {@link queryOf}), against the
 * operation's query parameters: each value against its parameter's schema, the required ones
 * present, and no name the spec does not document.
 */
export function queryValidator(operationId: AnyOperationId): ValidateFunction {
  const key = `query ${operationId}`;
  let v = validators.get(key);
  if (!v) {
    const { path, method } = specOperation(operationId);
    const params = queryParameters(operationId);
    v = openAjv.compile({
      type: "object",
      additionalProperties: false,
      required: params.filter((p) => p.required).map((p) => p.name),
      properties: Object.fromEntries(
        params.map((p) => [p.name, { $ref: `${SPEC_ID}#/${pointer("paths", path, method.toLowerCase(), "parameters", String(p.index), "schema")}` }]),
      ),
    });
    validators.set(key, v);
  }
  return v;
}

/**
 * The query string of `url` as an object, each value read as its parameter's schema types it
 * (integers and numbers parsed, booleans from `true`/`false`); a repeated name becomes an array.
 */
export function queryOf(url: string, operationId: AnyOperationId): Record<string, unknown> {
  const types = new Map(queryParameters(operationId).map((p) => [p.name, deref(p.schema).type]));
  const out: Record<string, unknown> = {};
  for (const [name, text] of new URL(url).searchParams) {
    const type = types.get(name);
    const value = type === "integer" || type === "number" ? Number(text) : type === "boolean" ? text === "true" : text;
    out[name] = name in out ? [out[name], value].flat() : value;
  }
  return out;
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`).join("\n");
}

/** Asserts that `data` validates, showing ajv's errors when it does not. */
export function expectValid(validate: ValidateFunction, data: unknown, label = "body"): void {
  const ok = validate(data);
  expect(ok, `${label} does not validate against the spec:\n${describeErrors(validate.errors)}\n${JSON.stringify(data).slice(0, 2000)}`).toBe(true);
}

/** Asserts that `data` does NOT validate (the spec itself rejects it). */
export function expectInvalid(validate: ValidateFunction, data: unknown, label = "body"): void {
  expect(validate(data), `${label} unexpectedly validates against the spec`).toBe(false);
}

// ---------------------------------------------------------------------------------------------
// Spec-driven samples
// ---------------------------------------------------------------------------------------------

function sampleString(schema: OasSchema, name: string): string {
  if (schema.format === "uri") return `https://acme.com/${encodeURIComponent(name)}`;
  if (schema.format === "email") return "kim@example.com";
  if (schema.format === "date-time") return "2026-11-24T10:00:00.000Z";
  let s = `${name}-sample`;
  if (schema.minLength !== undefined) while (s.length < schema.minLength) s += "x";
  if (schema.maxLength !== undefined) s = s.slice(0, schema.maxLength);
  return s;
}

function sampleNumber(schema: OasSchema): number {
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const exclusiveMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  if (exclusiveMin !== undefined) return exclusiveMin + 1;
  if (min !== undefined) return schema.exclusiveMinimum === true ? min + 1 : min;
  // 3.0 "exclusiveMinimum: true" alone (meant as "positive"): stay positive.
  return schema.type === "integer" ? 3 : 1.5;
}

/**
 * A spec-valid value of `schema` with every property present and non-null (the first `oneOf` /
 * `anyOf` branch, the first enum value, the minimum number of array items but at least one, one
 * entry in a map).
 */
export function sampleFromSchema(input: OasSchema, name = "value"): unknown {
  const schema = deref(input);
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return sampleFromSchema({ ...schema, oneOf: undefined, anyOf: undefined, ...deref(branch) }, name);
  if (schema.enum) return schema.enum.find((v) => v !== null);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [prop, sub] of Object.entries(schema.properties ?? {})) out[prop] = sampleFromSchema(sub, prop);
      if (typeof schema.additionalProperties === "object") out.US = sampleFromSchema(schema.additionalProperties, `${name}-entry`);
      return out;
    }
    case "array": {
      const count = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: count }, (_, i) => sampleFromSchema(schema.items ?? {}, `${name}-${i}`));
    }
    case "string":
      return sampleString(schema, name);
    case "number":
    case "integer":
      return sampleNumber(schema);
    case "boolean":
      // The non-default value, so a parser that replaces it with a default is caught.
      return schema.default === true ? false : true;
    case undefined:
      // `{}`, any value (the entries of a `metadata` object): a string.
      if (Object.keys(schema).length === 0) return `${name}-value`;
      throw new Error(`cannot sample ${name}: ${JSON.stringify(schema).slice(0, 200)}`);
    default:
      throw new Error(`cannot sample ${name}: ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function objectSchemaOf(input: OasSchema, value: unknown): OasSchema | undefined {
  const schema = deref(input);
  if (schema.properties) return schema;
  // A oneOf of objects: the branch whose enum'd `type` matches (the referral form fields).
  for (const branch of schema.oneOf ?? schema.anyOf ?? []) {
    const b = deref(branch);
    if (!b.properties) continue;
    const discriminator = Object.entries(b.properties).find(([, s]) => s.enum?.length === 1);
    if (!discriminator || (isObject(value) && value[discriminator[0]] === discriminator[1].enum![0])) return b;
  }
  return undefined;
}

/**
 * Walks `value` alongside `schema` and rewrites each property with `visit` (which returns the
 * new value, or `REMOVE`), then recurses into what is left.
 */
export const REMOVE = Symbol("remove");
export function rewrite(
  input: OasSchema,
  value: unknown,
  visit: (prop: string, propSchema: OasSchema, parent: OasSchema, current: unknown) => unknown,
): unknown {
  const schema = deref(input);
  if (Array.isArray(value)) return value.map((item) => rewrite(schema.items ?? {}, item, visit));
  if (!isObject(value)) return value;
  const objectSchema = objectSchemaOf(schema, value);
  if (!objectSchema) return value;
  const out: Record<string, unknown> = {};
  for (const [prop, current] of Object.entries(value)) {
    const propSchema = objectSchema.properties?.[prop] ?? (typeof objectSchema.additionalProperties === "object" ? objectSchema.additionalProperties : {});
    const next = visit(prop, deref(propSchema), objectSchema, current);
    if (next === REMOVE) continue;
    out[prop] = next === current ? rewrite(propSchema, current, visit) : next;
  }
  return out;
}

/** Every property the schema marks `nullable`, at any depth, set to null. */
export function withNullablesNull(schema: OasSchema, value: unknown, opts: { keepNullableObjects?: boolean } = {}): unknown {
  return rewrite(schema, value, (_prop, propSchema, _parent, current) => {
    if (propSchema.nullable !== true) return current;
    if (opts.keepNullableObjects && (isObject(current) || Array.isArray(current))) return current;
    return null;
  });
}

/** Every property not listed in its object's `required` removed, at any depth. */
export function withoutOptionals(schema: OasSchema, value: unknown): unknown {
  return rewrite(schema, value, (prop, _propSchema, parent, current) => (parent.required?.includes(prop) ? current : REMOVE));
}

/** Names of the properties a schema lists, and of those it requires. */
export function propertyNames(schema: OasSchema): { all: string[]; required: string[] } {
  const s = deref(schema);
  return { all: Object.keys(s.properties ?? {}), required: s.required ?? [] };
}

// ---------------------------------------------------------------------------------------------
// A client over a recording stub fetch
// ---------------------------------------------------------------------------------------------

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface StubReply {
  status: number;
  /** Sent as is when a string, else as JSON. */
  body: unknown;
}

export const TOKEN = "dub_test_token";
export const SERVER_URL = "https://api.dub.test";

/** A Dub client whose fetch records each request and answers with `reply` (fresh each call). */
export function stubClient(reply: StubReply | (() => StubReply)) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit): Promise<Response> => {
    sent.push({
      method: String(init.method),
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body === undefined || init.body === null ? undefined : String(init.body),
    });
    const r = typeof reply === "function" ? reply() : reply;
    const text = typeof r.body === "string" ? r.body : JSON.stringify(r.body);
    return new Response(text, { status: r.status, headers: { "content-type": "application/json" } });
  });
  const dub = new Dub({ token: TOKEN, serverURL: SERVER_URL, fetch, retryConfig: { strategy: "none" } });
  return { dub, fetch, sent };
}
