import { APIPromise, type WithResponse } from "./api-promise.js";
import { attemptOnce, type PreparedCall } from "./attempt.js";
import type { ClientContext } from "./client-config.js";
import { checkRequestOptions } from "./client-config.js";
import { debugLine } from "./callbacks.js";
import { adoptSignal } from "./caller-signal.js";
import { RequestAbortedError, SDKValidationError } from "./errors/client-errors.js";
import { type Operation, operationLabel } from "./operation.js";
import type { RequestOptions } from "./options.js";
import { fastSchema } from "./fast-schema.js";
import { encodeQuery } from "./query.js";
import { mergeRetryConfig, toRetryPlan } from "./retry/retry-config.js";
import { runWithRetries } from "./retry/run-with-retries.js";
import { checkRequestTarget } from "./request-target.js";
import { secretsOf } from "./secrets.js";
import { resolveToken } from "./token.js";
import { schemaIssues } from "./validation.js";

/**
 * The one request pipeline: validate the input, build the request, send it with per-attempt
 * deadlines and retries, and turn the response into typed data or a typed error. Every operation
 * of the SDK goes through here.
 */
export function callOperation<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output, any>,
  input: Input,
  options?: RequestOptions,
): APIPromise<Output> {
  return new APIPromise(executeOperation(ctx, operation, input, options));
}

/** {@link callOperation} without the promise wrapper: the data with its response. */
export async function executeOperation<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output, any>,
  input: Input,
  options?: RequestOptions,
): Promise<WithResponse<Output>> {
  const label = operationLabel(operation);
  checkRequestOptions(options);
  const parsed = fastSchema(operation.request).safeParse(input);
  if (!parsed.success) throw new SDKValidationError(`${operation.name} request`, schemaIssues(operation.request, input));
  const adopted = adoptSignal(options?.signal);
  try {
    return await send(ctx, operation, parsed.data, options, label, adopted.signal);
  } finally {
    adopted.release();
  }
}

/** The call once its input is valid: the key, the request, the attempts, the result. */
async function send<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output, any>,
  validated: unknown,
  options: RequestOptions | undefined,
  label: string,
  signal: AbortSignal | undefined,
): Promise<WithResponse<Output>> {
  if (signal?.aborted) throw new RequestAbortedError(label, signal.reason);
  const token = await resolveToken(ctx.getToken, label, options?.timeoutMs ?? ctx.timeoutMs, signal);

  const wire = operation.toWire ? operation.toWire(validated) : validated;
  const call = prepare(ctx, operation, wire, options, token, label, signal);
  checkRequestTarget(call.url, `${operation.name} request`);
  const responseSchema = typeof operation.response === "function" ? operation.response(wire) : operation.response;
  const plan = options?.retries ? toRetryPlan(mergeRetryConfig(ctx.retryConfig, options.retries)) : ctx.retryPlan;
  let result: WithResponse<unknown>;
  try {
    result = await runWithRetries(
      (attempt) => attemptOnce(ctx, call, responseSchema, attempt),
      plan,
      operation.idempotent,
      signal,
      ctx.logger &&
        ((notice) =>
          debugLine(
            ctx.logger,
            ctx.callbackFailures,
            `dub-partners retry ${label} in ${notice.waitMs} ms after attempt ${notice.attempt}: ${call.secrets.redact(String((notice.error as Error).message))}`,
          )),
    );
  } catch (error) {
    // The retry loop rejects with the signal's own reason when the caller aborts between attempts.
    // Anything else is the call's outcome, even when the signal fired just after it arrived: a
    // NotFound stays a NotFound.
    if (signal?.aborted && error === signal.reason) throw new RequestAbortedError(label, signal.reason);
    throw error;
  }
  return operation.toResult ? { data: operation.toResult(result.data, wire), response: result.response } : (result as WithResponse<Output>);
}

function prepare<Input, Output>(
  ctx: ClientContext,
  operation: Operation<Input, Output, any>,
  wire: unknown,
  options: RequestOptions | undefined,
  token: string,
  label: string,
  signal: AbortSignal | undefined,
): PreparedCall {
  const inBody = operation.requestIn === "body";
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    accept: "application/json",
  };
  if (inBody) headers["content-type"] = "application/json";
  if (options?.headers) for (const name in options.headers) headers[name.toLowerCase()] = String(options.headers[name]);
  return {
    operation: operation.name,
    method: operation.method,
    label,
    url: ctx.serverURL + operation.path + (inBody ? "" : encodeQuery(wire as Record<string, unknown>)),
    headers,
    body: inBody ? JSON.stringify(wire) : undefined,
    timeoutMs: options?.timeoutMs ?? ctx.timeoutMs,
    signal,
    secrets: secretsOf(token, headers),
  };
}
