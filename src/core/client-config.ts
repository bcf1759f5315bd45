import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_SERVER_URL, DEFAULT_TIMEOUT_MS } from "./constants.js";
import { BROWSER_REFUSAL, runsInBrowser } from "./browser.js";
import { readEnv } from "./env.js";
import { loggerFromEnv } from "./env-logger.js";
import type * as z from "zod/mini";
import { SDKValidationError, type ValidationIssue } from "./errors/client-errors.js";
import type { Hooks } from "./hooks.js";
import type { DebugLogger, DubOptions, RequestOptions, TokenSource } from "./options.js";
import { dubOptionsSchema, requestOptionsSchema } from "./options-schema.js";
import type { RateLimitInfo } from "./rate-limit.js";
import { type RetryConfig, type RetryPlan, DEFAULT_RETRY_CONFIG, toRetryPlan } from "./retry/retry-config.js";
import { createDefaultTransport } from "./transport/default-transport.js";
import { createFetchTransport } from "./transport/fetch-transport.js";
import type { Transport } from "./transport/types.js";
import { schemaIssues } from "./validation.js";

/** Everything a call needs from its client, resolved and checked once at construction. */
export interface ClientContext {
  /** Base URL without a trailing slash. */
  readonly serverURL: string;
  /** Resolves the API key; the key itself is held only in this closure. */
  readonly getToken: () => string | Promise<string>;
  readonly transport: Transport;
  /** The client's retry configuration as given (calls merge theirs over it), and its resolved plan. */
  readonly retryConfig: RetryConfig;
  readonly retryPlan: RetryPlan;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly logger: DebugLogger | undefined;
  readonly hooks: Hooks | undefined;
  /** What the client has seen of the server: the latest rate-limit figures. */
  readonly observed: { rateLimit?: RateLimitInfo };
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A visible-ASCII token: a key with a newline or a space would fail inside the HTTP layer with a message quoting it. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/** Throws `SDKValidationError` listing every problem of `value` against `schema`. */
function checkAgainst(schema: z.ZodMiniType, value: unknown, subject: string): void {
  const issues = schemaIssues(schema, value);
  if (issues.length) throw new SDKValidationError(subject, issues);
}

function checkServerURL(raw: string, allowInsecureHttp: boolean, issues: ValidationIssue[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    issues.push({ path: ["serverURL"], code: "invalid_format", message: "must be an absolute http(s) URL" });
    return raw;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    issues.push({ path: ["serverURL"], code: "invalid_format", message: "must use https:// (or http:// to a loopback host)" });
  } else if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname) && !allowInsecureHttp) {
    issues.push({
      path: ["serverURL"],
      code: "insecure_url",
      message: `plain http:// to ${url.hostname} would send the API key unencrypted; use https://, or set allowInsecureHttp: true if the network is trusted`,
    });
  }
  if (url.search || url.hash || url.username || url.password) {
    issues.push({ path: ["serverURL"], code: "invalid_format", message: "must not carry a query, fragment or credentials" });
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

function tokenGetter(source: TokenSource | undefined): () => string | Promise<string> {
  const missing = () =>
    new SDKValidationError("client options", [
      { path: ["token"], code: "missing_token", message: "no API key: pass new Dub({ token }) or set the DUB_API_KEY environment variable" },
    ]);
  const check = (token: unknown): string => {
    if (typeof token !== "string" || token === "") throw missing();
    if (!TOKEN_SHAPE.test(token)) {
      throw new SDKValidationError("client options", [
        { path: ["token"], code: "invalid_format", message: "the API key contains whitespace or control characters (check for a trailing newline)" },
      ]);
    }
    return token;
  };
  if (typeof source === "function") {
    return () => {
      const value = source();
      return typeof value === "string" ? check(value) : Promise.resolve(value).then(check);
    };
  }
  return () => check(source);
}

/** `fetch`, `dispatcher` and `proxy` each choose how requests leave: one at most. */
function checkTransportChoice(options: DubOptions, issues: ValidationIssue[]): void {
  const chosen = (["fetch", "dispatcher", "proxy"] as const).filter((name) => options[name] !== undefined);
  if (chosen.length < 2) return;
  issues.push({
    path: [chosen[1]!],
    code: "conflict",
    message: `${chosen.join(" and ")} each choose how requests leave; pass one`,
  });
}

/** Resolves `DubOptions` with environment fallbacks and defaults; throws `SDKValidationError` listing every invalid option. */
export function resolveClientOptions(options: DubOptions): ClientContext {
  const issues = schemaIssues(dubOptionsSchema, options);
  if (typeof options !== "object" || options === null) throw new SDKValidationError("client options", issues);
  const token = options.token ?? readEnv("DUB_API_KEY");
  const serverURL = checkServerURL(options.serverURL ?? readEnv("DUB_BASE_URL") ?? DEFAULT_SERVER_URL, options.allowInsecureHttp === true, issues);
  checkTransportChoice(options, issues);
  if (options.dangerouslyAllowBrowser !== true && runsInBrowser()) {
    issues.push({ path: ["dangerouslyAllowBrowser"], code: "browser_not_allowed", message: BROWSER_REFUSAL });
  }
  if (issues.length) throw new SDKValidationError("client options", issues);

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const logger = options.debugLogger ?? loggerFromEnv();
  return {
    serverURL,
    getToken: tokenGetter(token),
    transport: options.fetch
      ? createFetchTransport(options.fetch)
      : createDefaultTransport({
          connectTimeoutMs: Math.min(timeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
          dispatcher: options.dispatcher,
          proxy: options.proxy,
          logger,
        }),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    retryPlan: toRetryPlan(options.retryConfig ?? DEFAULT_RETRY_CONFIG),
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    logger,
    hooks: options.hooks,
    observed: {},
  };
}

/** Checks the per-call options; throws `SDKValidationError` listing every problem. */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options !== undefined) checkAgainst(requestOptionsSchema, options, "request options");
}
