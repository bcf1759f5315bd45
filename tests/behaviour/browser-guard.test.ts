import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, Dub, SDKValidationError } from "../../src/index.js";
import { TOKEN } from "../helpers/transports.js";

/**
 * Runs `fn` with browser globals and without `process`, the way a page looks to the client.
 * Synchronous only: vitest itself needs `process` back before anything awaits.
 */
function asInBrowser<T>(fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(globalThis, "process")!;
  Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
  g.window = globalThis;
  g.document = {};
  try {
    return fn();
  } finally {
    Object.defineProperty(globalThis, "process", saved);
    delete g.window;
    delete g.document;
  }
}

const clients: Dub[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe("the browser guard", () => {
  it("refuses to build a client in a browser by default, saying why and what to do instead", () => {
    let error: unknown;
    asInBrowser(() => {
      try {
        new Dub({ token: TOKEN });
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(SDKValidationError);
    const e = error as SDKValidationError;
    expect(e.issues).toEqual([expect.objectContaining({ path: ["dangerouslyAllowBrowser"], code: "browser_not_allowed" })]);
    expect(e.message).toMatch(/in a browser the API key is readable by anyone/);
    expect(e.message).toMatch(/Call Dub from your server/);
    expect(e.message).toMatch(/referral embed token/);
    expect(e.message).toMatch(/dangerouslyAllowBrowser: true/);
    expect(e.message).not.toContain(TOKEN);
  });

  it("lets the client be built with dangerouslyAllowBrowser: true", () => {
    const dub = asInBrowser(() => new Dub({ token: TOKEN, dangerouslyAllowBrowser: true, fetch: globalThis.fetch }));
    clients.push(dub);
    expect(dub.serverURL).toBe("https://api.dub.co");
  });

  it("does not refuse outside a browser", () => {
    clients.push(new Dub({ token: TOKEN }));
  });

  it("refuses a dangerouslyAllowBrowser that is not a boolean", () => {
    expect(() => new Dub({ token: TOKEN, dangerouslyAllowBrowser: "yes" as never })).toThrow(SDKValidationError);
  });
});

describe("a fetch that fails in a browser", () => {
  it("is a ConnectionError that names CORS and the network, and is not retried", async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new TypeError("Failed to fetch");
    };
    const dub = asInBrowser(
      () =>
        new Dub({
          token: TOKEN,
          serverURL: "https://api.dub.example",
          dangerouslyAllowBrowser: true,
          fetch: failing,
          retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1, maxElapsedTime: 5_000 }, retryNonIdempotent: true },
        }),
    );
    clients.push(dub);
    const error = await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const e = error as ConnectionError;
    expect(e.errorCode).toBe("BROWSER_FETCH_FAILED");
    expect(e.message).toMatch(/browser refused the request or could not reach https:\/\/api\.dub\.example \(TypeError: Failed to fetch\)/);
    expect(e.message).toMatch(/CORS/);
    expect(e.message).toMatch(/network/);
    expect(calls).toBe(1);
  });

  it("outside a browser, the same TypeError is an ordinary connection failure, retried for an idempotent call", async () => {
    let calls = 0;
    const dub = new Dub({
      token: TOKEN,
      serverURL: "https://api.dub.example",
      fetch: async () => {
        calls++;
        throw new TypeError("fetch failed");
      },
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1, maxElapsedTime: 200 } },
    });
    clients.push(dub);
    const error = await dub.partners.upsertLink({ partnerId: "pn_1", url: "https://acme.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).errorCode).toBeUndefined();
    expect(calls).toBeGreaterThan(1);
  });
});
