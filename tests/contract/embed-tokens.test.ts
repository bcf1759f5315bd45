/**
 * Contract of `embedTokens.referrals`: the spec's operation with a body that validates against
 * the spec (open and closed); every constraint of the spec, and the server's rule that the body
 * names a partner, refused with its path before anything is sent; the 201 answer parses.
 */
import { describe, expect, it } from "vitest";
import { type CreateReferralsEmbedTokenRequestBody, SDKValidationError } from "../../src/index.js";
import { declared } from "../helpers/declarations.js";
import { responseSuite } from "./response-suite.js";
import { deref, expectInvalid, expectValid, propertyNames, requestSchema, requestValidator, SERVER_URL, specOperation, stubClient } from "./spec.js";

const TOKEN_REPLY = { publicToken: "dub_embed_01K2QYB3C5D7E9F1G3H5J7K9M1", expires: "2026-11-24T13:00:00.000Z" };

const FULL_PARTNER = {
  name: "Kim Lee",
  email: "kim@example.com",
  username: "kimlee",
  image: "https://acme.com/kim.png",
  tenantId: "user_42",
  groupId: "grp_1K2QY8",
  country: "US",
  description: "Writes about developer tools.",
  linkProps: { externalId: "ext-kim", tenantId: "user_42", tagNames: ["creators"], testVariants: [{ url: "https://acme.com/a", percentage: 50 }, { url: "https://acme.com/b", percentage: 50 }] },
};
const FULL: CreateReferralsEmbedTokenRequestBody = { partnerId: "pn_1K2QY4ZKJ9D7S8T6V5W3X2Y1Z0", tenantId: "user_42", partner: FULL_PARTNER };

describe("embedTokens.referrals → createReferralsEmbedToken", () => {
  const { method, path } = specOperation("createReferralsEmbedToken");

  it("is declared with the spec's method and path, safe to repeat", () => {
    expect(declared("createReferralsEmbedToken")).toMatchObject({ method, path, declaration: { argument: "body", idempotent: true } });
    expect(Object.keys(FULL).sort()).toEqual(propertyNames(requestSchema("createReferralsEmbedToken")).all.sort());
    const partnerSchema = deref(requestSchema("createReferralsEmbedToken").properties!.partner!);
    expect(Object.keys(FULL_PARTNER).sort()).toEqual(Object.keys(partnerSchema.properties!).sort());
  });

  it.each<[string, CreateReferralsEmbedTokenRequestBody]>([
    ["by partnerId", { partnerId: "pn_1" }],
    ["by tenantId", { tenantId: "user_42" }],
    ["only the partner to enroll", { partner: { email: "kim@example.com" } }],
    ["every field, the partner's too", FULL],
    ["partner fields at their longest", { partner: { email: `${"k".repeat(178)}@example.com`, name: "n".repeat(100), username: "u".repeat(100), description: "d".repeat(5000) } }],
    ["partner's nullable fields null", { tenantId: "user_42", partner: { email: "kim@example.com", name: null, username: null, image: null, country: null, description: null } }],
  ])("%s: a spec-valid body, sent as given", async (_name, input) => {
    const { dub, sent } = stubClient({ status: 201, body: TOKEN_REPLY });
    await expect(dub.embedTokens.referrals(input)).resolves.toStrictEqual(TOKEN_REPLY);
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url).toBe(SERVER_URL + path);
    const body: unknown = JSON.parse(sent[0]!.body!);
    expectValid(requestValidator("createReferralsEmbedToken"), body);
    expectValid(requestValidator("createReferralsEmbedToken", "closed"), body);
    expect(body).toStrictEqual(input);
  });

  it("trims the partner's email and name, as the server does before its lookup", async () => {
    const { dub, sent } = stubClient({ status: 201, body: TOKEN_REPLY });
    await dub.embedTokens.referrals({ partner: { email: "  kim@example.com ", name: " Kim " } });
    expect(JSON.parse(sent[0]!.body!)).toStrictEqual({ partner: { email: "kim@example.com", name: "Kim" } });
  });

  it.each<[string, unknown, (string | number)[], boolean]>([
    ["nothing that names the partner", {}, [], false],
    ["an empty partnerId and tenantId", { partnerId: "", tenantId: "" }, [], false],
    ["a partner without an email", { partner: { name: "Kim" } }, ["partner", "email"], true],
    ["a partner email that is not one", { partner: { email: "kim@" } }, ["partner", "email"], true],
    ["a partner email of 191 characters", { partner: { email: `${"k".repeat(179)}@example.com` } }, ["partner", "email"], true],
    ["a partner name of 101 characters", { partner: { email: "kim@example.com", name: "n".repeat(101) } }, ["partner", "name"], true],
    ["a partner description of 5,001 characters", { partner: { email: "kim@example.com", description: "d".repeat(5001) } }, ["partner", "description"], true],
    ["a country in lower case (the server's list is upper case)", { partner: { email: "kim@example.com", country: "us" } }, ["partner", "country"], false],
    ["one test variant at 100 percent", { partner: { email: "kim@example.com", linkProps: { testVariants: [{ url: "https://acme.com", percentage: 100 }] } } }, ["partner", "linkProps", "testVariants"], true],
    ["tenantId as a number", { tenantId: 42 }, ["tenantId"], true],
    ["an undocumented field (programId)", { partnerId: "pn_1", programId: "prog_1" }, [], true],
    ["an undocumented partner field (status)", { partner: { email: "kim@example.com", status: "approved" } }, ["partner"], true],
  ])("refuses %s before sending", async (_name, input, issuePath, specRejects) => {
    if (specRejects) expectInvalid(requestValidator("createReferralsEmbedToken", "closed"), input);
    else expectValid(requestValidator("createReferralsEmbedToken", "closed"), input);
    const { dub, fetch } = stubClient({ status: 201, body: TOKEN_REPLY });
    const error = await dub.embedTokens.referrals(input as CreateReferralsEmbedTokenRequestBody).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(issuePath);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("called with nothing, it is refused before sending (the server needs a partner)", async () => {
    const { dub, fetch } = stubClient({ status: 201, body: TOKEN_REPLY });
    await expect(dub.embedTokens.referrals()).rejects.toBeInstanceOf(SDKValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });
});

responseSuite([
  {
    name: "embedTokens.referrals",
    operationId: "createReferralsEmbedToken",
    status: 201,
    model: declared("createReferralsEmbedToken").declaration.response,
    call: (dub) => dub.embedTokens.referrals({ tenantId: "user_42" }),
  },
]);
