import type * as z from "zod/mini";
import type { APIPromise } from "./api-promise.js";
import type { BulkOptions, BulkResult } from "./bulk.js";
import type { RequestOptions } from "./options.js";
import type { PagePromise, Paging } from "./pagination.js";
import type { RepeatRule } from "./repeat-outcome.js";

/** An HTTP method the API uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Where an operation's argument goes on the wire:
 * - `"body"`: the argument is the JSON body (`partners.create(body)`);
 * - `"query"`: the argument is the query string (`partners.list(query)`);
 * - `"parameters"`: the official SDK's shape for an operation with path parameters: each path
 *   parameter by its name, the JSON body as `requestBody`, every other field in the query string
 *   (`customers.update({ id, includeExpandedFields, requestBody })`);
 * - `"path"`: the argument is the value of the path's one parameter (`customers.delete(id)`).
 */
export type ArgumentPlacement = "body" | "query" | "parameters" | "path";

/**
 * A type computed from the argument's type, for operations whose result's type follows the
 * argument (`partners.analytics` by `groupBy`): `output` reads `this["argument"]`.
 */
export interface OutputOfArgument {
  readonly argument: unknown;
  readonly output: unknown;
}

/** `Fn`'s output for the argument type `A`. */
export type ApplyOutput<Fn extends OutputOfArgument, A> = (Fn & { readonly argument: A })["output"];

/**
 * One API operation as data: everything the pipeline needs to call it, and everything the
 * client's method, the standalone function, the fake's route table, the contract tests and the
 * reference docs derive from. The operation's file exports it as `{ methodName: declaration }`
 * (see `src/operations/`); the file's folder names the namespace.
 *
 * `Input` is the argument as the caller writes it, `Validated` what the request schema makes of it,
 * `Wire` what goes on the wire, `Output` what the call resolves with.
 */
export interface OperationDeclaration<Input = any, Output = any, Validated = any, Wire = Validated> {
  readonly kind: "operation";
  /** The operationId of the OpenAPI document (`createPartnerLink`). */
  readonly operationId: string;
  /** `METHOD /path`, path parameters in braces (`PATCH /customers/{id}`). */
  readonly http: `${HttpMethod} /${string}`;
  /** Where the argument goes; see {@link ArgumentPlacement}. */
  readonly argument: ArgumentPlacement;
  /** Validates the argument, with every constraint the API documents. */
  readonly request: z.ZodMiniType<Validated, Input>;
  /**
   * Turns the validated argument into what goes on the wire: drops fields accepted but ignored,
   * fills defaults the response depends on. Default: the validated argument as it is.
   */
  readonly toWire?: (validated: Validated) => Wire;
  /**
   * Validates and types a 2XX body; a function when the shape depends on the request or on the
   * body itself (analytics answers one of three shapes), called with the wire argument and the
   * parsed body.
   */
  readonly response: z.ZodMiniType<Output> | ((wire: Wire, body: unknown) => z.ZodMiniType<Output>);
  /**
   * Whether repeating the call cannot duplicate anything (upserts, reads), or a function deciding
   * it from the wire argument: `true` when a repeat is safe, else why it is not and how to make it
   * safe (`"a sale without invoiceId is recorded again by every repeat: pass invoiceId"`), which
   * the error of a failure that is not retried then says. Operations that are not idempotent are
   * not retried after failures where the server may have acted, unless the caller opts in
   * (`retryNonIdempotent`).
   */
  readonly idempotent: boolean | ((wire: Wire) => true | string);
  /** What a repeat meets when an earlier attempt took effect but its answer was lost; see {@link RepeatRule}. */
  readonly repeat?: RepeatRule<Wire, Output>;
  /** `false` for the one operation the API serves without a key (`track.open`). Default `true`. */
  readonly authenticated?: boolean;
  /** For list operations: how the endpoint pages. The method then returns a `PagePromise`. */
  readonly paging?: Paging;
  /**
   * @internal The argument and result types, for the method types to read without inferring
   * them back out of the zod schemas (which is slow and, for some schemas, too deep); types only.
   */
  readonly types?: { readonly input: Input; readonly output: Output; readonly wire: Wire };
}

/** The bulk form of an operation: many arguments, bounded concurrency, one result per item. */
export interface BulkDeclaration<Input = any, Output = any> {
  readonly kind: "bulk";
  /** The method name of the operation run for every item, in the same namespace (`create`). */
  readonly method: string;
  /** The operation run for every item. */
  readonly operation: OperationDeclaration<Input, Output>;
  /**
   * Every item must be safe to repeat (its operation's `idempotent` is `true` for it): an item
   * that is not fails with `SDKValidationError`, saying why, before anything is sent, unless the
   * batch's `retries` set `retryNonIdempotent`. For batches of money (`track.bulkSale`), where
   * the retries a large batch needs must never count an item twice.
   */
  readonly repeatableItemsOnly?: boolean;
  /** @internal As {@link OperationDeclaration.types}. */
  readonly types?: { readonly input: Input; readonly output: Output };
}

/** What an operation's file declares: an operation or the bulk form of one. */
export type Declaration = OperationDeclaration | BulkDeclaration;

/** Declares an operation (keeps the types, the operationId as a literal, and whether it pages). */
/* @__NO_SIDE_EFFECTS__ */
export function defineOperation<const Id extends string, Input, Output, Validated = Input, Wire = Validated, P extends Paging | undefined = undefined>(
  declaration: Omit<OperationDeclaration<Input, Output, Validated, Wire>, "kind" | "operationId" | "paging" | "types"> & {
    readonly operationId: Id;
    readonly paging?: P;
  },
): OperationDeclaration<Input, Output, Validated, Wire> & { readonly operationId: Id } & (P extends Paging ? { readonly paging: P } : unknown) {
  return { kind: "operation", ...declaration } as never;
}

/** Declares an operation whose result's type follows the argument's type (see {@link OutputOfArgument}). */
/* @__NO_SIDE_EFFECTS__ */
export function withOutputOfArgument<Fn extends OutputOfArgument>() {
  return <D extends OperationDeclaration>(declaration: D): D & { readonly outputOfArgument: Fn } => declaration as D & { readonly outputOfArgument: Fn };
}

/**
 * Declares the bulk form of an operation of the same namespace, given as its file exports it
 * (`{ create: declaration }`); `repeatableItemsOnly` as {@link BulkDeclaration.repeatableItemsOnly}.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineBulk<Input, Output>(
  operationFile: Readonly<Record<string, OperationDeclaration<Input, Output>>>,
  options?: { readonly repeatableItemsOnly?: boolean },
): BulkDeclaration<Input, Output> {
  const [method, operation] = Object.entries(operationFile)[0]!;
  return { kind: "bulk", method, operation, ...(options?.repeatableItemsOnly && { repeatableItemsOnly: true }) };
}

/** Every declaration of a registry (`{ namespace: { method: declaration } }`). */
type DeclarationsOf<Registry> = { [N in keyof Registry]: Registry[N][keyof Registry[N]] }[keyof Registry];

/** The operationIds of a registry's operations. */
export type OperationIdsOf<Registry> = Extract<DeclarationsOf<Registry>, { readonly kind: "operation" }> extends infer D ? (D extends { readonly operationId: infer Id } ? Id : never) : never;

/** The declaration of a registry with this operationId. */
export type DeclarationOf<Registry, Id> = Extract<DeclarationsOf<Registry>, { readonly kind: "operation"; readonly operationId: Id }>;

/** What goes on the wire for a declaration: its argument once validated and turned into its wire form. */
export type WireOf<D> = D extends { readonly types?: { readonly wire: infer Wire } } ? Wire : never;

/** The argument an operation's method takes. */
export type ArgumentOf<D> = D extends { readonly types?: { readonly input: infer Input } } ? Input : never;

/** The item type of a list operation's pages. */
type ItemOf<Output> = Output extends readonly (infer Item)[] ? Item : never;

/** Whether the argument may be left out: nothing in it is required. */
type IsOptional<Input> = [Input] extends [undefined] ? true : {} extends Input ? true : false;

/**
 * The call signature of a declaration, after the `Leading` parameters (none for a client method,
 * the client for a standalone function): `(argument, options?) => APIPromise<Output>`, a
 * `PagePromise` for list operations, the argument optional when nothing in it is required.
 * Labeled tuple elements keep the parameter names in editors.
 */
type CallOf<D, Leading extends unknown[]> =
  D extends { readonly kind: "bulk"; readonly types?: { readonly input: infer Input; readonly output: infer Output } }
    ? (...args: [...Leading, items: readonly Input[], options?: BulkOptions]) => Promise<BulkResult<Output>[]>
    : D extends { readonly kind: "operation"; readonly types?: { readonly input: infer Input; readonly output: infer Output } }
      ? D extends { readonly outputOfArgument: infer Fn extends OutputOfArgument }
        ? <A extends Input>(...args: [...Leading, argument: A, options?: RequestOptions]) => APIPromise<ApplyOutput<Fn, A>>
        : D extends { readonly paging: Paging }
          ? IsOptional<Input> extends true
            ? (...args: [...Leading, query?: Input, options?: RequestOptions]) => PagePromise<ItemOf<Output>>
            : (...args: [...Leading, query: Input, options?: RequestOptions]) => PagePromise<ItemOf<Output>>
          : IsOptional<Input> extends true
            ? (...args: [...Leading, argument?: Input, options?: RequestOptions]) => APIPromise<Output>
            : (...args: [...Leading, argument: Input, options?: RequestOptions]) => APIPromise<Output>
      : never;

/** The client method of a declaration (`dub.partners.createLink`). */
export type MethodOf<D> = CallOf<D, []>;

/** The standalone function of a declaration (`partnersCreateLink(client, ...)`). */
export type FunctionOf<D, Client> = CallOf<D, [client: Client]>;


/** The HTTP method and path template of a declaration. */
export function httpOf(declaration: Pick<OperationDeclaration, "http">): { method: HttpMethod; path: string } {
  const space = declaration.http.indexOf(" ");
  return { method: declaration.http.slice(0, space) as HttpMethod, path: declaration.http.slice(space + 1) };
}
