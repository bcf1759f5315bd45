import type * as z from "zod/mini";
import type { ValidationIssue } from "./errors/client-errors.js";
import { toValidationIssues } from "./validation.js";

/**
 * Unknown option names, made helpful. The option schemas (options-schema.ts) are strict, so an
 * unknown name fails like any other bad option; here each one gets a message that says what to
 * write instead: a close name (`serverUrl` → `serverURL`, `backof` → `backoff`), the other
 * level's name (`retries` is per call, `retryConfig` is the client's), or, for options of the
 * official `dub` package that this client does not have, what to use. The known names are read
 * from the schemas themselves, so a new option is one line there.
 */

/** Where an option is written. */
export type OptionScope = "client" | "call";

const RETRY_STATUSES = "retried statuses follow each operation's safety; use { strategy: \"none\" } or retryNonIdempotent";
const NO_ATTEMPT_COUNT = "there is no attempt count: retries stop when backoff.maxElapsedTime is spent";
const FETCH_INIT = "fetch options are set by the client (redirects are never followed); pass your own `fetch` to the client";
const USE_TOKEN = "use `token`";

/** Names from the official `dub` package (and common guesses) that are not options here, by where they were written. */
const HINTS: Readonly<Record<OptionScope, Readonly<Record<string, string>>>> = {
  client: {
    retries: "on the client it is `retryConfig`",
    httpClient: "pass `fetch` to change the transport, `hooks` to see requests and responses",
    serverIdx: "use `serverURL`",
    server: "use `serverURL`",
    security: USE_TOKEN,
    apiKey: USE_TOKEN,
    bearerAuth: USE_TOKEN,
    userAgent: "set a `user-agent` header in hooks.beforeRequest or per call",
    retryCodes: RETRY_STATUSES,
  },
  call: {
    retryConfig: "per call it is `retries`",
    retryCodes: RETRY_STATUSES,
    fetchOptions: "pass `signal` and `headers` directly",
    ...Object.fromEntries(
      ["cache", "credentials", "integrity", "keepalive", "mode", "redirect", "referrer", "referrerPolicy", "window", "priority", "duplex"].map((name) => [name, FETCH_INIT]),
    ),
  },
};

/** Hints inside `retryConfig` / `retries`, whichever level. */
const RETRY_CONFIG_HINTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(["retries", "maxRetries", "attempts", "maxAttempts"].map((name) => [name, NO_ATTEMPT_COUNT])),
  retryCodes: RETRY_STATUSES,
  statusCodes: RETRY_STATUSES,
};

type SchemaDef = { type: string; shape?: Record<string, z.ZodMiniType>; innerType?: z.ZodMiniType };

function defOf(schema: z.ZodMiniType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The object schema under `schema` (through `optional`), or `undefined`. */
function objectShape(schema: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> | undefined {
  for (let s = schema, depth = 0; s && depth < 5; depth++) {
    const def = defOf(s);
    if (def.type === "object") return def.shape;
    s = def.innerType;
  }
  return undefined;
}

/** The option names a schema knows at `path`. */
export function knownOptions(schema: z.ZodMiniType, path: readonly (string | number)[]): string[] {
  let shape = objectShape(schema);
  for (const key of path) shape = shape && objectShape(shape[String(key)]);
  return shape ? Object.keys(shape) : [];
}

/** Optimal string alignment distance (Levenshtein with transpositions), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo (a third of its length, at most 3 edits). */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** What to say of the unknown option `name` at `path` of the `scope` options. */
function describeUnknown(name: string, path: readonly (string | number)[], scope: OptionScope, schemas: Readonly<Record<OptionScope, z.ZodMiniType>>): string {
  const known = knownOptions(schemas[scope], path);
  const hint =
    path.length === 0
      ? HINTS[scope][name]
      : path[path.length - 1] === "retryConfig" || path[path.length - 1] === "retries"
        ? RETRY_CONFIG_HINTS[name]
        : undefined;
  if (hint) return `unknown option "${name}": ${hint}`;
  const close = closestName(name, known);
  if (close) return `unknown option "${name}": did you mean "${close}"?`;
  if (path.length === 0) {
    const other: OptionScope = scope === "client" ? "call" : "client";
    if (knownOptions(schemas[other], []).includes(name)) {
      return `unknown option "${name}": it is a ${scope === "call" ? "client option, set it in new Dub({ ... })" : "per-call option"}`;
    }
  }
  return `unknown option "${name}"; the options here are ${known.join(", ")}`;
}

/**
 * Every problem of `value` against the `scope` options schema: zod's issues described as usual,
 * except that each `unrecognized_keys` issue becomes one issue per unknown name, at its own
 * path, saying what to use instead. Empty when `value` passes (one parse, the usual case).
 */
export function optionIssues(value: unknown, scope: OptionScope, schemas: Readonly<Record<OptionScope, z.ZodMiniType>>): ValidationIssue[] {
  const result = schemas[scope].safeParse(value, { reportInput: true });
  if (result.success) return [];
  const raw = result.error.issues;
  const described = toValidationIssues(raw);
  const out: ValidationIssue[] = [];
  raw.forEach((issue, i) => {
    if (issue.code !== "unrecognized_keys") {
      out.push(described[i]!);
      return;
    }
    const path = described[i]!.path;
    for (const name of issue.keys) {
      out.push({ path: [...path, name], code: "unknown_option", message: describeUnknown(name, path, scope, schemas) });
    }
  });
  return out;
}
