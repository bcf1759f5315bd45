import type { ClientContext } from "./client-config.js";
import { checkRequestOptions } from "./client-config.js";
import {
  ConnectionError,
  HTTPClientError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKValidationError,
} from "./errors/client-errors.js";
import { errorFromResponse, redactSecret } from "./errors/from-response.js";
import { describeNetworkError } from "./network-errors.js";
import type { Operation } from "./operation.js";
import type { RequestOptions } from "./options.js";
import { encodeQuery } from "./query.js";
import { redactHeaders } from "./redact.js";
import { mergeRetryConfig, toRetryPlan } from "./retry/retry-config.js";
import { runWithRetries } from "./retry/run-with-retries.js";
import { BodyTooLargeError, type TransportResponse } from "./transport/types.js";
import { toValidationIssues } from "./validation.js";

/** Marks an attempt aborted by its own deadline, as opposed to the caller's signal. */
const DEADLINE = Symbol("deadline");

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/** Everything fixed for the attempts of one call. */
interface PreparedCall {
  readonly label: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly token: string;
}

/**
 * The one request pipeline: validate the input, build the request, send it with per-attempt
 * deadlines and retries, and turn the response into typed data or a typed error. Every operation
 * of the SDK goes through here.
 */
export async function callOperation<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output>,
  input: Input,
  options?: RequestOptions,
): Promise<Output> {
  const label = `${operation.method} ${operation.path}`;
  checkRequestOptions(options);
  const parsed = operation.request.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new SDKValidationError(`${operation.name} request`, toValidationIssues(parsed.error.issues));
  const pending = ctx.getToken();
  const token = typeof pending === "string" ? pending : await pending;
  const signal = options?.signal;
  if (signal?.aborted) throw new RequestAbortedError(label, signal.reason);

  const call = prepare(ctx, operation, parsed.data, options, token, label);
  const plan = options?.retries ? toRetryPlan(mergeRetryConfig(ctx.retryConfig, options.retries)) : ctx.retryPlan;
  try {
    return await runWithRetries(
      (attempt) => attemptOnce(ctx, operation, call, attempt),
      plan,
      operation.idempotent,
      signal,
      ctx.logger &&
        ((notice) =>
          ctx.logger?.debug(
            `dub-partners retry ${label} in ${notice.waitMs} ms after attempt ${notice.attempt}: ${redactSecret(String((notice.error as Error).message), token)}`,
          )),
    );
  } catch (error) {
    // p-retry rethrows the signal's reason when the caller aborts during a backoff wait.
    if (signal?.aborted && !(error instanceof RequestAbortedError)) throw new RequestAbortedError(label, signal.reason);
    throw error;
  }
}

function prepare<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output>,
  wire: unknown,
  options: RequestOptions | undefined,
  token: string,
  label: string,
): PreparedCall {
  const inBody = operation.requestIn === "body";
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: "application/json",
  };
  if (inBody) headers["content-type"] = "application/json";
  if (options?.headers) for (const name in options.headers) headers[name.toLowerCase()] = String(options.headers[name]);
  return {
    label,
    url: ctx.serverURL + operation.path + (inBody ? "" : encodeQuery(wire as Record<string, unknown>)),
    headers,
    body: inBody ? JSON.stringify(wire) : undefined,
    timeoutMs: options?.timeoutMs ?? ctx.timeoutMs,
    signal: options?.signal,
    token,
  };
}

/** One attempt under its own deadline, which also covers reading the body. */
async function attemptOnce<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output>,
  call: PreparedCall,
  attempt: number,
): Promise<Output> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(DEADLINE), call.timeoutMs);
  const onCallerAbort = () => controller.abort(call.signal?.reason);
  call.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const startedAt = performance.now();
  ctx.logger?.debug(`dub-partners → ${call.label} attempt ${attempt}`, {
    url: call.url,
    headers: redactHeaders(call.headers, call.token),
  });
  let response: TransportResponse;
  try {
    response = await ctx.transport.send({
      method: operation.method,
      url: call.url,
      headers: call.headers,
      body: call.body,
      signal: controller.signal,
      maxResponseBytes: ctx.maxResponseBytes,
    });
  } catch (error) {
    const failure = toClientError(error, call, controller.signal);
    ctx.logger?.debug(`dub-partners ✗ ${call.label} after ${Math.round(performance.now() - startedAt)} ms: ${failure.message}`);
    throw failure;
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener("abort", onCallerAbort);
  }
  ctx.logger?.debug(`dub-partners ← ${response.status} ${call.label} in ${Math.round(performance.now() - startedAt)} ms`);
  return interpret(operation, call, response);
}

/** Names a transport failure: the caller's abort, the deadline, an oversized body, or a connection problem. */
function toClientError(error: unknown, call: PreparedCall, attemptSignal: AbortSignal): Error {
  if (attemptSignal.aborted) {
    return attemptSignal.reason === DEADLINE
      ? new RequestTimeoutError(call.label, call.timeoutMs)
      : new RequestAbortedError(call.label, attemptSignal.reason);
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
  const { errorCode, requestSent, detail } = describeNetworkError(error);
  return new ConnectionError(redactSecret(detail, call.token), call.label, { requestSent, errorCode, cause: error });
}

/** A 2XX body becomes typed data; anything else becomes the typed error for its status. */
function interpret<Input, Output>(operation: Operation<Input, Output>, call: PreparedCall, response: TransportResponse): Output {
  const { status, headers } = response;
  if (status < 200 || status >= 300) {
    throw errorFromResponse(status, utf8Lenient.decode(response.body), headers, call.label, call.token);
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
  const parsed = operation.response.safeParse(json);
  if (!parsed.success) throw fail("body does not match the documented schema", text, parsed.error, toValidationIssues(parsed.error.issues));
  return parsed.data;
}
