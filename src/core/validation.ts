import type * as z from "zod/mini";
import { crossFieldIssues } from "./cross-field-rules.js";
import type { ValidationIssue } from "./errors/client-errors.js";

/**
 * The parts of a zod issue this module reads. zod/mini ships no message locale (that keeps the
 * bundle small), so messages are written here from each issue's code and figures.
 */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly keys?: readonly string[];
  readonly input?: unknown;
}

const UNITS: Record<string, string> = { string: " characters", array: " items", set: " items" };

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function bound(issue: ZodIssueLike, word: "least" | "most"): string {
  const limit = word === "least" ? issue.minimum : issue.maximum;
  const unit = UNITS[issue.origin ?? ""] ?? "";
  if (issue.origin === "number" || issue.origin === "bigint") {
    const op = word === "least" ? (issue.inclusive ? ">=" : ">") : issue.inclusive ? "<=" : "<";
    return `must be ${op} ${String(limit)}`;
  }
  return `must have at ${word} ${String(limit)}${unit}`;
}

function describe(issue: ZodIssueLike): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, received ${typeName(issue.input)}`;
    case "too_small":
      return bound(issue, "least");
    case "too_big":
      return bound(issue, "most");
    case "invalid_format":
      return issue.format === "regex" ? "has an invalid format" : `must be a valid ${issue.format}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys && issue.keys.length > 1 ? "s" : ""}: ${(issue.keys ?? []).join(", ")}`;
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues into the SDK's issue list. A check that carries its own message (for example
 * "must be a valid email address") keeps it; the others are described from their code.
 */
export function toValidationIssues(issues: readonly ZodIssueLike[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
    code: issue.code,
    message: issue.message && issue.message !== "Invalid input" ? issue.message : describe(issue),
  }));
}

/**
 * Every problem of `value` against `schema`, for an `SDKValidationError`: zod's issues (with the
 * received values, for "expected string, received number"), then the schema's cross-field rules,
 * which zod skips once a field has failed. Empty when `value` passes. Requests call it on their
 * error path only (their happy path is one compiled parse); client and call options use it as
 * their check.
 */
export function schemaIssues(schema: z.ZodMiniType, value: unknown): ValidationIssue[] {
  const result = schema.safeParse(value, { reportInput: true });
  const issues = result.success ? [] : toValidationIssues(result.error.issues);
  for (const message of crossFieldIssues(schema, value)) {
    if (!issues.some((issue) => issue.path.length === 0 && issue.message === message)) issues.push({ path: [], code: "custom", message });
  }
  return issues;
}
