import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Dub, SDKValidationError } from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { TOKEN, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

function everyRendering(value: unknown): string {
  const e = value as Error;
  return [String(value), e?.message, e?.stack, JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join("\n");
}

describe.each(TRANSPORTS)("the API token never leaks ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it("not in errors, even when the server echoes the Authorization header back", async () => {
    const lines: string[] = [];
    const dub = ctx.harness.client({ debugLogger: { debug: (...args: unknown[]) => lines.push(args.map((a) => inspect(a, { depth: 10 })).join(" ")) } });
    ctx.script.reply(
      (request) => ({ status: 400, body: { error: { code: "bad_request", message: `bad header ${request.headers.authorization}` } } }),
      (request) => ({ status: 502, headers: { "content-type": "text/html" }, body: `<pre>${request.headers.authorization}</pre>` }),
      (request) => ({ status: 201, body: `not json ${request.headers.authorization}` }),
      { status: 201, fault: { kind: "reset-mid-body", afterBytes: 10 }, body: exampleLink() },
      { status: 201, delayMs: 1_000, body: exampleLink() },
    );
    const errors = [];
    for (let i = 0; i < 5; i++) {
      errors.push(await dub.partners.createLink({ partnerId: "pn_1" }, { retries: { strategy: "none" }, timeoutMs: 300 }).catch((e: unknown) => e));
    }
    expect(ctx.script.received.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect(everyRendering(error)).not.toContain(TOKEN);
    }
    expect((errors[0] as Error).message).toContain("[REDACTED]");
    expect(lines).toHaveLength(10);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).toContain("[REDACTED]");
  });

  it("not in util.inspect or JSON.stringify of the client", () => {
    const dub = ctx.harness.client();
    expect(everyRendering(dub)).not.toContain(TOKEN);
    expect(inspect(dub.partners, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(inspect(dub)).toContain("[REDACTED]");
  });
});

describe("token and URL checks", () => {
  it("a token with a newline is refused without quoting it", async () => {
    const secret = "dub_secret_with_newline";
    const dub = new Dub({ token: `${secret}\n`, serverURL: "https://api.dub.test", fetch: async () => new Response("{}") });
    const error = await dub.partners.create({ email: "kim@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(everyRendering(error)).not.toContain(secret);
    expect((error as Error).message).toContain("trailing newline");
  });

  it("refuses plain http to a non-loopback host unless allowInsecureHttp is set", () => {
    expect(() => new Dub({ token: "dub_x", serverURL: "http://api.dub.co" })).toThrow(/unencrypted/);
    expect(new Dub({ token: "dub_x", serverURL: "http://api.dub.co", allowInsecureHttp: true }).serverURL).toBe("http://api.dub.co");
    for (const loopback of ["http://localhost:4010", "http://127.0.0.1:4010", "http://[::1]:4010"]) {
      expect(new Dub({ token: "dub_x", serverURL: loopback }).serverURL).toBe(loopback);
    }
  });
});
