import { Agent, ProxyAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dub, SDKValidationError, type DubOptions } from "../../src/index.js";
import { createFakeDub, type FakeDub, type RunningServer } from "../../src/testing/index.js";
import { serveHttps, TEST_CA } from "../helpers/https-server.js";
import { startProxy, type TestProxy } from "../helpers/proxy.js";
import { TOKEN } from "../helpers/transports.js";

const PROXY_VARIABLES = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"];

let proxy: TestProxy;
let fake: FakeDub;
let server: RunningServer;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeEach(async () => {
  // Whatever the machine has set must not decide these tests.
  for (const name of PROXY_VARIABLES) vi.stubEnv(name, undefined);
  proxy = await startProxy();
  fake = createFakeDub();
  server = await fake.listen();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
  await proxy.close();
  vi.unstubAllEnvs();
});

function client(options: DubOptions): Dub {
  const dub = new Dub({ serverURL: server.url, token: TOKEN, retryConfig: { strategy: "none" }, ...options });
  cleanups.push(() => dub.close());
  return dub;
}

/** The proxy saw the API key nowhere it has no business reading it: neither in a CONNECT request nor in Proxy-Authorization. */
function expectNoKeyInProxyHeaders() {
  for (const request of proxy.requests) {
    expect(request.headers["proxy-authorization"] ?? "").not.toContain(TOKEN);
    if (request.method === "CONNECT") expect(JSON.stringify(request.headers)).not.toContain(TOKEN);
  }
}

describe("dispatcher: an undici Dispatcher of the caller's", () => {
  it("a ProxyAgent: every request goes through the proxy's CONNECT tunnel, and the key stays out of the proxy's headers and the logs", async () => {
    const agent = new ProxyAgent(proxy.url);
    cleanups.push(() => agent.close());
    const lines: string[] = [];
    const dub = client({ dispatcher: agent, debugLogger: { debug: (...args) => lines.push(JSON.stringify(args)) } });
    const partner = await dub.partners.create({ email: "kim@example.com" });
    await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/a" });

    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /partners", "POST /partners/links"]);
    const port = new URL(server.url).port;
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(new Set(proxy.requests.map((r) => `${r.method} ${r.target}`))).toEqual(new Set([`CONNECT 127.0.0.1:${port}`]));
    expect(proxy.tunnelled()).toContain("POST /partners/links HTTP/1.1");
    expectNoKeyInProxyHeaders();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("a ProxyAgent without tunnelling: plain http requests are forwarded by absolute URI", async () => {
    const agent = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
    cleanups.push(() => agent.close());
    await client({ dispatcher: agent }).partners.create({ email: "kim@example.com" });
    expect(proxy.requests.map((r) => `${r.method} ${r.target}`)).toEqual([`POST ${server.url}/partners`]);
    expect(fake.requests).toHaveLength(1);
    expectNoKeyInProxyHeaders();
  });

  it("https through the proxy: a CONNECT tunnel that carries only TLS, so the proxy never reads the key", async () => {
    const tls = await serveHttps(fake.handler);
    cleanups.push(() => tls.close());
    const agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: TEST_CA } });
    cleanups.push(() => agent.close());
    const dub = new Dub({ serverURL: tls.url, token: TOKEN, dispatcher: agent });
    cleanups.push(() => dub.close());
    await expect(dub.partners.create({ email: "kim@example.com" })).resolves.toMatchObject({ email: "kim@example.com" });

    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(proxy.requests.map((r) => r.method)).toEqual(["CONNECT"]);
    const seen = proxy.tunnelled();
    expect(seen.length).toBeGreaterThan(100);
    expect(seen).not.toContain(TOKEN);
    expect(seen).not.toContain("POST /partners");
    expectNoKeyInProxyHeaders();
  });

  it("stays the caller's: close() leaves it open and usable", async () => {
    const agent = new Agent();
    cleanups.push(() => agent.close());
    const dub = client({ dispatcher: agent });
    await dub.partners.create({ email: "kim@example.com" });
    await dub.close();
    expect(agent.closed).toBe(false);
    // The same client keeps sending through it after close(), and so does anyone else.
    await dub.partners.create({ email: "lee@example.com" });
    const reply = await agent.request({ origin: server.url, path: "/partners", method: "GET", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(reply.statusCode).toBe(200);
    await reply.body.text();
    expect(fake.requests).toHaveLength(3);
  });
});

describe('proxy: "env", through undici\'s EnvHttpProxyAgent', () => {
  it("sends through the proxy HTTP_PROXY names, with the proxy's own credentials and never the key in Proxy-Authorization", async () => {
    const withCredentials = proxy.url.replace("http://", "http://proxyuser:proxypass@");
    vi.stubEnv("HTTP_PROXY", withCredentials);
    await client({ proxy: "env" }).partners.create({ email: "kim@example.com" });

    expect(fake.requests).toHaveLength(1);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0]!.method).toBe("CONNECT");
    expect(proxy.requests[0]!.headers["proxy-authorization"]).toBe(`Basic ${Buffer.from("proxyuser:proxypass").toString("base64")}`);
    expectNoKeyInProxyHeaders();
  });

  it("goes direct to the hosts NO_PROXY lists", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", "localhost,127.0.0.1");
    await client({ proxy: "env" }).partners.create({ email: "kim@example.com" });
    expect(fake.requests).toHaveLength(1);
    expect(proxy.requests).toHaveLength(0);
  });

  it("is opt-in: with HTTP_PROXY set and no proxy option, requests go direct", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("HTTPS_PROXY", proxy.url);
    await client({}).partners.create({ email: "kim@example.com" });
    expect(fake.requests).toHaveLength(1);
    expect(proxy.requests).toHaveLength(0);
  });

  it("close() closes the proxy agent the client made: its tunnel ends", async () => {
    vi.stubEnv("HTTP_PROXY", proxy.url);
    const dub = client({ proxy: "env" });
    await dub.partners.create({ email: "kim@example.com" });
    expect(proxy.openTunnels).toBe(1);
    await dub.close();
    await vi.waitFor(() => expect(proxy.openTunnels).toBe(0), { timeout: 2_000, interval: 10 });
  });

  it("an unreachable proxy is a ConnectionError that names no key", async () => {
    await proxy.close();
    vi.stubEnv("HTTP_PROXY", proxy.url);
    const error = await client({ proxy: "env" })
      .partners.create({ email: "kim@example.com" })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("ConnectionError");
    expect((error as { requestSent: boolean }).requestSent).toBe(false);
    expect(String((error as Error).message)).not.toContain(TOKEN);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("choosing how requests leave", () => {
  it.each([
    ["fetch and dispatcher", { fetch: globalThis.fetch, dispatcher: new Agent() }, ["dispatcher"], /dispatcher/],
    ["fetch and proxy", { fetch: globalThis.fetch, proxy: "env" as const }, ["proxy"], /fetch and proxy/],
    ["dispatcher and proxy", { dispatcher: new Agent(), proxy: "env" as const }, ["proxy"], /dispatcher and proxy/],
  ])("%s together are refused at construction", (_name, options, path, message) => {
    const error = (() => {
      try {
        new Dub({ token: TOKEN, ...options });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path)).toContainEqual(path);
    expect((error as Error).message).toMatch(message);
  });

  it("a dispatcher without dispatch(), or a proxy setting other than \"env\", is refused", () => {
    expect(() => new Dub({ token: TOKEN, dispatcher: {} as never })).toThrow(/dispatcher: expected an undici Dispatcher/);
    expect(() => new Dub({ token: TOKEN, proxy: "HTTPS_PROXY" as never })).toThrow(/proxy: must be one of env/);
  });
});
