import { APIPromise, type WithResponse } from "./api-promise.js";
import { attemptOnce, type PreparedCall } from "./attempt.js";
import type { ClientContext } from "./client-config.js";
import { checkRequestOptions } from "./client-config.js";
import { debugLine } from "./callbacks.js";
import { adoptSignal } from "./caller-signal.js";
import { RequestAbortedError, SDKValidationError } from "./errors/client-errors.js";
import type { BoundOperation } from "./bound-operation.js";
import type { RequestOptions } from "./options.js";
import { fastSchema } from "./fast-schema.js";
import { checkRequestTarget, type RequestTarget, requestTarget } from "./request-target.js";
import { mergeRetryConfig, toRetryPlan } from "./retry/retry-config.js";
import { runWithRetries } from "./retry/run-with-retries.js";
import { secretsOf } from "./secrets.js";
import { resolveToken } from "./token.js";
import { mayHaveActed, type RepeatRule, watchRepeats } from "./repeat-outcome.js";
import { withNote } from "./errors/with-note.js";
import { schemaIssues } from "./validation.js";

/**
 * The one request pipeline: validate the input, build the request, send it with per-attempt
 * deadlines and retries, and turn the response into typed data or a typed error. Every operation
 * of the SDK goes through here.
 */
export function callOperation<Output>(ctx: ClientContext, operation: BoundOperation, argument: unknown, options?: RequestOptions, policy?: CallPolicy): APIPromise<Output> {
  return new APIPromise(executeOperation(ctx, operation, argument, options, policy));
}

/** What a caller inside the SDK asks of a call beyond its options (the bulk runner's items). */
export interface CallPolicy {
  /** Refuse, before sending, an argument the declaration says is not safe to repeat (`BulkDeclaration.repeatableItemsOnly`). */
  readonly repeatableOnly: boolean;
  /** The method the refusal names (`track.bulkSale`). */
  readonly bulkMethod: string;
}

/** {@link callOperation} without the promise wrapper: the data with its response. */
export async function executeOperation<Output>(
  ctx: ClientContext,
  operation: BoundOperation,
  argument: unknown,
  options?: RequestOptions,
  policy?: CallPolicy,
): Promise<WithResponse<Output>> {
  const { declaration } = operation;
  checkRequestOptions(options);
  const parsed = fastSchema(declaration.request).safeParse(argument);
  if (!parsed.success) throw new SDKValidationError(`${operation.name} request`, schemaIssues(declaration.request, argument));
  const adopted = adoptSignal(options?.signal);
  try {
    return await send(ctx, operation, parsed.data, options, adopted.signal, policy);
  } finally {
    adopted.release();
  }
}

/** The call once its argument is valid: the key, the request, the attempts, the result. */
async function send<Output>(
  ctx: ClientContext,
  operation: BoundOperation,
  validated: unknown,
  options: RequestOptions | undefined,
  signal: AbortSignal | undefined,
  policy: CallPolicy | undefined,
): Promise<WithResponse<Output>> {
  const { declaration, label } = operation;
  const wire = declaration.toWire ? declaration.toWire(validated) : validated;
  const target = requestTarget(operation, wire);
  const safety = typeof declaration.idempotent === "function" ? declaration.idempotent(wire) : declaration.idempotent;
  const plan = options?.retries ? toRetryPlan(mergeRetryConfig(ctx.retryConfig, options.retries)) : ctx.retryPlan;
  if (policy?.repeatableOnly && safety !== true && !plan.retryNonIdempotent) {
    const why = typeof safety === "string" ? safety : "the operation is not safe to repeat";
    throw new SDKValidationError(`${operation.name} request`, [
      { path: [], code: "not_repeatable", message: `${policy.bulkMethod} retries every item until it is recorded, so each must be safe to repeat, and this one is not: ${why}` },
    ]);
  }
  if (signal?.aborted) throw new RequestAbortedError(label, signal.reason);
  // The one operation served without a key (`track.open`, from mobile apps) sends none.
  const token = declaration.authenticated === false ? undefined : await resolveToken(ctx.getToken, label, options?.timeoutMs ?? ctx.timeoutMs, signal);

  const call = prepare(ctx, operation, target, options, token, signal);
  checkRequestTarget(call.url, `${operation.name} request`);
  const { response } = declaration;
  const responseSchema = typeof response === "function" ? (body: unknown) => response(wire, body) : response;
  const once = (attempt: number) => attemptOnce<Output>(ctx, call, responseSchema, attempt);
  try {
    return await runWithRetries(
      declaration.repeat ? watchRepeats(once, declaration.repeat as RepeatRule<unknown, Output>, wire, label) : once,
      plan,
      safety === true,
      signal,
      ctx.logger &&
        ((notice) =>
          debugLine(
            ctx.logger,
            ctx.callbackFailures,
            `dub-partners retry ${label} in ${notice.waitMs} ms after attempt ${notice.attempt}: ${call.secrets.redact(String((notice.error as Error).message))}`,
          )),
    ) as WithResponse<Output>;
  } catch (error) {
    // The retry loop rejects with the signal's own reason when the caller aborts between attempts.
    // Anything else is the call's outcome, even when the signal fired just after it arrived: a
    // NotFound stays a NotFound.
    if (signal?.aborted && error === signal.reason) throw new RequestAbortedError(label, signal.reason);
    if (typeof safety === "string" && !plan.retryNonIdempotent && mayHaveActed(error)) throw withNote(error as Error, `not retried: ${safety}`);
    throw error;
  }
}

function prepare(
  ctx: ClientContext,
  operation: BoundOperation,
  target: RequestTarget,
  options: RequestOptions | undefined,
  token: string | undefined,
  signal: AbortSignal | undefined,
): PreparedCall {
  const headers: Record<string, string> = token === undefined ? { accept: "application/json" } : { authorization: `Bearer ${token}`, accept: "application/json" };
  if (target.body !== undefined) headers["content-type"] = "application/json";
  if (options?.headers) for (const name in options.headers) headers[name.toLowerCase()] = String(options.headers[name]);
  return {
    operation: operation.name,
    method: operation.method,
    label: operation.label,
    url: ctx.serverURL + target.pathAndQuery,
    headers,
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
    timeoutMs: options?.timeoutMs ?? ctx.timeoutMs,
    signal,
    secrets: secretsOf(token, headers),
  };
}
