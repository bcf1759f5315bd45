/**
 * Query contract: what the SDK puts in the query string for `partners.list`,
 * `partners.retrieveLinks`, `partners.analytics` and `partnerApplications.list` is the spec's
 * operation (method, path) with parameters that validate against the spec's parameter schemas,
 * and nothing else; what breaks a spec constraint is refused before anything is sent.
 */
import { describe, expect, it } from "vitest";
import {
  type Dub,
  type ListPartnerApplicationsQuery,
  type ListPartnersQuery,
  type RetrievePartnerAnalyticsQuery,
  type RetrievePartnerLinksQuery,
  SDKValidationError,
} from "../../src/index.js";
import { declared } from "../helpers/declarations.js";
import { exampleLink, examplePartner, partnerLinkSummary } from "../../src/testing/fixtures.js";
import {
  type AnyOperationId,
  expectInvalid,
  expectValid,
  queryOf,
  queryParameters,
  queryValidator,
  responseSchema,
  sampleFromSchema,
  SERVER_URL,
  spec,
  specOperation,
  stubClient,
  TOKEN,
} from "./spec.js";

// ---------------------------------------------------------------------------------------------
// Operations under test
// ---------------------------------------------------------------------------------------------

interface QueryOperation<Query> {
  readonly sdkName: string;
  readonly operationId: AnyOperationId;
  readonly declared: { readonly method: string; readonly path: string; readonly declaration: { readonly argument: string } };
  /** The server's (spec-valid) answer to `query`. */
  readonly reply: (query: Query) => unknown;
  /** What the call resolves with, given that answer. */
  readonly result: (query: Query, reply: unknown) => unknown;
  /** What the query string must hold for this input. */
  readonly wire: (query: Query) => Record<string, unknown>;
  readonly call: (dub: Dub, query: Query) => Promise<unknown>;
}

const withoutNulls = (q: object) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== null && v !== undefined));

const LIST: QueryOperation<ListPartnersQuery | undefined> = {
  sdkName: "partners.list",
  operationId: "listPartners",
  declared: declared("listPartners"),
  reply: () => [examplePartner()],
  result: (_q, reply) => reply,
  // The first page is always named, so that iteration and the first await ask for the same page.
  wire: (q) => ({ ...withoutNulls(q ?? {}), page: q?.page ?? 1 }),
  call: (dub, q) => dub.partners.list(q),
};

const RETRIEVE_LINKS: QueryOperation<RetrievePartnerLinksQuery> = {
  sdkName: "partners.retrieveLinks",
  operationId: "retrievePartnerLinks",
  declared: declared("retrievePartnerLinks"),
  reply: () => [partnerLinkSummary(exampleLink())],
  result: (_q, reply) => reply,
  wire: (q) => withoutNulls(q),
  call: (dub, q) => dub.partners.retrieveLinks(q),
};

const component = (name: string) => sampleFromSchema(spec.components.schemas[name]!);
const ANALYTICS_REPLIES = {
  count: () => component("PartnerAnalyticsCount"),
  timeseries: () => [component("PartnerAnalyticsTimeseries")],
  top_links: () => [component("PartnerAnalyticsTopLinks")],
};

const ANALYTICS: QueryOperation<RetrievePartnerAnalyticsQuery> = {
  sdkName: "partners.analytics",
  operationId: "retrievePartnerAnalytics",
  declared: declared("retrievePartnerAnalytics"),
  reply: (q) => ANALYTICS_REPLIES[q.groupBy ?? "count"](),
  result: (_q, reply) => reply,
  // groupBy decides the response's shape, so it is always sent.
  wire: (q) => ({ ...withoutNulls(q), groupBy: q.groupBy ?? "count" }),
  call: (dub, q) => dub.partners.analytics(q),
};

const LIST_APPLICATIONS: QueryOperation<ListPartnerApplicationsQuery | undefined> = {
  sdkName: "partnerApplications.list",
  operationId: "listPartnerApplications",
  declared: declared("listPartnerApplications"),
  reply: () => sampleFromSchema(responseSchema("listPartnerApplications", "200")),
  result: (_q, reply) => reply,
  wire: (q) => ({ ...withoutNulls(q ?? {}), page: q?.page ?? 1 }),
  call: (dub, q) => dub.partnerApplications.list(q),
};

// ---------------------------------------------------------------------------------------------
// Valid inputs
// ---------------------------------------------------------------------------------------------

interface ValidCase<Query> {
  readonly name: string;
  readonly input: Query;
}

const FULL_LIST: ListPartnersQuery = {
  groupId: "grp_1JZ0XK9P5R1S7T3U9V5W1X7Y3Z",
  status: "approved",
  country: "US",
  sortBy: "totalClicks",
  sortOrder: "asc",
  email: "kim@example.com",
  tenantId: "user_42",
  search: "kim & co / 50%",
  page: 3,
  pageSize: 50,
};

const LIST_CASES: ValidCase<ListPartnersQuery | undefined>[] = [
  { name: "no query at all", input: undefined },
  { name: "an empty query", input: {} },
  { name: "every parameter, with characters that need encoding", input: FULL_LIST },
  { name: "pageSize 1", input: { pageSize: 1 } },
  { name: "pageSize 100", input: { pageSize: 100 } },
  { name: "the largest page the spec allows", input: { page: Number.MAX_SAFE_INTEGER } },
  ...(["pending", "approved", "rejected", "invited", "declined", "deactivated", "banned", "archived"] as const).map((status) => ({
    name: `status ${status}`,
    input: { status },
  })),
  ...(
    [
      "createdAt",
      "totalClicks",
      "totalLeads",
      "totalConversions",
      "totalSaleAmount",
      "totalCommissions",
      "netRevenue",
      "earningsPerClick",
      "averageLifetimeValue",
      "clickToLeadRate",
      "clickToConversionRate",
      "leadToConversionRate",
      "returnOnAdSpend",
    ] as const
  ).map((sortBy) => ({ name: `sortBy ${sortBy}, desc`, input: { sortBy, sortOrder: "desc" as const } })),
];

const LINKS_CASES: ValidCase<RetrievePartnerLinksQuery>[] = [
  { name: "by partnerId", input: { partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y" } },
  { name: "by tenantId", input: { tenantId: "user 42/äö" } },
  { name: "both", input: { partnerId: "pn_1", tenantId: "user_42" } },
  { name: "partnerId null, named by tenantId (null is left out)", input: { partnerId: null, tenantId: "user_42" } },
  { name: "tenantId null, named by partnerId", input: { partnerId: "pn_1", tenantId: null } },
];

const FULL_ANALYTICS: RetrievePartnerAnalyticsQuery = {
  partnerId: "pn_1",
  tenantId: "user_42",
  interval: "30d",
  start: "2026-11-01T00:00:00.000Z",
  end: "2026-11-24T10:00:00.000Z",
  timezone: "America/New_York",
  query: "metadata['plan']:'pro'",
  groupBy: "timeseries",
};

const ANALYTICS_CASES: ValidCase<RetrievePartnerAnalyticsQuery>[] = [
  { name: "by partnerId, groupBy left out (count is sent)", input: { partnerId: "pn_1" } },
  { name: "by tenantId, groupBy count", input: { tenantId: "user_42", groupBy: "count" } },
  { name: "groupBy timeseries", input: { partnerId: "pn_1", groupBy: "timeseries" } },
  { name: "groupBy top_links", input: { partnerId: "pn_1", groupBy: "top_links" } },
  { name: "every parameter", input: FULL_ANALYTICS },
  { name: "query of 10,000 characters", input: { partnerId: "pn_1", query: "q".repeat(10_000) } },
  ...(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"] as const).map((interval) => ({
    name: `interval ${interval}`,
    input: { partnerId: "pn_1", interval },
  })),
];

const APPLICATIONS_CASES: ValidCase<ListPartnerApplicationsQuery | undefined>[] = [
  { name: "no query at all", input: undefined },
  { name: "every parameter", input: { country: "US", groupId: "grp_1", page: 2, pageSize: 25 } },
  { name: "pageSize 100", input: { pageSize: 100 } },
];

function querySuite<Query>(op: QueryOperation<Query>, cases: readonly ValidCase<Query>[]) {
  describe(`${op.sdkName} → ${op.operationId}`, () => {
    const { path, method } = specOperation(op.operationId);

    it("is declared with the spec's method and path, its input in the query", () => {
      expect(op.declared.method).toBe(method);
      expect(op.declared.path).toBe(path);
      expect(op.declared.declaration.argument).toBe("query");
    });

    it.each(cases)("$name", async ({ input }) => {
      const reply = op.reply(input);
      const { dub, fetch, sent } = stubClient({ status: 200, body: reply });
      const result = await op.call(dub, input);
      expect(fetch).toHaveBeenCalledTimes(1);
      const request = sent[0]!;

      expect(request.method).toBe(method);
      expect(request.url.split("?")[0]).toBe(SERVER_URL + path);
      expect(request.body).toBeUndefined();
      expect(request.headers["content-type"]).toBeUndefined();
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);

      const query = queryOf(request.url, op.operationId);
      expectValid(queryValidator(op.operationId), query, `${op.sdkName} query`);
      expect(query).toStrictEqual(op.wire(input));
      expect(result).toStrictEqual(op.result(input, reply));
    });
  });
}

querySuite(LIST, LIST_CASES);
querySuite(RETRIEVE_LINKS, LINKS_CASES);
querySuite(ANALYTICS, ANALYTICS_CASES);
querySuite(LIST_APPLICATIONS, APPLICATIONS_CASES);

describe("the full inputs cover the spec's query parameters", () => {
  it.each([
    ["listPartners", FULL_LIST],
    ["retrievePartnerAnalytics", FULL_ANALYTICS],
    ["retrievePartnerLinks", LINKS_CASES[2]!.input],
    ["listPartnerApplications", APPLICATIONS_CASES[1]!.input!],
  ] as const)("%s", (operationId, full) => {
    expect(Object.keys(full).sort()).toEqual(queryParameters(operationId).map((p) => p.name).sort());
  });

  it("the enum cases cover every value the spec lists", () => {
    const values = (operationId: AnyOperationId, name: string) => queryParameters(operationId).find((p) => p.name === name)!.schema.enum;
    const listed = (cases: readonly ValidCase<unknown>[], name: string) => cases.map((c) => (c.input as Record<string, unknown> | undefined)?.[name]);
    for (const name of ["status", "sortBy"]) for (const v of values("listPartners", name)!) expect(listed(LIST_CASES, name)).toContain(v);
    for (const name of ["interval", "groupBy"]) for (const v of values("retrievePartnerAnalytics", name)!) expect(listed(ANALYTICS_CASES, name)).toContain(v);
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid inputs: refused before anything is sent
// ---------------------------------------------------------------------------------------------

interface InvalidCase {
  readonly name: string;
  readonly input: unknown;
  /** Path of the issue the SDK must report. */
  readonly path: readonly (string | number)[];
  /** Whether the spec's parameter schemas themselves reject the query (false: a server rule they cannot express). */
  readonly specRejects: boolean;
}

/*
 * The spec renders zod's `.positive()` on page and pageSize as a bare OpenAPI 3.0
 * `exclusiveMinimum: true` without `minimum`, which bounds nothing in JSON Schema; the server
 * refuses 0 and negative numbers all the same, so the SDK does too.
 */
const PAGE_INVALID: InvalidCase[] = [
  { name: "pageSize 101", input: { pageSize: 101 }, path: ["pageSize"], specRejects: true },
  { name: "pageSize 0", input: { pageSize: 0 }, path: ["pageSize"], specRejects: false },
  { name: "pageSize 2.5", input: { pageSize: 2.5 }, path: ["pageSize"], specRejects: true },
  { name: 'pageSize "50" (a string)', input: { pageSize: "50" }, path: ["pageSize"], specRejects: true },
  { name: "page 0", input: { page: 0 }, path: ["page"], specRejects: false },
  { name: "page -1", input: { page: -1 }, path: ["page"], specRejects: false },
  { name: "page 1.5", input: { page: 1.5 }, path: ["page"], specRejects: true },
  { name: "page NaN", input: { page: Number.NaN }, path: ["page"], specRejects: true },
  { name: "page beyond Number.MAX_SAFE_INTEGER", input: { page: 2 ** 53 }, path: ["page"], specRejects: true },
];

const LIST_INVALID: InvalidCase[] = [
  ...PAGE_INVALID,
  { name: 'status "paused"', input: { status: "paused" }, path: ["status"], specRejects: true },
  { name: 'sortBy "clicks" (a legacy name the spec no longer lists)', input: { sortBy: "clicks" }, path: ["sortBy"], specRejects: true },
  { name: 'sortOrder "up"', input: { sortOrder: "up" }, path: ["sortOrder"], specRejects: true },
  { name: "country as a number", input: { country: 1 }, path: ["country"], specRejects: true },
  { name: "an undocumented parameter (limit)", input: { limit: 10 }, path: [], specRejects: true },
];

const LINKS_INVALID: InvalidCase[] = [
  { name: "neither partnerId nor tenantId", input: {}, path: [], specRejects: false },
  { name: "both null", input: { partnerId: null, tenantId: null }, path: [], specRejects: false },
  { name: 'tenantId ""', input: { tenantId: "" }, path: [], specRejects: false },
  { name: "partnerId as a number", input: { partnerId: 42 }, path: ["partnerId"], specRejects: true },
  { name: "an undocumented parameter (programId)", input: { partnerId: "pn_1", programId: "prog_1" }, path: [], specRejects: true },
];

const ANALYTICS_INVALID: InvalidCase[] = [
  { name: "neither partnerId nor tenantId", input: { groupBy: "count" }, path: [], specRejects: false },
  { name: 'interval "2d"', input: { partnerId: "pn_1", interval: "2d" }, path: ["interval"], specRejects: true },
  { name: 'groupBy "day"', input: { partnerId: "pn_1", groupBy: "day" }, path: ["groupBy"], specRejects: true },
  { name: "query of 10,001 characters", input: { partnerId: "pn_1", query: "q".repeat(10_001) }, path: ["query"], specRejects: true },
  { name: "start as a Date (the wire takes strings)", input: { partnerId: "pn_1", start: new Date(0) }, path: ["start"], specRejects: true },
  { name: "an undocumented parameter (event)", input: { partnerId: "pn_1", event: "clicks" }, path: [], specRejects: true },
];

const APPLICATIONS_INVALID: InvalidCase[] = [
  ...PAGE_INVALID,
  { name: "an undocumented parameter (status)", input: { status: "pending" }, path: [], specRejects: true },
];

function invalidSuite<Query>(op: QueryOperation<Query>, cases: readonly InvalidCase[]) {
  describe(`${op.sdkName} refuses what breaks the spec, sending nothing`, () => {
    it.each(cases)("$name", async ({ input, path, specRejects }) => {
      const validate = queryValidator(op.operationId);
      if (specRejects) expectInvalid(validate, input, `${op.sdkName} query`);
      else expectValid(validate, input, `${op.sdkName} query`);

      const { dub, fetch } = stubClient({ status: 200, body: [] });
      const error = await op.call(dub, input as Query).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(path);
      expect((error as SDKValidationError).message).toContain("nothing was sent");
      expect(fetch).not.toHaveBeenCalled();
    });
  });
}

invalidSuite(LIST, LIST_INVALID);
invalidSuite(RETRIEVE_LINKS, LINKS_INVALID);
invalidSuite(ANALYTICS, ANALYTICS_INVALID);
invalidSuite(LIST_APPLICATIONS, APPLICATIONS_INVALID);

describe("a query that is not an object is refused with SDKValidationError, sending nothing", () => {
  const ops = [LIST, RETRIEVE_LINKS, ANALYTICS, LIST_APPLICATIONS] as unknown as QueryOperation<unknown>[];
  const values: unknown[] = ["a string", 42, [], null];
  it.each(ops.flatMap((op) => values.map((v) => [op.sdkName, v, op] as const)))("%s(%j)", async (_name, value, op) => {
    const { dub, fetch } = stubClient({ status: 200, body: [] });
    const error = await op.call(dub, value).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual([]);
  });

  it.each([RETRIEVE_LINKS, ANALYTICS] as unknown as QueryOperation<unknown>[])("$sdkName(undefined): the partner must be named", async (op) => {
    const { dub, fetch } = stubClient({ status: 200, body: [] });
    await expect(op.call(dub, undefined)).rejects.toBeInstanceOf(SDKValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });
});
