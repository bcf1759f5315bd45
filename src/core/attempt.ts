import type * as z from "zod/mini";
import type { WithResponse } from "./api-promise.js";
import { armCancellation, DEADLINE } from "./call-deadline.js";
import { debugLine, runObserver, settleWithin } from "./callbacks.js";
import type { ClientContext } from "./client-config.js";
import {
  ConnectionError,
  HTTPClientError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKValidationError,
} from "./errors/client-errors.js";
import { errorFromResponse } from "./errors/from-response.js";
import { conforms } from "./fast-schema.js";
import { checkHeaders } from "./header-rules.js";
import type { HookRequest } from "./hooks.js";
import { describeNetworkError, isLocalRefusal } from "./network-errors.js";
import { parseRateLimit } from "./rate-limit.js";
import type { Secrets } from "./secrets.js";
import { TransportUnavailableError } from "./errors/transport-unavailable.js";
import type { Cancellation } from "./transport/cancellation.js";
import { BROWSER_FETCH_FAILED, BrowserFetchError, TransportLoadError } from "./transport/transport-errors.js";
import { BodyTooLargeError, LocalRefusalError, type TransportResponse } from "./transport/types.js";
import { toValidationIssues } from "./validation.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** The schema of a 2XX body, or the function that picks it for the parsed body. */
export type ResponseSchema<Output> = z.ZodMiniType<Output> | ((body: unknown) => z.ZodMiniType<Output>);

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
  /** The caller's signal, adopted as a native one (see caller-signal.ts). */
  readonly signal: AbortSignal | undefined;
  /** Every key the call uses (the client's and any per-call credential header), for redaction. */
  readonly secrets: Secrets;
}

/**
 * One attempt under its own deadline, which covers the `beforeRequest` hook, connect, headers
 * and reading the whole body; the caller's signal aborts it too. Hooks and debug lines are
 * emitted here, once per attempt. The deadline is disarmed however the attempt ends.
 */
export async function attemptOnce<Output>(
  ctx: ClientContext,
  call: PreparedCall,
  responseSchema: ResponseSchema<Output>,
  attempt: number,
): Promise<WithResponse<Output>> {
  const { cancellation, disarm } = armCancellation(call.timeoutMs, call.signal);
  const startedAt = performance.now();
  let received: TransportResponse;
  try {
    const headers = ctx.hooks?.beforeRequest ? await beforeRequest(ctx, call, attempt, cancellation) : call.headers;
    debugLine(ctx.logger, ctx.callbackFailures, `dub-partners → ${call.label} attempt ${attempt}`, {
      url: call.url,
      headers: call.secrets.maskRequestHeaders(headers),
    });
    received = await ctx.transport.send({
      method: call.method,
      url: call.url,
      headers,
      body: call.body,
      cancellation,
      maxResponseBytes: ctx.maxResponseBytes,
    });
  } catch (error) {
    const failure = toClientError(error, call, cancellation);
    debugLine(ctx.logger, ctx.callbackFailures, `dub-partners ✗ ${call.label} after ${Math.round(performance.now() - startedAt)} ms: ${failure.message}`);
    reportError(ctx, call, attempt, failure);
    throw failure;
  } finally {
    disarm();
  }
  // A server or proxy that echoes the request must not hand the key to hooks, errors or results.
  const response: TransportResponse = { ...received, headers: call.secrets.redactValues(received.headers) };
  const durationMs = performance.now() - startedAt;
  debugLine(ctx.logger, ctx.callbackFailures, `dub-partners ← ${response.status} ${call.label} in ${Math.round(durationMs)} ms`);
  const rateLimit = observeRateLimit(ctx, response.status, response.headers);
  const afterResponse = ctx.hooks?.afterResponse;
  if (afterResponse) {
    const { status, headers } = response;
    const event = { operation: call.operation, method: call.method, url: call.url, attempt, status, headers, durationMs, rateLimit };
    runObserver(ctx.callbackFailures, "afterResponse hook", () => afterResponse(event), call.secrets);
  }
  try {
    return interpret(call, responseSchema, response, rateLimit);
  } catch (error) {
    reportError(ctx, call, attempt, error as Error);
    throw error;
  }
}

/** Tells the `onError` hook, when there is one, that the attempt failed with `error`. */
function reportError(ctx: ClientContext, call: PreparedCall, attempt: number, error: Error): void {
  const onError = ctx.hooks?.onError;
  if (!onError) return;
  const event = { operation: call.operation, method: call.method, url: call.url, attempt, error };
  runObserver(ctx.callbackFailures, "onError hook", () => onError(event), call.secrets);
}

/**
 * Runs the `beforeRequest` hook on a copy of the headers with the keys masked, then sends what it
 * set or changed, except `authorization`: the hook never sees a key and cannot lose it. The hook
 * is raced against the attempt's deadline and the caller's signal; what it throws fails the call
 * as it is (a hook may refuse a request on purpose), and headers it set are checked like the
 * caller's own.
 */
async function beforeRequest(ctx: ClientContext, call: PreparedCall, attempt: number, cancellation: Cancellation): Promise<Record<string, string>> {
  const shown = call.secrets.maskRequestHeaders(call.headers);
  const request: HookRequest = { operation: call.operation, method: call.method, url: call.url, attempt, headers: { ...shown } };
  try {
    await settleWithin(ctx.hooks?.beforeRequest?.(request), cancellation);
  } catch (error) {
    if (cancellation.aborted && error === cancellation.reason) throw error;
    throw new HookFailure(error);
  }
  const changed: Record<string, string> = {};
  for (const name in request.headers) {
    if (name.toLowerCase() !== "authorization" && request.headers[name] !== shown[name]) changed[name] = String(request.headers[name]);
  }
  checkHeaders(changed, `${call.operation} request: headers set by the beforeRequest hook`, ["headers"]);
  const headers = { ...call.headers };
  for (const name in changed) headers[name.toLowerCase()] = changed[name]!;
  return headers;
}

/** Carries what the `beforeRequest` hook threw through the attempt's error mapping, untouched. */
class HookFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Names a failure of the attempt: the caller's abort, the deadline, an oversized body, a local
 * refusal by the HTTP client (the caller's error: nothing was sent, a retry would fail alike),
 * or a connection problem. What it keeps has every secret of the call removed.
 */
function toClientError(error: unknown, call: PreparedCall, cancellation: Cancellation): Error {
  if (error instanceof HookFailure) return error.error as Error;
  if (error instanceof SDKValidationError) return error;
  if (cancellation.aborted) {
    return cancellation.reason === DEADLINE
      ? new RequestTimeoutError(call.label, call.timeoutMs)
      : new RequestAbortedError(call.label, cancellation.reason);
  }
  const secrets = call.secrets;
  if (error instanceof BodyTooLargeError) {
    const reason = `body exceeds the ${error.limit}-byte limit (maxResponseBytes); reading stopped`;
    const headers = secrets.redactValues(error.headers);
    // An error status keeps its class (a huge HTML 502 is still a retryable SDKError).
    if (error.status < 200 || error.status >= 300) return errorFromResponse(error.status, "", headers, call.label, secrets, reason);
    return new ResponseValidationError({ reason, statusCode: error.status, body: "", headers, request: call.label, cause: error });
  }
  if (error instanceof HTTPClientError) return error;
  if (error instanceof TransportLoadError) return new TransportUnavailableError(error.message, call.label, error.cause);
  if (error instanceof BrowserFetchError) {
    const reason =
      `the browser refused the request or could not reach ${new URL(error.url).origin} (${error.message}): ` +
      "CORS (the Dub API sends no CORS headers: call it from your server), a Content-Security-Policy, an extension or the network; not retried";
    return new ConnectionError(secrets.redact(reason), call.label, { requestSent: true, errorCode: BROWSER_FETCH_FAILED, cause: secrets.scrub(error.cause) });
  }
  if (error instanceof LocalRefusalError || isLocalRefusal(error)) {
    const original = error instanceof LocalRefusalError ? error.original : error;
    return new SDKValidationError(
      `${call.operation} request`,
      [{ path: [], code: "refused_by_http_client", message: `the HTTP client refused to send it: ${secrets.redact(describeNetworkError(original).detail)}` }],
      { cause: secrets.scrub(original) },
    );
  }
  const { errorCode, requestSent, detail } = describeNetworkError(error);
  return new ConnectionError(secrets.redact(detail), call.label, { requestSent, errorCode, cause: secrets.scrub(error) });
}

/** A `SyntaxError` for a body that is not JSON, whose message quotes the redacted text only (V8 quotes the start of the input). */
function syntaxErrorOf(redactedText: string): SyntaxError {
  try {
    JSON.parse(redactedText);
  } catch (error) {
    if (error instanceof SyntaxError) return error;
  }
  return new SyntaxError("the body is not valid JSON");
}

/** A 2XX body becomes typed data; anything else becomes the typed error for its status. */
function interpret<Output>(
  call: PreparedCall,
  responseSchema: ResponseSchema<Output>,
  response: TransportResponse,
  rateLimit: ReturnType<typeof parseRateLimit>,
): WithResponse<Output> {
  const { status, headers } = response;
  const secrets = call.secrets;
  if (status < 200 || status >= 300) {
    throw errorFromResponse(status, utf8Lenient.decode(response.body), headers, call.label, secrets, undefined, rateLimit);
  }
  const fail = (reason: string, body: string, cause?: unknown, issues?: ReturnType<typeof toValidationIssues>) =>
    new ResponseValidationError({ reason, statusCode: status, body, headers, issues, request: call.label, cause: secrets.scrub(cause) });
  let text: string;
  try {
    text = utf8.decode(response.body);
  } catch (error) {
    throw fail("body is not valid UTF-8", secrets.redact(utf8Lenient.decode(response.body)), error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const redacted = secrets.redact(text);
    throw fail(`body is not JSON (${headers["content-type"] ?? "no content type"}, ${text.length} chars)`, redacted, syntaxErrorOf(redacted));
  }
  const schema = typeof responseSchema === "function" ? responseSchema(json) : responseSchema;
  if (!conforms(schema, json)) {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw fail("body does not match the documented schema", secrets.redact(text), parsed.error, toValidationIssues(parsed.error.issues));
  }
  return { data: json as Output, response: { status, headers, rateLimit, request: call.label, url: call.url } };
}

/** Reads the rate-limit headers, when there are any, and keeps them as the client's latest figures. */
function observeRateLimit(ctx: ClientContext, status: number, headers: Record<string, string>) {
  const rateLimit = parseRateLimit(headers, status);
  if (rateLimit) ctx.observed.rateLimit = rateLimit;
  return rateLimit;
}
