/**
 * Contract of `bounties.listSubmissions`, `bounties.approveSubmission` and
 * `bounties.rejectSubmission`, whose argument is the official SDK's `{ bountyId, submissionId?,
 * ...query, requestBody? }`: the path parameters go in the path (one segment each), the query
 * validates against the spec's parameters, the optional body against its schema, and nothing is
 * sent when `requestBody` is left out; every constraint is refused with its path before anything
 * is sent; every spec-valid answer parses unchanged, unknown statuses too.
 */
import { describe, expect, it } from "vitest";
import {
  type ApproveBountySubmissionRequest,
  type ListBountySubmissionsRequest,
  type RejectBountySubmissionRequest,
  SDKValidationError,
} from "../../src/index.js";
import { bountySubmissionSchema } from "../../src/models/bounty-submission.js";
import { declared } from "../helpers/declarations.js";
import { responseSuite } from "./response-suite.js";
import {
  deref,
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
  specOperation,
  stubClient,
} from "./spec.js";

const submission = () => sampleFromSchema(responseSchema("approveBountySubmission", "200"));
const BOUNTY = "bnty_1K2QY9H4T6V8W0X2Y4Z6A8B0C2";
const SUBMISSION = "bnty_sub_1K2QYB3C5D7E9F1G3H5J7K9M1N";

async function refusal(call: Promise<unknown>): Promise<SDKValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SDKValidationError);
  return error as SDKValidationError;
}

describe("bounties.listSubmissions → listBountySubmissions", () => {
  const { method, path } = specOperation("listBountySubmissions");
  const FULL: ListBountySubmissionsRequest = {
    bountyId: BOUNTY,
    status: "submitted",
    groupId: "grp_1K2QY8",
    partnerId: "pn_1K2QY4",
    sortBy: "performanceCount",
    sortOrder: "desc",
    page: 2,
    pageSize: 50,
  };

  it("is declared with the spec's method and path; the bounty in the path, the rest in the query", () => {
    expect(declared("listBountySubmissions")).toMatchObject({ method, path, declaration: { argument: "parameters", paging: "page", idempotent: true } });
    const { bountyId: _bountyId, ...query } = FULL;
    expect(Object.keys(query).sort()).toEqual(queryParameters("listBountySubmissions").map((p) => p.name).sort());
  });

  const statuses = deref(queryParameters("listBountySubmissions").find((p) => p.name === "status")!.schema).enum as ListBountySubmissionsRequest["status"][];
  const sorts = deref(queryParameters("listBountySubmissions").find((p) => p.name === "sortBy")!.schema).enum as ListBountySubmissionsRequest["sortBy"][];
  it.each<[string, ListBountySubmissionsRequest]>([
    ["only the bounty", { bountyId: BOUNTY }],
    ["every parameter", FULL],
    ["a bounty ID that needs encoding, kept in one segment", { bountyId: "bnty 1/2?x" }],
    ...statuses.map((status): [string, ListBountySubmissionsRequest] => [`status ${status}`, { bountyId: BOUNTY, status }]),
    ...sorts.map((sortBy): [string, ListBountySubmissionsRequest] => [`sortBy ${sortBy}`, { bountyId: BOUNTY, sortBy, sortOrder: "asc" }]),
  ])("%s: sent as the spec describes", async (_name, input) => {
    const reply = [submission()];
    const { dub, sent } = stubClient({ status: 200, body: reply });
    await expect(dub.bounties.listSubmissions(input)).resolves.toStrictEqual(reply);
    const [pathname, search] = sent[0]!.url.slice(SERVER_URL.length).split("?");
    expect(sent[0]!.method).toBe(method);
    expect(pathname).toBe(`/bounties/${encodeURIComponent(input.bountyId)}/submissions`);
    expect(search).toBeDefined();
    const { bountyId: _bountyId, ...rest } = input;
    const query = queryOf(sent[0]!.url, "listBountySubmissions");
    expectValid(queryValidator("listBountySubmissions"), query);
    expect(query).toStrictEqual({ ...rest, page: input.page ?? 1 });
    expect(sent[0]!.body).toBeUndefined();
  });

  it.each<[string, unknown, (string | number)[]]>([
    ["no bountyId", { status: "submitted" }, ["bountyId"]],
    ["an empty bountyId", { bountyId: "" }, ["bountyId"]],
    ['status "pending"', { bountyId: BOUNTY, status: "pending" }, ["status"]],
    ['sortBy "createdAt"', { bountyId: BOUNTY, sortBy: "createdAt" }, ["sortBy"]],
    ['sortOrder "up"', { bountyId: BOUNTY, sortOrder: "up" }, ["sortOrder"]],
    ["pageSize 101", { bountyId: BOUNTY, pageSize: 101 }, ["pageSize"]],
    ["page 0", { bountyId: BOUNTY, page: 0 }, ["page"]],
    ["an undocumented parameter (search)", { bountyId: BOUNTY, search: "kim" }, []],
  ])("refuses %s before sending", async (_name, input, issuePath) => {
    const { dub, fetch } = stubClient({ status: 200, body: [] });
    const error = await refusal(dub.bounties.listSubmissions(input as ListBountySubmissionsRequest));
    expect(error.issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("the enum values the SDK refuses are those the spec refuses", () => {
    const validate = queryValidator("listBountySubmissions");
    expectInvalid(validate, { status: "pending" });
    expectInvalid(validate, { sortBy: "createdAt" });
    expectInvalid(validate, { search: "kim" });
  });
});

type ReviewCall = (dub: ReturnType<typeof stubClient>["dub"], argument: never) => Promise<unknown>;

const REVIEWS = [
  {
    name: "bounties.approveSubmission",
    operationId: "approveBountySubmission" as const,
    action: "approve",
    call: ((dub, argument: ApproveBountySubmissionRequest) => dub.bounties.approveSubmission(argument)) as ReviewCall,
    full: { rewardAmount: 5000 },
    bodies: [{ rewardAmount: 5000 }, { rewardAmount: null }, { rewardAmount: 12.5 }, {}],
    invalid: [
      ["rewardAmount as a string", { rewardAmount: "5000" }, ["requestBody", "rewardAmount"]],
      ["an undocumented body field (amount)", { amount: 5000 }, ["requestBody"]],
    ],
  },
  {
    name: "bounties.rejectSubmission",
    operationId: "rejectBountySubmission" as const,
    action: "reject",
    call: ((dub, argument: RejectBountySubmissionRequest) => dub.bounties.rejectSubmission(argument)) as ReviewCall,
    full: { rejectionReason: "invalidProof", rejectionNote: "The video is private." },
    bodies: [
      ...(["invalidProof", "duplicateSubmission", "outOfTimeWindow", "didNotMeetCriteria", "other"] as const).map((rejectionReason) => ({ rejectionReason })),
      { rejectionNote: "n".repeat(5000) },
      { rejectionNote: "😀".repeat(2500) },
      {},
    ],
    invalid: [
      ['rejectionReason "spam"', { rejectionReason: "spam" }, ["requestBody", "rejectionReason"]],
      ["a note of 5,001 characters", { rejectionNote: "n".repeat(5001) }, ["requestBody", "rejectionNote"]],
      ["an undocumented body field (reason)", { reason: "other" }, ["requestBody"]],
    ],
  },
] as const;

describe.each(REVIEWS)("$name → $operationId", (op) => {
  const { method, path } = specOperation(op.operationId);

  it("is declared with the spec's method and path; safe to repeat, a repeat's 400 read as AlreadyApplied", () => {
    expect(declared(op.operationId)).toMatchObject({ method, path, declaration: { argument: "parameters", idempotent: true, repeat: { alreadyApplied: { statuses: [400], message: expect.any(RegExp) } } } });
    expect(Object.keys(op.full).sort()).toEqual(propertyNames(requestSchema(op.operationId)).all.sort());
  });

  it("without requestBody: nothing is sent as the body, no content type (the server reads that as {})", async () => {
    const { dub, sent } = stubClient({ status: 200, body: submission() });
    await expect(op.call(dub, { bountyId: BOUNTY, submissionId: SUBMISSION } as never)).resolves.toStrictEqual(submission());
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url).toBe(`${SERVER_URL}/bounties/${BOUNTY}/submissions/${SUBMISSION}/${op.action}`);
    expect(sent[0]!.body).toBeUndefined();
    expect(sent[0]!.headers["content-type"]).toBeUndefined();
  });

  it.each(op.bodies.map((body) => [JSON.stringify(body).slice(0, 60), body] as const))("requestBody %s: a spec-valid JSON body, sent as given", async (_label, requestBody) => {
    const { dub, sent } = stubClient({ status: 200, body: submission() });
    await op.call(dub, { bountyId: BOUNTY, submissionId: SUBMISSION, requestBody } as never);
    expect(sent[0]!.headers["content-type"]).toBe("application/json");
    const body: unknown = JSON.parse(sent[0]!.body!);
    expectValid(requestValidator(op.operationId), body);
    expectValid(requestValidator(op.operationId, "closed"), body);
    expect(body).toStrictEqual(requestBody);
  });

  it("path parameters that need encoding stay one segment each", async () => {
    const { dub, sent } = stubClient({ status: 200, body: submission() });
    await op.call(dub, { bountyId: "b/1", submissionId: "s?2" } as never);
    expect(sent[0]!.url).toBe(`${SERVER_URL}/bounties/b%2F1/submissions/s%3F2/${op.action}`);
  });

  it.each([
    ["no submissionId", { bountyId: BOUNTY }, ["submissionId"]],
    ["an empty bountyId", { bountyId: "", submissionId: SUBMISSION }, ["bountyId"]],
    ["the official SDK's arguments without bountyId", { submissionId: SUBMISSION }, ["bountyId"]],
    ["an undocumented top-level field (status, which is not a query parameter here)", { bountyId: BOUNTY, submissionId: SUBMISSION, status: "approved" }, []],
    ...op.invalid.map(([name, requestBody, issuePath]) => [name, { bountyId: BOUNTY, submissionId: SUBMISSION, requestBody }, issuePath] as const),
  ] as const)("refuses %s before sending", async (_name, argument, issuePath) => {
    const { requestBody } = argument as { requestBody?: unknown };
    if (requestBody !== undefined) expectInvalid(requestValidator(op.operationId, "closed"), requestBody);
    const { dub, fetch } = stubClient({ status: 200, body: submission() });
    const error = await refusal(op.call(dub, argument as never));
    expect(error.issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });
});

responseSuite([
  {
    name: "bounties.listSubmissions",
    operationId: "listBountySubmissions",
    status: 200,
    model: bountySubmissionSchema,
    call: (dub) => dub.bounties.listSubmissions({ bountyId: BOUNTY }),
    newEnumValues: { status: "in_review" },
  },
  {
    name: "bounties.approveSubmission",
    operationId: "approveBountySubmission",
    status: 200,
    model: bountySubmissionSchema,
    call: (dub) => dub.bounties.approveSubmission({ bountyId: BOUNTY, submissionId: SUBMISSION }),
    newEnumValues: { status: "in_review" },
  },
  {
    name: "bounties.rejectSubmission",
    operationId: "rejectBountySubmission",
    status: 200,
    model: bountySubmissionSchema,
    call: (dub) => dub.bounties.rejectSubmission({ bountyId: BOUNTY, submissionId: SUBMISSION }),
    newEnumValues: { status: "in_review" },
  },
]);
