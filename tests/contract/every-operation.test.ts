/**
 * Every operation the SDK declares, checked the same way against the vendored OpenAPI document:
 * its declared method and path are the spec's; the requests its valid cases make are what the
 * spec describes (method, path with its parameters, query parameters, JSON body, with nothing
 * undocumented); its invalid cases are refused before anything is sent; a spec-valid answer is
 * returned as sent. The cases come from `CONTRACT_CASES`, which must have one entry per
 * operationId.
 */
import { describe, expect, it } from "vitest";
import { SDKValidationError } from "../../src/index.js";
import { declared, OPERATION_IDS } from "../helpers/declarations.js";
import { CONTRACT_CASES } from "./cases.js";
import { expectValid, queryOf, queryValidator, requestValidator, responseValidator, SERVER_URL, specOperation, stubClient } from "./spec.js";

/** The spec's path template as a pattern of a concrete path. */
const pathPattern = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/?]+")}$`);

describe.each(OPERATION_IDS)("%s", (operationId) => {
  const bound = declared(operationId);
  const cases = CONTRACT_CASES[operationId];
  const { path, method, operation } = specOperation(operationId);
  const call = (dub: ReturnType<typeof stubClient>["dub"], argument: unknown) => {
    const namespace = (dub as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[bound.name.split(".")[0]!]!;
    return namespace[bound.name.split(".")[1]!]!(argument);
  };

  it("is declared with the spec's method and path", () => {
    expect(bound.method).toBe(method);
    expect(bound.path).toBe(path);
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
  });

  it("its reply is a spec-valid success body", () => {
    expectValid(responseValidator(operationId, String(cases.status)), cases.reply(), `${operationId} ${cases.status} reply`);
  });

  it.each(cases.valid)("sends $name as the spec describes it, and returns the answer as sent", async ({ argument }) => {
    const { dub, sent } = stubClient({ status: cases.status, body: cases.reply() });
    const result = await call(dub, argument);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.method).toBe(method);
    expect(request.url.startsWith(`${SERVER_URL}/`)).toBe(true);
    expect(request.url.slice(SERVER_URL.length).split("?")[0]).toMatch(pathPattern(path));
    expectValid(queryValidator(operationId), queryOf(request.url, operationId), `${operationId} query`);
    if (operation.requestBody) {
      expect(request.headers["content-type"]).toBe("application/json");
      const body: unknown = JSON.parse(request.body!);
      expectValid(requestValidator(operationId), body, `${operationId} body`);
      expectValid(requestValidator(operationId, "closed"), body, `${operationId} body (no undocumented fields)`);
    } else {
      expect(request.body).toBeUndefined();
    }
    expect(result).toStrictEqual(cases.reply());
  });

  it.each(cases.invalid)("refuses $name before sending", async ({ argument, path: issuePath }) => {
    const { dub, fetch } = stubClient({ status: cases.status, body: cases.reply() });
    const error = await call(dub, argument).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });
});
