/**
 * Compile-time contract of `partners.analytics`: the overloads narrow the result by `groupBy`.
 * Checked by the type checker (`vitest --typecheck`), never executed.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  APIPromise,
  Dub,
  PartnerAnalyticsCount,
  PartnerAnalyticsGroupBy,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
} from "../../src/index.js";
import { partnersAnalytics } from "../../src/funcs/index.js";

declare const dub: Dub;
declare const groupBy: PartnerAnalyticsGroupBy;

describe("partners.analytics narrows its result by groupBy", () => {
  it("each literal groupBy selects its shape", () => {
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1" })).toEqualTypeOf<APIPromise<PartnerAnalyticsCount>>();
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1", groupBy: "count" })).toEqualTypeOf<APIPromise<PartnerAnalyticsCount>>();
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1", groupBy: "timeseries" })).toEqualTypeOf<APIPromise<PartnerAnalyticsTimeseries[]>>();
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1", groupBy: "top_links" })).toEqualTypeOf<APIPromise<PartnerAnalyticsTopLinks[]>>();
  });

  it("a groupBy known only at run time gives the union of the three shapes", () => {
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1", groupBy })).toEqualTypeOf<APIPromise<PartnerAnalyticsResult>>();
    expectTypeOf<PartnerAnalyticsResult>().toEqualTypeOf<PartnerAnalyticsCount | PartnerAnalyticsTimeseries[] | PartnerAnalyticsTopLinks[]>();
  });

  it("the standalone function narrows the same way", () => {
    expectTypeOf(partnersAnalytics(dub, { tenantId: "user_42", groupBy: "timeseries" })).toEqualTypeOf<APIPromise<PartnerAnalyticsTimeseries[]>>();
  });

  it("refuses what the spec refuses", () => {
    // @ts-expect-error groupBy is a closed enum
    dub.partners.analytics({ partnerId: "pn_1", groupBy: "daily" });
    // @ts-expect-error the query is required: the partner must be named
    dub.partners.analytics();
  });
});
