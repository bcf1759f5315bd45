import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_SERVER_URL, DEFAULT_TIMEOUT_MS } from "./constants.js";
import { readEnv } from "./env.js";
import { SDKValidationError, type ValidationIssue } from "./errors/client-errors.js";
import type { Hooks } from "./hooks.js";
import type { DebugLogger, DubOptions, RequestOptions, TokenSource } from "./options.js";
import type { RateLimitInfo } from "./rate-limit.js";
import { type RetryConfig, type RetryPlan, DEFAULT_RETRY_CONFIG, toRetryPlan } from "./retry/retry-config.js";
import { createDefaultTransport } from "./transport/default-transport.js";
import { createFetchTransport } from "./transport/fetch-transport.js";
import type { Transport } from "./transport/types.js";

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

function positiveNumber(value: unknown, path: string[], issues: ValidationIssue[], allowZero = false): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    issues.push({ path, code: "invalid_value", message: `must be a ${allowZero ? "non-negative" : "positive"} finite number` });
  }
}

/** Checks a retry configuration's shape; used for the client's and for each call's. */
export function checkRetryConfig(config: unknown, path: string, issues: ValidationIssue[]): void {
  if (config === undefined) return;
  const strategy = (config as { strategy?: unknown } | null)?.strategy;
  if (strategy !== "none" && strategy !== "backoff") {
    issues.push({ path: [path, "strategy"], code: "invalid_value", message: 'must be "none" or "backoff"' });
    return;
  }
  const backoff: Record<string, unknown> = (config as { backoff?: Record<string, unknown> }).backoff ?? {};
  for (const key of ["initialInterval", "maxInterval", "maxElapsedTime"]) {
    positiveNumber(backoff[key], [path, "backoff", key], issues, true);
  }
  positiveNumber(backoff.exponent, [path, "backoff", "exponent"], issues);
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

/** Resolves `DubOptions` with environment fallbacks and defaults; throws `SDKValidationError` listing every invalid option. */
export function resolveClientOptions(options: DubOptions): ClientContext {
  if (typeof options !== "object" || options === null) {
    throw new SDKValidationError("client options", [{ path: [], code: "invalid_type", message: "expected an options object" }]);
  }
  const issues: ValidationIssue[] = [];
  const token = options.token ?? readEnv("DUB_API_KEY");
  if (token !== undefined && typeof token !== "string" && typeof token !== "function") {
    issues.push({ path: ["token"], code: "invalid_type", message: "expected a string or a function returning one" });
  }
  const serverURL = checkServerURL(options.serverURL ?? readEnv("DUB_BASE_URL") ?? DEFAULT_SERVER_URL, options.allowInsecureHttp === true, issues);
  positiveNumber(options.timeoutMs, ["timeoutMs"], issues);
  positiveNumber(options.maxResponseBytes, ["maxResponseBytes"], issues);
  checkRetryConfig(options.retryConfig, "retryConfig", issues);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    issues.push({ path: ["fetch"], code: "invalid_type", message: "expected a fetch function" });
  }
  if (options.debugLogger !== undefined && typeof options.debugLogger?.debug !== "function") {
    issues.push({ path: ["debugLogger"], code: "invalid_type", message: "expected an object with a debug(message) method, such as console" });
  }
  if (options.hooks !== undefined) {
    const hooks = options.hooks as Record<string, unknown> | null;
    if (typeof hooks !== "object" || hooks === null) issues.push({ path: ["hooks"], code: "invalid_type", message: "expected an object of hook functions" });
    else
      for (const name of ["beforeRequest", "afterResponse", "onError"]) {
        if (hooks[name] !== undefined && typeof hooks[name] !== "function") issues.push({ path: ["hooks", name], code: "invalid_type", message: "expected a function" });
      }
  }
  if (issues.length) throw new SDKValidationError("client options", issues);

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    serverURL,
    getToken: tokenGetter(token),
    transport: options.fetch
      ? createFetchTransport(options.fetch)
      : createDefaultTransport({ connectTimeoutMs: Math.min(timeoutMs, DEFAULT_CONNECT_TIMEOUT_MS) }),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    retryPlan: toRetryPlan(options.retryConfig ?? DEFAULT_RETRY_CONFIG),
    timeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    logger: options.debugLogger,
    hooks: options.hooks,
    observed: {},
  };
}

/** Checks the per-call options; `undefined` when there are none to check. */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return;
  const issues: ValidationIssue[] = [];
  if (typeof options !== "object" || options === null) {
    issues.push({ path: [], code: "invalid_type", message: "expected an options object" });
  } else {
    positiveNumber(options.timeoutMs, ["timeoutMs"], issues);
    checkRetryConfig(options.retries, "retries", issues);
    if (options.signal !== undefined && typeof (options.signal as AbortSignal)?.addEventListener !== "function") {
      issues.push({ path: ["signal"], code: "invalid_type", message: "expected an AbortSignal" });
    }
    if (options.headers !== undefined && (typeof options.headers !== "object" || options.headers === null)) {
      issues.push({ path: ["headers"], code: "invalid_type", message: "expected a record of header names to values" });
    }
  }
  if (issues.length) throw new SDKValidationError("request options", issues);
}
