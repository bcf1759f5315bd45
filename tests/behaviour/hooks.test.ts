import { describe, expect, it } from "vitest";
import { ConnectionError, type HookError, type HookRequest, type HookResponse, SDKError, SDKValidationError } from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { TOKEN, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

describe.each(TRANSPORTS)("hooks ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("run around every attempt, see no key, and can add tracing headers", async () => {
    const seen: { before: HookRequest[]; after: HookResponse[]; errors: HookError[] } = { before: [], after: [], errors: [] };
    const dub = ctx.harness.client({
      hooks: {
        beforeRequest: (req) => {
          seen.before.push(structuredClone(req));
          req.headers.traceparent = `00-trace-${req.attempt}`;
          req.headers.authorization = "Bearer stolen";
        },
        afterResponse: async (res) => {
          seen.after.push(res);
        },
        onError: (event) => {
          seen.errors.push(event);
        },
      },
    });
    ctx.script.reply({ status: 503, body: "" }, { status: 200, body: exampleLink() });
    await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" });

    expect(seen.before.map((r) => [r.operation, r.method, r.attempt])).toEqual([
      ["partners.upsertLink", "PUT", 1],
      ["partners.upsertLink", "PUT", 2],
    ]);
    expect(seen.before[0]!.headers.authorization).toBe("[REDACTED]");
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
    expect(ctx.script.received.map((r) => r.headers.traceparent)).toEqual(["00-trace-1", "00-trace-2"]);
    expect(ctx.script.received.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(seen.after.map((r) => r.status)).toEqual([503, 200]);
    expect(seen.after[1]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]!.error).toBeInstanceOf(SDKError);
  });

  it("onError sees connection failures too", async () => {
    const errors: HookError[] = [];
    const dub = ctx.harness.client({ hooks: { onError: (e) => void errors.push(e) } });
    ctx.script.reply({ status: 201, fault: { kind: "reset-before-response" } });
    await expect(dub.partners.createLink({ partnerId: "pn_1" })).rejects.toBeInstanceOf(ConnectionError);
    expect(errors.map((e) => e.error.constructor.name)).toEqual(["ConnectionError"]);
  });

  it("an error thrown by a hook fails the call with that error, without retrying", async () => {
    const dub = ctx.harness.client({
      hooks: {
        beforeRequest: () => {
          throw new Error("blocked by policy");
        },
      },
    });
    await expect(dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" })).rejects.toThrow("blocked by policy");
    expect(ctx.script.received).toHaveLength(0);
  });

  it("invalid hooks are refused at construction", () => {
    expect(() => ctx.harness.client({ hooks: { beforeRequest: "log" as never } })).toThrow(SDKValidationError);
  });
});
