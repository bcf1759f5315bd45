/**
 * Compile-time contract: code written for the official `dub` 0.73.5 package compiles against
 * ours with only the import changed. Every argument its types accept for the conversion,
 * customer, commission and payout methods is an argument of ours, and the results type the fields
 * that code reads. Checked by the type checker (`vitest --typecheck`), never executed.
 */
import type * as operations from "dub/models/operations";
import { describe, expectTypeOf, it } from "vitest";
import type {
  APIPromise,
  BulkUpdateCommissionsResponseBody,
  Commission,
  Customer,
  Dub,
  PagePromise,
  Payout,
  TrackLeadResponseBody,
  TrackOpenResponseBody,
  TrackSaleResponseBody,
} from "../../src/index.js";

declare const dub: Dub;
type ArgumentOf<F> = F extends (argument: infer A, ...rest: never[]) => unknown ? A : never;

describe("dub's argument types are ours", () => {
  it("track", () => {
    expectTypeOf<operations.TrackLeadRequestBody>().toMatchTypeOf<ArgumentOf<Dub["track"]["lead"]>>();
    expectTypeOf<operations.TrackSaleRequestBody>().toMatchTypeOf<ArgumentOf<Dub["track"]["sale"]>>();
  });

  it("customers, delete by the bare ID", () => {
    expectTypeOf<operations.GetCustomersRequest>().toMatchTypeOf<NonNullable<ArgumentOf<Dub["customers"]["list"]>>>();
    expectTypeOf<operations.GetCustomerRequest>().toMatchTypeOf<ArgumentOf<Dub["customers"]["get"]>>();
    expectTypeOf<operations.UpdateCustomerRequest>().toMatchTypeOf<ArgumentOf<Dub["customers"]["update"]>>();
    expectTypeOf<string>().toMatchTypeOf<ArgumentOf<Dub["customers"]["delete"]>>();
  });

  it("commissions, both createCommission shapes", () => {
    expectTypeOf<operations.CreateCommissionRequestBody>().toMatchTypeOf<ArgumentOf<Dub["commissions"]["create"]>>();
    expectTypeOf<operations.RequestBody1>().toMatchTypeOf<ArgumentOf<Dub["commissions"]["create"]>>();
    expectTypeOf<operations.RequestBody3>().toMatchTypeOf<ArgumentOf<Dub["commissions"]["create"]>>();
    expectTypeOf<operations.ListCommissionsRequest>().toMatchTypeOf<NonNullable<ArgumentOf<Dub["commissions"]["list"]>>>();
    expectTypeOf<operations.UpdateCommissionRequest>().toMatchTypeOf<ArgumentOf<Dub["commissions"]["update"]>>();
    expectTypeOf<operations.BulkUpdateCommissionsRequestBody>().toMatchTypeOf<ArgumentOf<Dub["commissions"]["updateMany"]>>();
  });

  it("payouts", () => {
    expectTypeOf<operations.ListPayoutsRequest>().toMatchTypeOf<NonNullable<ArgumentOf<Dub["payouts"]["list"]>>>();
  });
});

describe("the methods' results", () => {
  it("single results are APIPromises of the models, lists PagePromises of their items", () => {
    expectTypeOf(dub.track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "u" })).toEqualTypeOf<APIPromise<TrackLeadResponseBody>>();
    expectTypeOf(dub.track.sale({ customerExternalId: "u", amount: 1 })).toEqualTypeOf<APIPromise<TrackSaleResponseBody>>();
    expectTypeOf(dub.track.open({ deepLink: "https://acme.link/x" })).toEqualTypeOf<APIPromise<TrackOpenResponseBody>>();
    expectTypeOf(dub.customers.list()).toEqualTypeOf<PagePromise<Customer>>();
    expectTypeOf(dub.commissions.list()).toEqualTypeOf<PagePromise<Commission>>();
    expectTypeOf(dub.payouts.list()).toEqualTypeOf<PagePromise<Payout>>();
    expectTypeOf(dub.commissions.updateMany({ commissionIds: ["cm_1"], status: "fraud" })).toEqualTypeOf<APIPromise<BulkUpdateCommissionsResponseBody[]>>();
  });

  it("a commission types the newer fields, paidAt, type and metadata", () => {
    expectTypeOf<Commission["paidAt"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Commission["metadata"]>().toEqualTypeOf<Record<string, unknown> | null | undefined>();
    expectTypeOf<NonNullable<Commission["type"]>>().toMatchTypeOf<string>();
  });

  it("the type of a commission narrows the argument", () => {
    // @ts-expect-error a custom commission needs an amount
    void dub.commissions.create({ type: "custom", partnerId: "pn_1" });
    // @ts-expect-error a lead commission has no invoiceId
    void dub.commissions.create({ type: "lead", partnerId: "pn_1", customerId: "cus_1", invoiceId: "in_1" });
    void dub.commissions.create({ type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, paymentProcessor: "lemonsqueezy" } });
  });
});
