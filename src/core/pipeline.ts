import { APIPromise, type WithResponse } from "./api-promise.js";
import { attemptOnce, type PreparedCall } from "./attempt.js";
import type { ClientContext } from "./client-config.js";
import { checkRequestOptions } from "./client-config.js";
import { RequestAbortedError, SDKValidationError } from "./errors/client-errors.js";
import { redactSecret } from "./errors/from-response.js";
import { type Operation, operationLabel } from "./operation.js";
import type { RequestOptions } from "./options.js";
import { fastSchema } from "./fast-schema.js";
import { encodeQuery } from "./query.js";
import { mergeRetryConfig, toRetryPlan } from "./retry/retry-config.js";
import { runWithRetries } from "./retry/run-with-retries.js";
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
  const pending = ctx.getToken();
  const token = typeof pending === "string" ? pending : await pending;
  const signal = options?.signal;
  if (signal?.aborted) throw new RequestAbortedError(label, signal.reason);

  const wire = operation.toWire ? operation.toWire(parsed.data) : parsed.data;
  const call = prepare(ctx, operation, wire, options, token, label);
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
          ctx.logger?.debug(
            `dub-partners retry ${label} in ${notice.waitMs} ms after attempt ${notice.attempt}: ${redactSecret(String((notice.error as Error).message), token)}`,
          )),
    );
  } catch (error) {
    // p-retry rethrows the signal's reason when the caller aborts during a backoff wait.
    if (signal?.aborted && !(error instanceof RequestAbortedError)) throw new RequestAbortedError(label, signal.reason);
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
    signal: options?.signal,
    token,
  };
}
