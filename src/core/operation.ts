import type * as z from "zod/mini";

/**
 * One API operation as data: everything the pipeline needs to call it. Resource methods and
 * standalone functions hand one of these to the single request pipeline; adding an operation is
 * adding a declaration.
 */
export interface Operation<Input, Output> {
  /** The SDK's name of the operation, for messages (`partners.createLink`). */
  readonly name: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below the server URL (`/partners/links`). */
  readonly path: string;
  /** Validates the caller's input; its output is what goes on the wire. */
  readonly request: z.ZodMiniType<unknown, Input>;
  /** Where the validated input goes: the JSON body, or the query string. */
  readonly requestIn: "body" | "query";
  /**
   * Validates and types a 2XX body; a function when the shape depends on the request (analytics
   * answers a different shape per `groupBy`), called with the validated request.
   */
  // biome-ignore lint: the wire type of the request is the operation's own business
  readonly response: z.ZodMiniType<Output> | ((request: any) => z.ZodMiniType<Output>);
  /**
   * Whether repeating the call cannot duplicate anything (upserts, reads). Non-idempotent
   * operations are not retried after failures where the server may have acted.
   */
  readonly idempotent: boolean;
}

/** Declares an operation (identity at run time; keeps the input and output types). */
export function defineOperation<Input, Output>(operation: Operation<Input, Output>): Operation<Input, Output> {
  return operation;
}
