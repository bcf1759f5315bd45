/**
 * Why the fake judges some request fields itself (`BEYOND_SPEC`): the compiled validators of the
 * vendored document remove every key a schema does not list, in every branch of a `oneOf` and in
 * free-form objects, so they empty a `metadata` object and strip a `POST /commissions` body of its
 * own variant's fields (accepting them unchecked). When these tests fail, the validators keep
 * those fields, and the fake's own checks of them can go.
 */
import { describe, expect, it } from "vitest";
import { BEYOND_SPEC } from "../../src/testing/fake/routes/index.js";
import * as validators from "../../src/testing/fake/spec/validators.js";

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const compiled = validators as unknown as Record<string, Validate>;

describe("the compiled validators' key removal", () => {
  it("strips a sale commission of its sale fields, and accepts them unchecked", () => {
    const body = { type: "sale", partnerId: "pn_1", customerId: "cus_1", saleAmount: "not a number", invoiceId: 5 };
    expect(compiled.createCommissionBody!(body)).toBe(true);
    expect(body).toEqual({ type: "sale", partnerId: "pn_1" });
    expect(BEYOND_SPEC.createCommission?.wholeBody).toBeTypeOf("function");
  });

  it("empties a metadata object", () => {
    const body = { clickId: "c", eventName: "Sign up", customerExternalId: "user_42", metadata: { plan: "pro" } };
    expect(compiled.trackLeadBody!(body)).toBe(true);
    expect(body.metadata).toEqual({});
    expect(Object.keys(BEYOND_SPEC.trackLead?.body ?? {})).toContain("metadata");
    expect(Object.keys(BEYOND_SPEC.trackSale?.body ?? {})).toContain("metadata");
  });
});
