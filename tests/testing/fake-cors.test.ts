import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createFakeDub, type RunningServer, type ServeOptions } from "../../src/testing/index.js";
import { fakeDubHandlers } from "../../src/testing/msw.js";

const APP = "http://localhost:5173";
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: ServeOptions = {}) {
  const fake = createFakeDub();
  const server = await fake.listen(options);
  servers.push(server);
  return { fake, url: server.url };
}

/** The preflight a browser sends before the SDK's POST (it carries Authorization and JSON). */
const preflight = (url: string, origin = APP, requestHeaders = "authorization,content-type") =>
  fetch(`${url}/partners`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
  });

const create = (url: string, origin = APP) =>
  fetch(`${url}/partners`, {
    method: "POST",
    headers: { origin, authorization: "Bearer dub_cors", "content-type": "application/json" },
    body: JSON.stringify({ email: "kim@example.com" }),
  });

describe("CORS on the fake's HTTP server", () => {
  it("is off by default, like the real API: a preflight gets no CORS header and reaches the fake as an unknown route", async () => {
    const { fake, url } = await serve();
    const answer = await preflight(url);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.status).toBe(404);
    expect(fake.requests.map((r) => r.method)).toEqual(["OPTIONS"]);
    const created = await create(url);
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("cors: true answers preflights itself (not recorded) and lets the page read replies and rate-limit headers", async () => {
    const { fake, url } = await serve({ cors: true });
    const answer = await preflight(url);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(APP);
    expect(answer.headers.get("access-control-allow-methods")).toContain("POST");
    expect(answer.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    expect(fake.requests).toEqual([]);

    const created = await create(url);
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe(APP);
    expect(created.headers.get("access-control-expose-headers")).toContain("x-ratelimit-remaining");
    expect(created.headers.get("vary")).toBe("Origin");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /partners"]);
  });

  it("cors: { origins } lets in the origins listed only", async () => {
    const { url } = await serve({ cors: { origins: [APP] } });
    expect((await preflight(url)).headers.get("access-control-allow-origin")).toBe(APP);
    const stranger = await preflight(url, "https://evil.example");
    expect(stranger.status).toBe(204);
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    expect((await create(url, "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("echoes only a list of header names, never other text from the preflight", async () => {
    const { url } = await serve({ cors: true });
    const answer = await preflight(url, APP, "authorization, <script>");
    expect(answer.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
  });

  it("refuses a cors setting it cannot use", () => {
    expect(() => createFakeDub().listen({ cors: { origins: "http://x" as never } })).toThrow(/cors must be/);
  });
});

describe("CORS on the fake's msw handlers", () => {
  it("answers preflights and adds the headers when asked, as the HTTP server does", async () => {
    const fake = createFakeDub();
    const msw = setupServer(...fakeDubHandlers(fake, "https://api.dub.test", { cors: true }));
    msw.listen({ onUnhandledRequest: "error" });
    try {
      const answer = await preflight("https://api.dub.test");
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(APP);
      const created = await create("https://api.dub.test");
      expect(created.status).toBe(201);
      expect(created.headers.get("access-control-allow-origin")).toBe(APP);
      expect(fake.requests.map((r) => r.method)).toEqual(["POST"]);
    } finally {
      msw.close();
    }
  });
});
