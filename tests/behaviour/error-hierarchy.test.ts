import * as official from "dub/models/errors";
import { describe, expect, it } from "vitest";
import * as ours from "../../src/index.js";
import { ConnectionError, DubError, DubPartnersError, ResponseValidationError, SDKValidationError } from "../../src/index.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

/** The error classes both packages export under the same name. */
const SHARED = Object.keys(official).filter(
  (name) => typeof (official as Record<string, unknown>)[name] === "function" && (official as Record<string, { prototype?: unknown }>)[name]!.prototype instanceof Error && name in ours,
);

describe("the error classes follow the official dub package's hierarchy", () => {
  it("covers the classes users catch", () => {
    expect(SHARED).toEqual(expect.arrayContaining(["DubError", "SDKError", "ResponseValidationError", "SDKValidationError", "HTTPClientError", "ConnectionError", "NotFound"]));
  });

  it.each(SHARED)("%s is a DubError here exactly when it is one in dub, and always a DubPartnersError", (name) => {
    const theirs = (official as unknown as Record<string, { prototype: object }>)[name]!;
    const mine = (ours as unknown as Record<string, { prototype: object }>)[name]!;
    const theirsIsDubError = theirs === official.DubError || theirs.prototype instanceof official.DubError;
    const mineIsDubError = mine === DubError || mine.prototype instanceof DubError;
    expect(mineIsDubError).toBe(theirsIsDubError);
    expect(mine.prototype instanceof DubPartnersError).toBe(true);
  });
});

describe.each(TRANSPORTS)("one instanceof for any dub-partners error ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("a 2XX body that is not JSON is a DubError with its statusCode, as in dub", async () => {
    ctx.script.reply({ status: 201, headers: { "content-type": "text/plain", "x-ratelimit-remaining": "7" }, body: "oops" });
    const error = await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(DubError);
    expect(error).toBeInstanceOf(DubPartnersError);
    const e = error as DubError;
    expect(e.statusCode).toBe(201);
    expect(e.body).toBe("oops");
    expect(e.rateLimit?.remaining).toBe(7);
  });

  it("validation and connection errors are DubPartnersErrors, not DubErrors (they have no statusCode)", async () => {
    const dub = ctx.harness.client();
    const invalid = await dub.partners.create({ email: "not an email" }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(SDKValidationError);
    expect(invalid).toBeInstanceOf(DubPartnersError);
    expect(invalid).not.toBeInstanceOf(DubError);
    expect((invalid as SDKValidationError).requestSent).toBe(false);

    ctx.script.reply({ status: 201, fault: { kind: "reset-before-response" } });
    const reset = await dub.partners.createLink({ partnerId: "pn_1" }).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(ConnectionError);
    expect(reset).toBeInstanceOf(DubPartnersError);
    expect(reset).not.toBeInstanceOf(DubError);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("a plain Error is not a DubPartnersError", () => {
    expect(new Error("x")).not.toBeInstanceOf(DubPartnersError);
    expect({ name: "DubError", statusCode: 500 }).not.toBeInstanceOf(DubPartnersError);
  });
});
