// Testing your code against the fake Dub API through msw: no port, requests never leave the process.
import { Dub } from "dub-partners";
import { createFakeDub } from "dub-partners/testing";
import { fakeDubHandlers } from "dub-partners/testing/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { onboardPartner } from "./onboard.js";

const fake = createFakeDub();
const server = setupServer(...fakeDubHandlers(fake)); // serves https://api.dub.co
// msw intercepts the global fetch, so the client is given fetch (undici bypasses interceptors).
const dub = new Dub({ token: "dub_test", fetch: (url, init) => fetch(url, init) });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => fake.reset());
afterAll(() => server.close());

it("onboards a partner and records what reached the API", async () => {
  const link = await onboardPartner(dub, { id: "user_7", email: "lee@example.com", name: "Lee" });
  expect(link.url).toBe("https://acme.com/pricing");
  expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /partners", "PUT /partners/links/upsert"]);
  expect(JSON.parse(fake.requests[0]!.body)).toEqual({ email: "lee@example.com", name: "Lee", tenantId: "user_7" });
});

it("rides out an injected 503 on the idempotent upsert", async () => {
  fake.inject({ status: 503, body: "" }, { route: "PUT /partners/links/upsert" });
  await onboardPartner(dub, { id: "user_8", email: "max@example.com", name: "Max" });
  expect(fake.requests.filter((r) => r.method === "PUT")).toHaveLength(2);
});
