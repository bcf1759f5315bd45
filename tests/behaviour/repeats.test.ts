/**
 * A repeat that meets the effect of an earlier attempt whose answer was lost: reported as
 * `AlreadyApplied` (the work is done), and only then; the same refusal on a first attempt is the
 * plain error. Over both transports, with the failure injected by a scripted server.
 */
import { describe, expect, it } from "vitest";
import { AlreadyApplied, BadRequest, DubError, InternalServerError, NotFound, SDKError } from "../../src/index.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const refusal = (status: number, message: string) => ({ status, body: { error: { code: status === 404 ? "not_found" : "bad_request", message } } });

describe.each(TRANSPORTS)("repeats after a lost answer ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("ban: a 503 after the effect, then the server's 'already banned': AlreadyApplied, its cause the 503", async () => {
    ctx.script.reply({ status: 503, body: "" }, refusal(400, "This partner is already banned from your program."));
    const error = await ctx.harness
      .client()
      .partners.ban({ partnerId: "pn_1", reason: "fraud" })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyApplied);
    expect(error).toBeInstanceOf(DubError);
    expect(error).not.toBeInstanceOf(BadRequest);
    const applied = error as AlreadyApplied;
    expect(applied.statusCode).toBe(400);
    expect(applied.message).toMatch(/already banned.*earlier attempt of this call took effect/);
    expect(applied.cause).toBeInstanceOf(SDKError);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("approve: a reset after the request was read, then 'already approved': AlreadyApplied", async () => {
    ctx.script.reply({ status: 200, fault: { kind: "reset-before-response" } }, refusal(400, "This enrollment cannot be approved because it is already approved."));
    await expect(ctx.harness.client().partnerApplications.approve({ partnerId: "pn_1" })).rejects.toBeInstanceOf(AlreadyApplied);
    expect(ctx.script.received).toHaveLength(2);
  });

  it("reject: a 500, then the 404 of an instant rejection that removed the enrollment: AlreadyApplied", async () => {
    ctx.script.reply(refusal(500, "boom"), refusal(404, "Program enrollment not found."));
    const error = await ctx.harness
      .client()
      .partnerApplications.reject({ partnerId: "pn_1", reapplicationTimeframe: "instant" })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyApplied);
    expect((error as AlreadyApplied).cause).toBeInstanceOf(InternalServerError);
  });

  it("the same refusal on a first attempt is the plain error: someone else did it", async () => {
    ctx.script.reply(refusal(400, "This partner is already banned from your program."));
    const error = await ctx.harness
      .client()
      .partners.ban({ partnerId: "pn_1", reason: "fraud" })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequest);
    expect(error).not.toBeInstanceOf(AlreadyApplied);
    expect(ctx.script.received).toHaveLength(1);
  });

  it("a 429 before the refusal proves nothing was done: the refusal stays a BadRequest", async () => {
    ctx.script.reply({ status: 429, headers: { "retry-after": "0" }, body: { error: { code: "rate_limit_exceeded", message: "slow down" } } }, refusal(400, "already banned"));
    await expect(ctx.harness.client().partners.ban({ partnerId: "pn_1", reason: "fraud" })).rejects.toBeInstanceOf(BadRequest);
  });

  it("a 503 then a 400 for another reason stays that BadRequest: only the server's 'already' refusal means done", async () => {
    ctx.script.reply({ status: 503, body: "" }, refusal(400, "This partner is not approved yet to be banned."));
    const error = await ctx.harness
      .client()
      .partners.ban({ partnerId: "pn_1", reason: "fraud" })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequest);
    expect(error).not.toBeInstanceOf(AlreadyApplied);
  });

  it("a 404 after a lost answer on an operation that is not a delete stays a NotFound", async () => {
    ctx.script.reply({ status: 503, body: "" }, refusal(404, "Partner not found."));
    await expect(ctx.harness.client().partners.ban({ partnerId: "pn_1", reason: "fraud" })).rejects.toBeInstanceOf(NotFound);
  });
});
