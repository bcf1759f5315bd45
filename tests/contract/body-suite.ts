/**
 * The request-body contract of an operation, run the same way for each: valid inputs go out as
 * given and validate against the spec's request schema, open and closed (nothing undocumented),
 * but for the newer fields of `dub` 0.73.5, which the spec does not have yet; invalid inputs are
 * refused before anything is sent, with the path of the problem.
 */
import { describe, expect, it } from "vitest";
import { type Dub, SDKValidationError } from "../../src/index.js";
import { type AnyOperationId, expectInvalid, expectValid, requestValidator, SERVER_URL, specOperation, stubClient } from "./spec.js";

export interface BodyOperation<Input> {
  readonly sdkName: string;
  readonly operationId: AnyOperationId;
  /** The status of the spec's success response, and a spec-valid body of it. */
  readonly status: number;
  readonly reply: () => unknown;
  readonly call: (dub: Dub, input: Input) => Promise<unknown>;
  /** The JSON body an input sends (default: the input itself). */
  readonly bodyOf?: (input: Input) => unknown;
  /** The path and query an input goes to (default: the spec's path). */
  readonly target?: (input: Input) => string;
}

export interface ValidCase<Input> {
  readonly name: string;
  readonly input: Input;
  /**
   * Fields (dotted paths) newer than the spec: sent as given, taken out before the body is
   * validated against the spec.
   */
  readonly newer?: readonly string[];
}

export interface InvalidCase {
  readonly name: string;
  readonly input: unknown;
  readonly path: readonly (string | number)[];
  /** Whether the spec's schema itself refuses the body (false: a rule the spec states in words, or the server's). */
  readonly specRejects: boolean;
  /** Fields newer than the spec (dotted paths), taken out before the spec judges the body. */
  readonly newer?: readonly string[];
}

/** A deep copy of `body` without the fields at `paths`. */
export function without(body: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const path of paths) {
    const parts = path.split(".");
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    if (node) delete node[parts.at(-1)!];
  }
  return copy;
}

export function bodySuite<Input>(op: BodyOperation<Input>, valid: readonly ValidCase<Input>[], invalid: readonly InvalidCase[]): void {
  const { path, method } = specOperation(op.operationId);
  const bodyOf = op.bodyOf ?? ((input: Input) => input);

  describe(`${op.sdkName} sends what it is given, as the spec describes it`, () => {
    it.each(valid.map((c) => [c.name, c] as const))("%s", async (_name, { input, newer = [] }) => {
      const { dub, fetch, sent } = stubClient({ status: op.status, body: op.reply() });
      const result = await op.call(dub, input);
      expect(fetch).toHaveBeenCalledTimes(1);
      const request = sent[0]!;
      expect(request.method).toBe(method);
      expect(request.url).toBe(SERVER_URL + (op.target ? op.target(input) : path));
      expect(request.headers["content-type"]).toBe("application/json");
      const body: unknown = JSON.parse(request.body!);
      expect(body).toStrictEqual(bodyOf(input) ?? {});
      expectValid(requestValidator(op.operationId), without(body, newer), `${op.sdkName} body`);
      expectValid(requestValidator(op.operationId, "closed"), without(body, newer), `${op.sdkName} body (no undocumented fields)`);
      if (newer.length) expectInvalid(requestValidator(op.operationId, "closed"), body, `${op.sdkName} body with its newer fields`);
      expect(result).toStrictEqual(op.reply());
    });
  });

  describe(`${op.sdkName} refuses what breaks a constraint, sending nothing`, () => {
    it.each(invalid.map((c) => [c.name, c] as const))("%s", async (_name, { input, path: issuePath, specRejects, newer = [] }) => {
      const body = without(op.bodyOf && typeof input === "object" && input !== null ? (op.bodyOf(input as Input) ?? {}) : input, newer);
      if (specRejects) expectInvalid(requestValidator(op.operationId, "closed"), body, `${op.sdkName} body`);
      else expectValid(requestValidator(op.operationId, "closed"), body, `${op.sdkName} body`);
      const { dub, fetch } = stubClient({ status: op.status, body: op.reply() });
      const error = await op.call(dub, input as Input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(issuePath);
      expect(fetch).not.toHaveBeenCalled();
    });

    it.each(["a string", 42, [], null, undefined].map((v) => [JSON.stringify(v) ?? "undefined", v] as const))("a body of %s", async (_name, value) => {
      const { dub, fetch } = stubClient({ status: op.status, body: op.reply() });
      const error = await op.call(dub, value as Input).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}
