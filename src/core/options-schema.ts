import * as z from "zod/mini";
import { oneOf, satisfies, stringRecord } from "./schema.js";
import { isSignalLike } from "./caller-signal.js";
import { MAX_TIMER_MS } from "./constants.js";

/**
 * The shapes of the client's and the calls' options, checked with the same zod machinery as
 * request bodies so that a wrong option gets the same kind of error (`SDKValidationError` with
 * one issue per problem and its path).
 */

const positive = z.number().check(z.gt(0));
const TIMER_LIMIT = `must be at most ${MAX_TIMER_MS} ms (about 24.8 days), the longest a timer can wait`;
/** A duration a timer will wait for, or that bounds one. */
const timerMs = (min: "positive" | "nonNegative") => z.number().check(min === "positive" ? z.gt(0) : z.gte(0), z.lte(MAX_TIMER_MS, TIMER_LIMIT));
const fn = (message: string) => satisfies((value) => typeof value === "function", message);

const retryConfig = z.optional(
  z.strictObject({
    strategy: oneOf(["none", "backoff"]),
    backoff: z.optional(
      z.strictObject({
        initialInterval: z.optional(timerMs("nonNegative")),
        maxInterval: z.optional(timerMs("nonNegative")),
        exponent: z.optional(positive),
        maxElapsedTime: z.optional(timerMs("nonNegative")),
      }),
    ),
    retryConnectionErrors: z.optional(z.boolean()),
    retryNonIdempotent: z.optional(z.boolean()),
  }),
);

/**
 * `DubOptions`; `serverURL` and `token` get their own checks (see client-config.ts). Strict, as
 * are the objects inside it (but `debugLogger`, which may be any object with `debug`, such as
 * `console`): an unknown name is refused with a suggestion (see option-names.ts), and the names
 * listed here are the known ones, so adding an option is adding its line.
 */
export const dubOptionsSchema = z.strictObject({
  token: z.optional(satisfies((value) => typeof value === "string" || typeof value === "function", "expected a string or a function returning one")),
  serverURL: z.optional(z.string()),
  allowInsecureHttp: z.optional(z.boolean()),
  retryConfig,
  timeoutMs: z.optional(timerMs("positive")),
  fetch: z.optional(fn("expected a fetch function")),
  dispatcher: z.optional(
    satisfies((value) => typeof (value as { dispatch?: unknown } | null)?.dispatch === "function", "expected an undici Dispatcher"),
  ),
  proxy: z.optional(oneOf(["env"])),
  dangerouslyAllowBrowser: z.optional(z.boolean()),
  debugLogger: z.optional(z.looseObject({ debug: fn("expected a debug(message) method, such as console's") })),
  maxResponseBytes: z.optional(positive),
  hooks: z.optional(
    z.strictObject({
      beforeRequest: z.optional(fn("expected a function")),
      afterResponse: z.optional(fn("expected a function")),
      onError: z.optional(fn("expected a function")),
    }),
  ),
});

/** `RequestOptions`, the second argument of every call; strict like the client's. */
export const requestOptionsSchema = z.optional(
  z.strictObject({
    retries: retryConfig,
    timeoutMs: z.optional(timerMs("positive")),
    signal: z.optional(satisfies(isSignalLike, "expected an AbortSignal (with aborted, addEventListener and removeEventListener)")),
    headers: z.optional(stringRecord),
  }),
);

/** Both option schemas, by where the options are written, for the unknown-name suggestions. */
export const OPTION_SCHEMAS = { client: dubOptionsSchema, call: requestOptionsSchema } as const;
