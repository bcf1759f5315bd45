import { describe, expect, it } from "vitest";
import {
  BadRequest,
  Conflict,
  DubError,
  Forbidden,
  InternalServerError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  ResponseValidationError,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const NO_RETRY = { retries: { strategy: "none" } } as const;

function envelope(code: string, message: string) {
  return { error: { code, message, doc_url: `https://dub.co/docs/api-reference/errors#${code.replace(/_/g, "-")}` } };
}

const DOCUMENTED = [
  [400, "bad_request", BadRequest],
  [401, "unauthorized", Unauthorized],
  [403, "forbidden", Forbidden],
  [403, "exceeded_limit", Forbidden],
  [404, "not_found", NotFound],
  [409, "conflict", Conflict],
  [409, "invite_pending", Conflict],
  [410, "invite_expired", InviteExpired],
  [422, "unprocessable_entity", UnprocessableEntity],
  [429, "rate_limit_exceeded", RateLimitExceeded],
  [500, "internal_server_error", InternalServerError],
] as const;

describe.each(TRANSPORTS)("errors as users catch them ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it.each(DOCUMENTED)("%i %s becomes %O with every detail kept", async (status, code, ErrorClass) => {
    const body = envelope(code, `the ${code} message`);
    ctx.script.reply({ status, headers: { "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0" }, body });
    const error = await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }, NO_RETRY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(DubError);
    const e = error as DubError;
    expect(e.statusCode).toBe(status);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`the ${code} message`);
    expect(e.message).toContain("POST /partners/links");
    expect(e.docUrl).toBe(body.error.doc_url);
    expect(JSON.parse(e.body)).toEqual(body);
    expect(e.headers["x-ratelimit-limit"]).toBe("60");
    expect(e.rateLimit).toMatchObject({ limit: 60, remaining: 0 });
    expect(e.name).toBe(ErrorClass.name);
  });

  it("an undocumented status with the envelope is an SDKError that keeps the code", async () => {
    ctx.script.reply({ status: 418, body: envelope("teapot", "short and stout") });
    const e = (await ctx.harness.client().partners.create({ email: "kim@example.com" }, NO_RETRY).catch((x: unknown) => x)) as SDKError;
    expect(e).toBeInstanceOf(SDKError);
    expect(e.statusCode).toBe(418);
    expect(e.code).toBe("teapot");
  });

  it("an HTML 502 from a proxy is an SDKError with the raw body", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    ctx.script.reply({ status: 502, headers: { "content-type": "text/html" }, body: html });
    const e = (await ctx.harness.client().partners.create({ email: "kim@example.com" }, NO_RETRY).catch((x: unknown) => x)) as SDKError;
    expect(e).toBeInstanceOf(SDKError);
    expect(e.statusCode).toBe(502);
    expect(e.code).toBeUndefined();
    expect(e.body).toBe(html);
    expect(e.message).toContain("text/html");
  });

  it("a 404 whose body is not the envelope is an SDKError, not NotFound", async () => {
    ctx.script.reply({ status: 404, body: "" });
    const e = await ctx.harness.client().partners.create({ email: "kim@example.com" }, NO_RETRY).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SDKError);
    expect(e).not.toBeInstanceOf(NotFound);
    expect((e as SDKError).message).toContain("empty body");
  });

  it("a redirect is not followed and the token is not sent to its target", async () => {
    ctx.script.reply({ status: 307, headers: { location: "https://evil.example/steal" }, body: "" });
    const e = (await ctx.harness.client().partners.create({ email: "kim@example.com" }, NO_RETRY).catch((x: unknown) => x)) as SDKError;
    expect(e).toBeInstanceOf(SDKError);
    expect(e.statusCode).toBe(307);
    expect(e.message).toContain("not followed");
    expect(ctx.script.received).toHaveLength(1);
  });

  it("a 2XX body that is not JSON is a ResponseValidationError keeping the raw body", async () => {
    ctx.script.reply({ status: 201, headers: { "content-type": "application/json" }, body: '{"id":"link_1","domain":' });
    const e = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as ResponseValidationError;
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.body).toBe('{"id":"link_1","domain":');
    expect(e.statusCode).toBe(201);
    expect(e.cause).toBeInstanceOf(SyntaxError);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("a 2XX body missing required fields is a ResponseValidationError listing them", async () => {
    const { shortLink: _s, key: _k, ...partial } = exampleLink();
    ctx.script.reply({ status: 201, body: partial });
    const e = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as ResponseValidationError;
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["key", "shortLink"]));
    expect(JSON.parse(e.body)).toEqual(partial);
  });

  it("a 2XX body that is not valid UTF-8 is a ResponseValidationError", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"id":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    ctx.script.reply({ status: 201, headers: { "content-type": "application/json" }, body: bytes });
    const e = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x)) as ResponseValidationError;
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toContain("UTF-8");
    expect(e.body).toContain("\uFFFD");
  });

  it("an error status with a body over maxResponseBytes keeps its class (a retryable SDKError)", async () => {
    ctx.script.reply({ status: 502, headers: { "content-type": "text/html" }, body: "<p>".repeat(5_000) });
    const dub = ctx.harness.client({ maxResponseBytes: 4_096 });
    const e = (await dub.partners.create({ email: "kim@example.com" }, NO_RETRY).catch((x: unknown) => x)) as SDKError;
    expect(e).toBeInstanceOf(SDKError);
    expect(e.statusCode).toBe(502);
    expect(e.message).toContain("4096-byte limit");
  });

  it("a body over maxResponseBytes fails without reading it whole", async () => {
    ctx.script.reply({ status: 201, body: exampleLink({ comments: "x".repeat(10_000) }) });
    const e = await ctx.harness.client({ maxResponseBytes: 4_096 }).partners.createLink({ partnerId: "pn_1" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect((e as Error).message).toContain("4096-byte limit");
  });
});
