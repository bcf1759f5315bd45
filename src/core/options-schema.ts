import * as z from "zod/mini";
import { oneOf, satisfies, stringRecord } from "../models/schema-helpers.js";

/**
 * The shapes of the client's and the calls' options, checked with the same zod machinery as
 * request bodies so that a wrong option gets the same kind of error (`SDKValidationError` with
 * one issue per problem and its path).
 */

const positive = z.number().check(z.gt(0));
const nonNegative = z.number().check(z.gte(0));
const fn = (message: string) => satisfies((value) => typeof value === "function", message);

const retryConfig = z.optional(
  z.looseObject({
    strategy: oneOf(["none", "backoff"]),
    backoff: z.optional(
      z.looseObject({
        initialInterval: z.optional(nonNegative),
        maxInterval: z.optional(nonNegative),
        exponent: z.optional(positive),
        maxElapsedTime: z.optional(nonNegative),
      }),
    ),
    retryConnectionErrors: z.optional(z.boolean()),
    retryNonIdempotent: z.optional(z.boolean()),
  }),
);

/** `DubOptions`; `serverURL` and `token` get their own checks (see client-config.ts). */
export const dubOptionsSchema = z.looseObject({
  token: z.optional(satisfies((value) => typeof value === "string" || typeof value === "function", "expected a string or a function returning one")),
  serverURL: z.optional(z.string()),
  allowInsecureHttp: z.optional(z.boolean()),
  retryConfig,
  timeoutMs: z.optional(positive),
  fetch: z.optional(fn("expected a fetch function")),
  dispatcher: z.optional(
    satisfies((value) => typeof (value as { dispatch?: unknown } | null)?.dispatch === "function", "expected an undici Dispatcher"),
  ),
  proxy: z.optional(oneOf(["env"])),
  dangerouslyAllowBrowser: z.optional(z.boolean()),
  debugLogger: z.optional(z.looseObject({ debug: fn("expected a debug(message) method, such as console's") })),
  maxResponseBytes: z.optional(positive),
  hooks: z.optional(
    z.looseObject({
      beforeRequest: z.optional(fn("expected a function")),
      afterResponse: z.optional(fn("expected a function")),
      onError: z.optional(fn("expected a function")),
    }),
  ),
});

/** `RequestOptions`, the second argument of every call. */
export const requestOptionsSchema = z.optional(
  z.looseObject({
    retries: retryConfig,
    timeoutMs: z.optional(positive),
    signal: z.optional(satisfies((value) => typeof (value as AbortSignal | null)?.addEventListener === "function", "expected an AbortSignal")),
    headers: z.optional(stringRecord),
  }),
);
