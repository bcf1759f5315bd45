import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { knownOptions } from "../../src/core/option-names.js";
import { dubOptionsSchema } from "../../src/core/options-schema.js";
import { Dub, type DubOptions, SDKValidationError } from "../../src/index.js";
import { TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

/** The error `new Dub(options)` throws. */
function clientError(options: unknown): SDKValidationError {
  try {
    new Dub({ token: "dub_x", ...(options as DubOptions) });
  } catch (error) {
    expect(error).toBeInstanceOf(SDKValidationError);
    return error as SDKValidationError;
  }
  throw new Error("expected new Dub() to throw");
}

describe("an unknown client option is refused with what to write instead", () => {
  it.each([
    ["serverUrl", { serverUrl: "https://api.dub.co" }, ["serverUrl"], 'did you mean "serverURL"?'],
    ["timeout", { timeout: 5_000 }, ["timeout"], 'did you mean "timeoutMs"?'],
    ["debugloger", { debugloger: console }, ["debugloger"], 'did you mean "debugLogger"?'],
    ["retries (the per-call name)", { retries: { strategy: "none" } }, ["retries"], "on the client it is `retryConfig`"],
    ["retryConfig.backof", { retryConfig: { strategy: "backoff", backof: { maxElapsedTime: 1 } } }, ["retryConfig", "backof"], 'did you mean "backoff"?'],
    ["retryConfig.retryConnectionError", { retryConfig: { strategy: "backoff", retryConnectionError: false } }, ["retryConfig", "retryConnectionError"], 'did you mean "retryConnectionErrors"?'],
    ["retryConfig.maxRetries", { retryConfig: { strategy: "backoff", maxRetries: 3 } }, ["retryConfig", "maxRetries"], "there is no attempt count"],
    ["backoff.initialIntervalMs", { retryConfig: { strategy: "backoff", backoff: { initialIntervalMs: 100 } } }, ["retryConfig", "backoff", "initialIntervalMs"], 'did you mean "initialInterval"?'],
    ["hooks.afterRespone", { hooks: { afterRespone: () => {} } }, ["hooks", "afterRespone"], 'did you mean "afterResponse"?'],
    ["hooks.onResponse", { hooks: { onResponse: () => {} } }, ["hooks", "onResponse"], "the options here are beforeRequest, afterResponse, onError"],
    ["signal (a per-call option)", { signal: AbortSignal.timeout(1_000) }, ["signal"], "it is a per-call option"],
  ])("%s", (_name, options, path, message) => {
    const error = clientError(options);
    expect(error.issues).toEqual([{ path, code: "unknown_option", message: expect.stringContaining(message) }]);
    expect(error.message).toContain(message);
  });

  it.each([
    ["httpClient", "pass `fetch`"],
    ["serverIdx", "use `serverURL`"],
    ["server", "use `serverURL`"],
    ["security", "use `token`"],
    ["userAgent", "hooks.beforeRequest"],
    ["retryCodes", "retryNonIdempotent"],
  ])("the official dub option %s says what to use instead", (name, instead) => {
    const error = clientError({ [name]: 1 });
    expect(error.issues).toEqual([{ path: [name], code: "unknown_option", message: expect.stringContaining(instead) }]);
  });

  it("lists every unknown option at once, with the other problems", () => {
    const error = clientError({ serverUrl: "x", retries: {}, timeoutMs: -1 });
    expect(error.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["serverUrl", "retries", "timeoutMs"]));
  });

  it("a far-off name gets the list of the names that exist instead of a wrong guess", () => {
    const error = clientError({ zzzzzzzz: true });
    expect(error.issues[0]!.message).toContain("the options here are token, serverURL");
  });

  it("console as the debugLogger is not checked for unknown names", () => {
    expect(() => new Dub({ token: "dub_x", debugLogger: console })).not.toThrow();
  });

  it("every official dub client option is either an option here or has an answer", () => {
    // The options of dub's SDK, from its source: `SDKOptions` in lib/config.ts.
    const source = readFileSync(new URL("../../node_modules/dub/src/lib/config.ts", import.meta.url), "utf8");
    const block = source.slice(source.indexOf("export type SDKOptions = {"), source.indexOf("};", source.indexOf("export type SDKOptions = {")));
    const names = [...block.matchAll(/^\s{2}(\w+)\?:/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(["token", "httpClient", "serverIdx", "serverURL", "retryConfig", "timeoutMs", "debugLogger"]));
    const ours = knownOptions(dubOptionsSchema, []);
    for (const name of names) {
      const build = () => new Dub({ token: "dub_x", [name]: name === "token" ? "dub_x" : undefined } as DubOptions);
      if (ours.includes(name)) {
        expect(build).not.toThrow();
        continue;
      }
      expect(build).toThrow(SDKValidationError);
      expect(clientError({ [name]: undefined }).issues[0]!.message).not.toContain("the options here are");
    }
  });
});

describe.each(TRANSPORTS)("an unknown per-call option is refused before anything is sent ($name)", (transport) => {
  const ctx = useScriptedServer(transport);

  it.each([
    ["retryConfig (the client's name)", { retryConfig: { strategy: "none" } }, ["retryConfig"], "per call it is `retries`"],
    ["retries.backof", { retries: { strategy: "backoff", backof: {} } }, ["retries", "backof"], 'did you mean "backoff"?'],
    ["timeout", { timeout: 5 }, ["timeout"], 'did you mean "timeoutMs"?'],
    ["header", { header: { "x-a": "1" } }, ["header"], 'did you mean "headers"?'],
    ["retryCodes (dub)", { retryCodes: ["500"] }, ["retryCodes"], "retried statuses"],
    ["fetchOptions (dub)", { fetchOptions: { cache: "no-store" } }, ["fetchOptions"], "pass `signal` and `headers` directly"],
    ["redirect (dub's RequestInit)", { redirect: "follow" }, ["redirect"], "redirects are never followed"],
    ["serverURL (a client option)", { serverURL: "https://other.example" }, ["serverURL"], "it is a client option"],
  ])("%s", async (_name, options, path, message) => {
    const error = (await ctx.harness.client().partners.create({ email: "kim@example.com" }, options as never).catch((e: unknown) => e)) as SDKValidationError;
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error.issues).toEqual([{ path, code: "unknown_option", message: expect.stringContaining(message) }]);
    expect(ctx.script.received).toHaveLength(0);
  });
});
