import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { contextOf } from "../../src/client/core-client.js";
import type { Transport } from "../../src/core/transport/types.js";
import { type Dub, SDKValidationError } from "../../src/index.js";
import { exampleLink } from "../../src/testing/fixtures.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const SECRET = "dub_percall_Zx81SecretValue";

/** The error of a call that must fail before sending, with everything a user could print of it. */
async function refused(call: Promise<unknown>): Promise<{ error: SDKValidationError; shown: string }> {
  const error = (await call.catch((e: unknown) => e)) as SDKValidationError;
  expect(error).toBeInstanceOf(SDKValidationError);
  const shown = [String(error), error.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join("\n");
  return { error, shown };
}

describe.each(TRANSPORTS)("header names and values are checked before anything is sent ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const upsert = (dub: Dub, headers: Record<string, string>) => dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }, { headers });

  it.each([
    ["a CR LF in a value (header splitting)", { "x-trace": "abc\r\nx-injected: 1" }, "x-trace", "invalid_header_value"],
    ["a lone LF in a value", { "x-trace": "abc\nx-injected: 1" }, "x-trace", "invalid_header_value"],
    ["a NUL in a value", { "x-trace": "a\u0000b" }, "x-trace", "invalid_header_value"],
    ["a character past U+00FF", { "x-name": "Zoë 🚀" }, "x-name", "invalid_header_value"],
    ["a space in a name", { "x trace": "1" }, '"x trace"', "invalid_header_name"],
    ["a colon in a name", { "x-trace:": "1" }, '"x-trace:"', "invalid_header_name"],
    ["a CR LF in a name", { "x-a\r\nx-b": "1" }, '"x-a\\r\\nx-b"', "invalid_header_name"],
  ])("%s: SDKValidationError naming the header, nothing sent, no retry", async (_case, headers, shownName, code) => {
    const { error } = await refused(upsert(ctx.harness.client(), headers));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["headers", shownName], code })]);
    expect(error.requestSent).toBe(false);
    expect(error.message).not.toMatch(/\r|\n.*x-injected/);
    expect(ctx.script.received).toHaveLength(0);
  });

  it("a per-call Authorization with a newline is refused without quoting the key", async () => {
    const { error, shown } = await refused(upsert(ctx.harness.client(), { authorization: `Bearer ${SECRET}\n` }));
    expect(error.issues[0]!.path).toEqual(["headers", "authorization"]);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain(SECRET.slice(0, 12));
    expect(ctx.script.received).toHaveLength(0);
  });

  it.each(["content-length", "Transfer-Encoding", "host", "connection"])("the framing header %s cannot be set per call", async (name) => {
    const { error } = await refused(upsert(ctx.harness.client(), { [name]: name.toLowerCase() === "content-length" ? "5" : "x" }));
    expect(error.issues).toEqual([expect.objectContaining({ path: ["headers", name], code: "framing_header" })]);
    expect(error.message).toContain("set by the client");
    expect(ctx.script.received).toHaveLength(0);
  });

  it("headers set by beforeRequest are checked too: a CR LF or a framing header fails the call, unsent and unretried", async () => {
    for (const set of [{ "x-trace": "a\r\nb" }, { "transfer-encoding": "chunked" }]) {
      const dub = ctx.harness.client({ hooks: { beforeRequest: (req) => void Object.assign(req.headers, set) } });
      const { error } = await refused(dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }));
      expect(error.message).toContain("beforeRequest");
      expect(error.issues[0]!.path).toEqual(["headers", Object.keys(set)[0]]);
    }
    expect(ctx.script.received).toHaveLength(0);
  });

  it("valid headers still go out, per call and from a hook", async () => {
    ctx.script.reply({ status: 200, body: exampleLink() });
    const dub = ctx.harness.client({ hooks: { beforeRequest: (req) => void (req.headers["x-from-hook"] = "h\t1") } });
    await upsert(dub, { "x-request-id": "r-1", "x-latin": "café" });
    expect(ctx.script.received[0]!.headers).toMatchObject({ "x-request-id": "r-1", "x-from-hook": "h\t1" });
  });
});

/** The real transport of a client, with a header added after the client's own checks: what a refusal by the HTTP client looks like. */
function smuggling(dub: Dub, name: string, value: string): void {
  const ctx = contextOf(dub) as { transport: Transport };
  const real = ctx.transport;
  ctx.transport = { send: (request) => real.send({ ...request, headers: { ...request.headers, [name]: value } }), close: () => real.close() };
}

describe.each(TRANSPORTS)("a refusal by the HTTP client itself is not a network error ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it.each([
    ["a value with CR LF", "x-bad", "a\r\nb"],
    ["a name with a space", "x bad", "1"],
  ])("%s: SDKValidationError, requestSent false, not retried even on an idempotent call", async (_case, name, value) => {
    const dub = ctx.harness.client();
    smuggling(dub, name, value);
    const error = (await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.requestSent).toBe(false);
    expect(error.issues[0]!.code).toBe("refused_by_http_client");
    expect(ctx.script.received).toHaveLength(0);
  });
});
