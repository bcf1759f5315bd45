import type * as z from "zod/mini";

/**
 * One API operation as data: everything the pipeline needs to call it. Resource methods and
 * standalone functions hand one of these to the single request pipeline; adding an operation is
 * adding a declaration.
 */
export interface Operation<Input, Output, Body = Output> {
  /** The SDK's name of the operation, for messages (`partners.createLink`). */
  readonly name: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below the server URL (`/partners/links`). */
  readonly path: string;
  /** Validates the caller's input. */
  readonly request: z.ZodMiniType<unknown, Input>;
  /**
   * Turns the validated input into what goes on the wire: drops fields accepted but ignored,
   * fills defaults the response depends on. Default: the validated input as it is.
   */
  // biome-ignore lint: the validated input's type is the operation's own business
  readonly toWire?: (validated: any) => unknown;
  /** Where the validated input goes: the JSON body, or the query string. */
  readonly requestIn: "body" | "query";
  /**
   * Validates and types a 2XX body; a function when the shape depends on the request (analytics
   * answers a different shape per `groupBy`), called with the validated request.
   */
  // biome-ignore lint: the wire type of the request is the operation's own business
  readonly response: z.ZodMiniType<Body> | ((request: any) => z.ZodMiniType<Body>);
  /**
   * Turns the parsed 2XX body into the method's result, given the wire request (analytics wraps
   * the body with its `groupBy`). Default: the body itself.
   */
  // biome-ignore lint: as above
  readonly toResult?: (body: Body, request: any) => Output;
  /**
   * Whether repeating the call cannot duplicate anything (upserts, reads). Non-idempotent
   * operations are not retried after failures where the server may have acted.
   */
  readonly idempotent: boolean;
}

/** `METHOD /path` of an operation, as messages and debug lines name a request. */
export function operationLabel(operation: Pick<Operation<unknown, unknown>, "method" | "path">): string {
  return `${operation.method} ${operation.path}`;
}

/** Declares an operation (identity at run time; keeps the input and output types). */
export function defineOperation<Input, Body, Output = Body>(operation: Operation<Input, Output, Body>): Operation<Input, Output, Body> {
  return operation;
}
