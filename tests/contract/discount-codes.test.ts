/**
 * Contract of `discountCodes.list`, `discountCodes.create` and `discountCodes.delete`: each sends
 * the spec's operation (method, path, query or body) with values that validate against the spec
 * and nothing undocumented; what breaks a spec constraint is refused with its path before
 * anything is sent; every spec-valid answer parses unchanged, extra fields included.
 */
import { describe, expect, it } from "vitest";
import { type CreateDiscountCodeRequestBody, type ListDiscountCodesRequest, SDKValidationError } from "../../src/index.js";
import { discountCodeSchema } from "../../src/models/discount-code.js";
import { declared } from "../helpers/declarations.js";
import { responseSuite } from "./response-suite.js";
import {
  expectInvalid,
  expectValid,
  propertyNames,
  queryOf,
  queryParameters,
  queryValidator,
  requestSchema,
  requestValidator,
  responseSchema,
  sampleFromSchema,
  SERVER_URL,
  spec,
  specOperation,
  stubClient,
} from "./spec.js";

const discountCode = () => sampleFromSchema(spec.components.schemas.DiscountCodeSchema!);

async function refusal(call: Promise<unknown>): Promise<SDKValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SDKValidationError);
  return error as SDKValidationError;
}

describe("discountCodes.list → listDiscountCodes", () => {
  const { method, path } = specOperation("listDiscountCodes");
  const FULL: ListDiscountCodesRequest = { partnerId: "pn_1K2QY4ZKJ9D7S8T6V5W3X2Y1Z0", discountId: "disc_1K2QY5", page: 2, pageSize: 100 };

  it("is declared with the spec's method and path, its argument in the query", () => {
    expect(declared("listDiscountCodes")).toMatchObject({ method, path, declaration: { argument: "query", paging: "page", idempotent: true } });
    expect(Object.keys(FULL).sort()).toEqual(queryParameters("listDiscountCodes").map((p) => p.name).sort());
  });

  it.each<[string, ListDiscountCodesRequest | undefined]>([
    ["no query at all", undefined],
    ["every parameter", FULL],
    ["a partner ID that needs encoding", { partnerId: "pn 1/ä&x=y" }],
    ["pageSize 1", { pageSize: 1 }],
    ["the largest page the spec allows", { page: Number.MAX_SAFE_INTEGER }],
  ])("%s: sent as the spec describes, the first page named", async (_name, input) => {
    const reply = [discountCode()];
    const { dub, sent } = stubClient({ status: 200, body: reply });
    const result = await dub.discountCodes.list(input);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url.split("?")[0]).toBe(SERVER_URL + path);
    expect(sent[0]!.body).toBeUndefined();
    const query = queryOf(sent[0]!.url, "listDiscountCodes");
    expectValid(queryValidator("listDiscountCodes"), query);
    expect(query).toStrictEqual({ ...input, page: input?.page ?? 1 });
    expect(result).toStrictEqual(reply);
  });

  it.each<[string, unknown, (string | number)[], boolean]>([
    ["pageSize 101", { pageSize: 101 }, ["pageSize"], true],
    ["pageSize 0 (the server refuses what the spec's bare exclusiveMinimum does not bound)", { pageSize: 0 }, ["pageSize"], false],
    ["page 1.5", { page: 1.5 }, ["page"], true],
    ["partnerId as a number", { partnerId: 7 }, ["partnerId"], true],
    ["an undocumented parameter (status)", { status: "active" }, [], true],
  ])("refuses %s before sending", async (_name, input, issuePath, specRejects) => {
    if (specRejects) expectInvalid(queryValidator("listDiscountCodes"), input);
    const { dub, fetch } = stubClient({ status: 200, body: [] });
    const error = await refusal(dub.discountCodes.list(input as ListDiscountCodesRequest));
    expect(error.issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("discountCodes.create → createDiscountCode", () => {
  const { method, path } = specOperation("createDiscountCode");
  const FULL: CreateDiscountCodeRequestBody = { code: "KIM10OFF", partnerId: "pn_1K2QY4ZKJ9D7S8T6V5W3X2Y1Z0", linkId: "link_1K2QY6" };

  it("is declared with the spec's method and path; repeats are safe, their refusals read as AlreadyApplied", () => {
    expect(declared("createDiscountCode")).toMatchObject({ method, path, declaration: { argument: "body", idempotent: true, repeat: { alreadyApplied: { statuses: [400, 409], message: expect.any(RegExp) } } } });
    expect(Object.keys(FULL).sort()).toEqual(propertyNames(requestSchema("createDiscountCode")).all.sort());
  });

  it.each<[string, CreateDiscountCodeRequestBody]>([
    ["every field", FULL],
    ["no code (the server makes one)", { partnerId: "pn_1", linkId: "link_1" }],
    ["a code of one character", { ...FULL, code: "K" }],
    ["a code of 100 characters, every allowed character", { ...FULL, code: `${"aZ09-_".repeat(16)}abcd` }],
    ["lower case (the server or Stripe may upper-case it)", { ...FULL, code: "kim-summer_10" }],
  ])("%s: a spec-valid body, sent as given", async (_name, input) => {
    const { dub, sent } = stubClient({ status: 200, body: discountCode() });
    const result = await dub.discountCodes.create(input);
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url).toBe(SERVER_URL + path);
    expect(sent[0]!.headers["content-type"]).toBe("application/json");
    const body: unknown = JSON.parse(sent[0]!.body!);
    expectValid(requestValidator("createDiscountCode"), body);
    expectValid(requestValidator("createDiscountCode", "closed"), body);
    expect(body).toStrictEqual(input);
    expect(result).toStrictEqual(discountCode());
  });

  it.each<[string, unknown, (string | number)[]]>([
    ["no partnerId", { linkId: "link_1" }, ["partnerId"]],
    ["no linkId", { partnerId: "pn_1" }, ["linkId"]],
    ["a code of 101 characters", { ...FULL, code: "K".repeat(101) }, ["code"]],
    ["an empty code", { ...FULL, code: "" }, ["code"]],
    ["a code with a space", { ...FULL, code: "KIM 10" }, ["code"]],
    ["a code with a trailing space (the pattern refuses what the server would trim)", { ...FULL, code: "KIM10 " }, ["code"]],
    ["a code with a percent sign", { ...FULL, code: "10%OFF" }, ["code"]],
    ["a code with a non-ASCII letter", { ...FULL, code: "KÏM" }, ["code"]],
    ["code as a number", { ...FULL, code: 10 }, ["code"]],
    ["an undocumented field (discountId)", { ...FULL, discountId: "disc_1" }, []],
  ])("refuses %s before sending, as the spec does", async (_name, input, issuePath) => {
    expectInvalid(requestValidator("createDiscountCode", "closed"), input);
    const { dub, fetch } = stubClient({ status: 200, body: discountCode() });
    const error = await refusal(dub.discountCodes.create(input as CreateDiscountCodeRequestBody));
    expect(error.issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lists every problem of one body at once", async () => {
    const { dub, fetch } = stubClient({ status: 200, body: discountCode() });
    const error = await refusal(dub.discountCodes.create({ code: "no spaces allowed", linkId: 1 } as never));
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining([["code"], ["partnerId"], ["linkId"]]));
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("discountCodes.delete → deleteDiscountCode", () => {
  const { method, path } = specOperation("deleteDiscountCode");

  it("is declared with the spec's method and path, the bare ID or code as its argument", () => {
    expect(declared("deleteDiscountCode")).toMatchObject({ method, path, declaration: { argument: "path", idempotent: true } });
  });

  it.each([
    ["an ID", "dcode_1JVR7XRCSR0EDBAF39FZ4PMYE", "/discount-codes/dcode_1JVR7XRCSR0EDBAF39FZ4PMYE"],
    ["a code", "KIM10OFF", "/discount-codes/KIM10OFF"],
    ["a value that needs encoding, kept in one segment", "a/b?c#d", "/discount-codes/a%2Fb%3Fc%23d"],
  ])("%s: DELETE with no body, the answer returned", async (_name, idOrCode, sentPath) => {
    const reply = sampleFromSchema(responseSchema("deleteDiscountCode", "200"));
    const { dub, sent } = stubClient({ status: 200, body: reply });
    await expect(dub.discountCodes.delete(idOrCode)).resolves.toStrictEqual(reply);
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url).toBe(SERVER_URL + sentPath);
    expect(sent[0]!.body).toBeUndefined();
    expect(sent[0]!.headers["content-type"]).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ["an empty string (it would name DELETE /discount-codes/)", ""],
    ['".." (a dot-segment a proxy could resolve to another resource)', ".."],
    ["a number", 42],
    ["an object in the official SDK's request shape", { idOrCode: "KIM10OFF" }],
  ])("refuses %s before sending", async (_name, idOrCode) => {
    const { dub, fetch } = stubClient({ status: 200, body: { id: "dcode_1" } });
    await refusal(dub.discountCodes.delete(idOrCode as string));
    expect(fetch).not.toHaveBeenCalled();
  });
});

responseSuite([
  { name: "discountCodes.list", operationId: "listDiscountCodes", status: 200, model: declared("listDiscountCodes").declaration.response, call: (dub) => dub.discountCodes.list() },
  { name: "discountCodes.create", operationId: "createDiscountCode", status: 200, model: discountCodeSchema, call: (dub) => dub.discountCodes.create({ partnerId: "pn_1", linkId: "link_1" }) },
  { name: "discountCodes.delete", operationId: "deleteDiscountCode", status: 200, model: declared("deleteDiscountCode").declaration.response, call: (dub) => dub.discountCodes.delete("KIM10OFF") },
]);
