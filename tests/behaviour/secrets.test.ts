import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { MAX_ERROR_BODY_CHARS } from "../../src/core/constants.js";
import { ConnectionError, Dub, DubError, type HookError, type HookResponse, ResponseValidationError, SDKError } from "../../src/index.js";
import type { ReceivedRequest } from "../../src/testing/types.js";
import { TOKEN, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

/** A key passed for one call in its own Authorization header, instead of the client's. */
const PER_CALL_KEY = "dub_percall_Qm7rT2vLeakCanary";
const NO_RETRY = { retries: { strategy: "none" } } as const;

/** Everything a user (or a logger) could print of a value. */
function everyRendering(value: unknown): string {
  const e = value as Error;
  return [String(value), e?.message, e?.stack, JSON.stringify(value), inspect(value, { depth: 20, showHidden: true })].join("\n");
}

/** Fails when `text` holds a key, or its first 8 characters (a key cut short is still a leak). */
function expectNoKey(text: string): void {
  for (const key of [TOKEN, PER_CALL_KEY]) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(0, 8));
  }
}

const echo = (request: ReceivedRequest) => request.headers.authorization ?? "";

describe.each(TRANSPORTS)("no key leaves through an error or a hook ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const perCall = { ...NO_RETRY, headers: { authorization: `Bearer ${PER_CALL_KEY}` } };

  it("a per-call Authorization key is redacted like the client's, in bodies, headers, Location and debug lines", async () => {
    const lines: string[] = [];
    const dub = ctx.harness.client({ debugLogger: { debug: (...args: unknown[]) => void lines.push(inspect(args, { depth: 10 })) } });
    ctx.script.reply(
      (r) => ({ status: 400, body: { error: { code: "bad_request", message: `bad header ${echo(r)}` } } }),
      (r) => ({ status: 502, headers: { "content-type": "text/html", "x-echo": echo(r) }, body: `<pre>${echo(r)}</pre>` }),
      (r) => ({ status: 302, headers: { location: `https://elsewhere.example/?key=${echo(r).slice(7)}` }, body: "" }),
    );
    const errors: unknown[] = [];
    for (let i = 0; i < 3; i++) errors.push(await dub.partners.createLink({ partnerId: "pn_1" }, perCall).catch((e: unknown) => e));
    expect(ctx.script.received.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${PER_CALL_KEY}`));
    for (const error of errors) {
      expect(error).toBeInstanceOf(DubError);
      expectNoKey(everyRendering(error));
    }
    const [badRequest, gateway, redirect] = errors as DubError[];
    expect(badRequest!.message).toContain("[REDACTED]");
    expect(gateway!.headers["x-echo"]).toBe("[REDACTED]");
    expect(redirect!.headers.location).toBe("https://elsewhere.example/?key=[REDACTED]");
    expect(redirect!.message).toContain("https://elsewhere.example/?key=[REDACTED]");
    expect(lines).toHaveLength(6); // sent and answered, for each of the three calls
    expectNoKey(lines.join("\n"));
  });

  it("a 2XX body that is not JSON: neither the body nor the parser's error in `cause` keeps a prefix of the key", async () => {
    // V8's SyntaxError quotes the start of the input: `Unexpected token 'd', "{"a": dub_live_9"... is not valid JSON`.
    ctx.script.reply(
      (r) => ({ status: 201, headers: { "content-type": "application/json" }, body: `{"a": ${echo(r).slice(7)}}` }),
      (r) => ({ status: 201, headers: { "content-type": "application/json" }, body: `{"a": ${echo(r).slice(7)}}` }),
    );
    const dub = ctx.harness.client();
    const fromClientKey = await dub.partners.createLink({ partnerId: "pn_1" }).catch((e: unknown) => e);
    const fromCallKey = await dub.partners.createLink({ partnerId: "pn_1" }, perCall).catch((e: unknown) => e);
    for (const error of [fromClientKey, fromCallKey]) {
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
      expectNoKey(everyRendering(error));
    }
  });

  it("a long body is redacted before it is cut: no start of the key survives at the cut", async () => {
    const keep = MAX_ERROR_BODY_CHARS - 12; // the first 12 characters of the key would land inside the kept part
    ctx.script.reply((r) => ({ status: 500, headers: { "content-type": "text/plain" }, body: `${"x".repeat(keep)}${echo(r).slice(7)} and more` }));
    const error = (await ctx.harness.client().partners.createLink({ partnerId: "pn_1" }, NO_RETRY).catch((e: unknown) => e)) as SDKError;
    expect(error).toBeInstanceOf(SDKError);
    expect(error.body).toHaveLength(MAX_ERROR_BODY_CHARS);
    expectNoKey(everyRendering(error));
  });

  it("afterResponse and onError get response headers without the key", async () => {
    const seen: { after: HookResponse[]; errors: HookError[] } = { after: [], errors: [] };
    const dub = ctx.harness.client({ hooks: { afterResponse: (res) => void seen.after.push(res), onError: (e) => void seen.errors.push(e) } });
    ctx.script.reply((r) => ({ status: 404, headers: { "x-echo": `seen ${echo(r)}` }, body: { error: { code: "not_found", message: echo(r) } } }));
    await dub.partners.createLink({ partnerId: "pn_1" }, perCall).catch(() => {});
    ctx.script.reply((r) => ({ status: 404, headers: { "x-echo": `seen ${echo(r)}` }, body: { error: { code: "not_found", message: echo(r) } } }));
    await dub.partners.createLink({ partnerId: "pn_1" }).catch(() => {});
    expect(seen.after).toHaveLength(2);
    expect(seen.errors).toHaveLength(2);
    expect(seen.after[0]!.headers["x-echo"]).toBe("seen [REDACTED]");
    expectNoKey(everyRendering(seen));
  });
});

describe("a failing fetch whose error quotes the request", () => {
  it("has the key removed from the ConnectionError and its whole cause chain", async () => {
    const dub = new Dub({
      token: TOKEN,
      serverURL: "https://api.dub.test",
      retryConfig: { strategy: "none" },
      fetch: async (_url, init) => {
        const auth = (init.headers as Record<string, string>).authorization;
        const inner = Object.assign(new Error(`proxy said no to ${auth}`), { code: "ECONNRESET", sent: { authorization: auth } });
        throw new TypeError(`fetch failed (${auth})`, { cause: inner });
      },
    });
    for (const options of [undefined, { headers: { authorization: `Bearer ${PER_CALL_KEY}` } }]) {
      const error = (await dub.partners.create({ email: "kim@example.com" }, options).catch((e: unknown) => e)) as ConnectionError;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.errorCode).toBe("ECONNRESET");
      expect(error.cause).toBeInstanceOf(TypeError);
      expect(((error.cause as Error).cause as { code: string }).code).toBe("ECONNRESET");
      expectNoKey(everyRendering(error));
    }
  });
});
