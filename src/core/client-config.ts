import type { ReportedFailures } from "./callbacks.js";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_SERVER_URL, DEFAULT_TIMEOUT_MS } from "./constants.js";
import { BROWSER_REFUSAL, runsInBrowser } from "./browser.js";
import { readEnv } from "./env.js";
import { headerIssues } from "./header-rules.js";
import { loggerFromEnv } from "./env-logger.js";
import { SDKValidationError, type ValidationIssue } from "./errors/client-errors.js";
import type { Hooks } from "./hooks.js";
import type { DebugLogger, DubOptions, RequestOptions, TokenSource } from "./options.js";
import { optionIssues } from "./option-names.js";
import { OPTION_SCHEMAS } from "./options-schema.js";
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
  /** The observers (`debugLogger`, `afterResponse`, `onError`) whose failure was already reported. */
  readonly callbackFailures: ReportedFailures;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A visible-ASCII token: a key with a newline or a space would fail inside the HTTP layer with a message quoting it. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

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

function tokenIssue(code: string, message: string): ValidationIssue[] {
  return [{ path: ["token"], code, message }];
}

function typeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/**
 * The call's key from the configured source. A function's throw, rejection, or a value that is
 * not a non-empty string is an `SDKValidationError` naming the token (the function's own error
 * is its `cause`), never a raw error from inside the pipeline.
 */
function tokenGetter(source: TokenSource | undefined): () => string | Promise<string> {
  const fromFunction = typeof source === "function";
  const check = (token: unknown): string => {
    if (token === undefined && !fromFunction) {
      throw new SDKValidationError(
        "client options",
        tokenIssue("missing_token", "no API key: pass new Dub({ token }) or set the DUB_API_KEY environment variable"),
      );
    }
    if (typeof token !== "string") {
      const what = fromFunction ? `the token function returned ${typeName(token)}` : `token is ${typeName(token)}`;
      throw new SDKValidationError("client options", tokenIssue("invalid_token", `${what}; expected the API key as a string`));
    }
    if (token === "") {
      throw new SDKValidationError("client options", tokenIssue("missing_token", fromFunction ? "the token function returned an empty string" : "the API key is empty"));
    }
    if (!TOKEN_SHAPE.test(token)) {
      throw new SDKValidationError("client options", tokenIssue("invalid_format", "the API key contains whitespace or control characters (check for a trailing newline)"));
    }
    return token;
  };
  if (typeof source === "function") {
    const failed = (error: unknown): never => {
      if (error instanceof SDKValidationError) throw error;
      throw new SDKValidationError("client options", tokenIssue("token_function_failed", "the token function threw or rejected; its error is the cause"), { cause: error });
    };
    return () => {
      let value: unknown;
      try {
        value = source();
      } catch (error) {
        return failed(error);
      }
      if (typeof value === "string") return check(value);
      if (value && typeof (value as PromiseLike<unknown>).then === "function") return Promise.resolve(value).then(check, failed);
      return check(value);
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
  const issues = optionIssues(options, "client", OPTION_SCHEMAS);
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
    callbackFailures: new Set(),
  };
}

/** Checks the per-call options, their headers by the HTTP field rules too; throws `SDKValidationError` listing every problem. */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return;
  const issues = optionIssues(options, "call", OPTION_SCHEMAS);
  const headers = (options as { headers?: unknown } | null)?.headers;
  if (typeof headers === "object" && headers !== null) issues.push(...headerIssues(headers as Record<string, unknown>, ["headers"]));
  if (issues.length) throw new SDKValidationError("request options", issues);
}
