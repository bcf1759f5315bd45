import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, Dub, HTTPClientError, TransportUnavailableError } from "../../src/index.js";
import { createFakeDub } from "../../src/testing/index.js";
import { TOKEN } from "../helpers/transports.js";

// undici as a broken install leaves it: its modules fail to evaluate. The Node transport loads
// the pool module first, and would reach the package entry only if that module were missing.
vi.mock("undici/lib/dispatcher/pool.js", () => ({
  get default() {
    throw new SyntaxError("Unexpected token 'export'");
  },
}));

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("when the Node transport cannot load undici", () => {
  it("the call fails at once with TransportUnavailableError: nothing sent, not retried, not a ConnectionError", async () => {
    const fake = createFakeDub();
    const server = await fake.listen();
    servers.push(server);
    const failures: unknown[] = [];
    const dub = new Dub({
      serverURL: server.url,
      token: TOKEN,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1, maxElapsedTime: 5_000 }, retryNonIdempotent: true },
      hooks: { onError: ({ error }) => void failures.push(error) },
    });
    const error = await dub.partners.create({ email: "kim@example.com" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransportUnavailableError);
    expect(error).toBeInstanceOf(HTTPClientError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    const e = error as TransportUnavailableError;
    expect(e.requestSent).toBe(false);
    expect(e.message).toMatch(/^\[POST \/partners\] could not load undici's Pool.*Unexpected token 'export'; nothing was sent$/);
    expect(e.cause).toBeInstanceOf(SyntaxError);
    expect(e.message).not.toContain(TOKEN);
    expect(failures).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
    await dub.close();
  });

  it("a client with its own dispatcher does not need undici's pool and works", async () => {
    const { Agent } = await import("undici");
    const fake = createFakeDub();
    const server = await fake.listen();
    servers.push(server);
    const agent = new Agent();
    const dub = new Dub({ serverURL: server.url, token: TOKEN, dispatcher: agent });
    await expect(dub.partners.create({ email: "kim@example.com" })).resolves.toMatchObject({ email: "kim@example.com" });
    expect(fake.requests).toHaveLength(1);
    await dub.close();
    await agent.close();
  });
});
