import type * as z from "zod/mini";
import type { WithResponse } from "./api-promise.js";
import type { ClientContext } from "./client-config.js";
import { ConnectionError, HTTPClientError, RequestAbortedError, RequestTimeoutError, ResponseValidationError } from "./errors/client-errors.js";
import { errorFromResponse, redactSecret } from "./errors/from-response.js";
import { conforms } from "./fast-schema.js";
import type { HookRequest } from "./hooks.js";
import { describeNetworkError } from "./network-errors.js";
import { parseRateLimit } from "./rate-limit.js";
import { redactHeaders } from "./redact.js";
import { TransportUnavailableError } from "./errors/transport-unavailable.js";
import { Cancellation } from "./transport/cancellation.js";
import { BROWSER_FETCH_FAILED, BrowserFetchError, TransportLoadError } from "./transport/transport-errors.js";
import { BodyTooLargeError, type TransportResponse } from "./transport/types.js";
import { toValidationIssues } from "./validation.js";

/** Marks an attempt aborted by its own deadline, as opposed to the caller's signal. */
const DEADLINE = Symbol("deadline");

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Everything fixed for the attempts of one call. */
export interface PreparedCall {
  /** The SDK's name of the operation. */
  readonly operation: string;
  readonly method: string;
  /** `METHOD /path`, for messages. */
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly token: string;
}

/**
 * One attempt under its own deadline, which covers connect, headers and reading the whole body;
 * the caller's signal aborts it too. Hooks and debug lines are emitted here, once per attempt.
 */
export async function attemptOnce<Output>(
  ctx: ClientContext,
  call: PreparedCall,
  responseSchema: z.ZodMiniType<Output>,
  attempt: number,
): Promise<WithResponse<Output>> {
  const hooks = ctx.hooks;
  const headers = hooks?.beforeRequest ? await beforeRequest(ctx, call, attempt) : call.headers;
  const cancellation = new Cancellation();
  const timer = setTimeout(() => cancellation.abort(DEADLINE), call.timeoutMs);
  const onCallerAbort = () => cancellation.abort(call.signal?.reason);
  call.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const startedAt = performance.now();
  ctx.logger?.debug(`dub-partners → ${call.label} attempt ${attempt}`, { url: call.url, headers: redactHeaders(headers, call.token) });
  let response: TransportResponse;
  try {
    response = await ctx.transport.send({
      method: call.method,
      url: call.url,
      headers,
      body: call.body,
      cancellation,
      maxResponseBytes: ctx.maxResponseBytes,
    });
  } catch (error) {
    const failure = toClientError(error, call, cancellation);
    ctx.logger?.debug(`dub-partners ✗ ${call.label} after ${Math.round(performance.now() - startedAt)} ms: ${failure.message}`);
    await reportError(ctx, call, attempt, failure);
    throw failure;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener("abort", onCallerAbort);
  }
  const durationMs = performance.now() - startedAt;
  ctx.logger?.debug(`dub-partners ← ${response.status} ${call.label} in ${Math.round(durationMs)} ms`);
  const rateLimit = observeRateLimit(ctx, response.status, response.headers);
  if (hooks?.afterResponse) {
    const { status, headers: responseHeaders } = response;
    await hooks.afterResponse({ operation: call.operation, method: call.method, url: call.url, attempt, status, headers: responseHeaders, durationMs, rateLimit });
  }
  try {
    return interpret(call, responseSchema, response, rateLimit);
  } catch (error) {
    await reportError(ctx, call, attempt, error as Error);
    throw error;
  }
}

/** Tells the `onError` hook, when there is one, that the attempt failed with `error`. */
async function reportError(ctx: ClientContext, call: PreparedCall, attempt: number, error: Error): Promise<void> {
  await ctx.hooks?.onError?.({ operation: call.operation, method: call.method, url: call.url, attempt, error });
}

/**
 * Runs the `beforeRequest` hook on a copy of the headers with the key masked, then sends what it
 * set or changed, except `authorization`: the hook never sees the key and cannot lose it.
 */
async function beforeRequest(ctx: ClientContext, call: PreparedCall, attempt: number): Promise<Record<string, string>> {
  const shown = redactHeaders(call.headers, call.token);
  const request: HookRequest = { operation: call.operation, method: call.method, url: call.url, attempt, headers: { ...shown } };
  await ctx.hooks?.beforeRequest?.(request);
  const headers = { ...call.headers };
  for (const name in request.headers) {
    const lower = name.toLowerCase();
    if (lower !== "authorization" && request.headers[name] !== shown[name]) headers[lower] = String(request.headers[name]);
  }
  return headers;
}

/** Names a transport failure: the caller's abort, the deadline, an oversized body, or a connection problem. */
function toClientError(error: unknown, call: PreparedCall, cancellation: Cancellation): Error {
  if (cancellation.aborted) {
    return cancellation.reason === DEADLINE
      ? new RequestTimeoutError(call.label, call.timeoutMs)
      : new RequestAbortedError(call.label, cancellation.reason);
  }
  if (error instanceof BodyTooLargeError) {
    const reason = `body exceeds the ${error.limit}-byte limit (maxResponseBytes); reading stopped`;
    // An error status keeps its class (a huge HTML 502 is still a retryable SDKError).
    if (error.status < 200 || error.status >= 300) return errorFromResponse(error.status, "", error.headers, call.label, call.token, reason);
    return new ResponseValidationError({
      reason,
      statusCode: error.status,
      body: "",
      headers: error.headers,
      request: call.label,
      cause: error,
    });
  }
  if (error instanceof HTTPClientError) return error;
  if (error instanceof TransportLoadError) return new TransportUnavailableError(error.message, call.label, error.cause);
  if (error instanceof BrowserFetchError) {
    const reason =
      `the browser refused the request or could not reach ${new URL(error.url).origin} (${error.message}): ` +
      "CORS (the Dub API sends no CORS headers: call it from your server), a Content-Security-Policy, an extension or the network; not retried";
    return new ConnectionError(redactSecret(reason, call.token), call.label, { requestSent: true, errorCode: BROWSER_FETCH_FAILED, cause: error.cause });
  }
  const { errorCode, requestSent, detail } = describeNetworkError(error);
  return new ConnectionError(redactSecret(detail, call.token), call.label, { requestSent, errorCode, cause: error });
}

/** A 2XX body becomes typed data; anything else becomes the typed error for its status. */
function interpret<Output>(
  call: PreparedCall,
  responseSchema: z.ZodMiniType<Output>,
  response: TransportResponse,
  rateLimit: ReturnType<typeof parseRateLimit>,
): WithResponse<Output> {
  const { status, headers } = response;
  if (status < 200 || status >= 300) {
    throw errorFromResponse(status, utf8Lenient.decode(response.body), headers, call.label, call.token, undefined, rateLimit);
  }
  const fail = (reason: string, body: string, cause?: unknown, issues?: ReturnType<typeof toValidationIssues>) =>
    new ResponseValidationError({ reason, statusCode: status, body: redactSecret(body, call.token), headers, issues, request: call.label, cause });
  let text: string;
  try {
    text = utf8.decode(response.body);
  } catch (error) {
    throw fail("body is not valid UTF-8", utf8Lenient.decode(response.body), error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fail(`body is not JSON (${headers["content-type"] ?? "no content type"}, ${text.length} chars)`, text, error);
  }
  if (!conforms(responseSchema, json)) {
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) throw fail("body does not match the documented schema", text, parsed.error, toValidationIssues(parsed.error.issues));
  }
  return { data: json as Output, response: { status, headers, rateLimit, request: call.label, url: call.url } };
}

/** Reads the rate-limit headers, when there are any, and keeps them as the client's latest figures. */
function observeRateLimit(ctx: ClientContext, status: number, headers: Record<string, string>) {
  const rateLimit = parseRateLimit(headers, status);
  if (rateLimit) ctx.observed.rateLimit = rateLimit;
  return rateLimit;
}
