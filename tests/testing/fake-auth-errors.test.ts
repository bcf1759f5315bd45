import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BadRequest, Conflict, Dub, NotFound, Unauthorized } from "../../src/index.js";
import { createFakeDub, errorReply, type RunningServer } from "../../src/testing/index.js";
import { docUrl } from "../../src/testing/fake/api-error.js";
import { call } from "./helpers/http.js";
import { assertSpecResponse } from "./helpers/spec.js";

const fake = createFakeDub();
const strict = createFakeDub({ token: "dub_secret_1" });
let server: RunningServer;
let strictServer: RunningServer;

beforeAll(async () => {
  [server, strictServer] = await Promise.all([fake.listen(), strict.listen()]);
});
afterEach(() => {
  fake.reset();
  strict.reset();
});
afterAll(() => Promise.all([server.close(), strictServer.close()]));

describe("authentication", () => {
  it("answers 401 unauthorized without an Authorization header, with a non-Bearer one, or a non-dub_ key", async () => {
    const cases = [{ token: null }, { token: "sk_live_123" }, { token: "dub_" }, { token: null, headers: { authorization: "Basic ZHViX3g6" } }];
    for (const options of cases) {
      const res = await call(server.url, "POST", "/partners", { email: "kim@example.com" }, options);
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: "unauthorized", message: expect.any(String), doc_url: "https://dub.co/docs/api-reference/errors#unauthorized" });
      assertSpecResponse("POST", "/partners", 401, res.json);
    }
    expect(fake.partners()).toHaveLength(0);
  });

  it("accepts any dub_ key by default, and only the configured one when `token` is set", async () => {
    expect((await call(server.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_anything" })).status).toBe(201);
    expect((await call(strictServer.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_anything" })).status).toBe(401);
    expect((await call(strictServer.url, "POST", "/partners", { email: "a@example.com" }, { token: "dub_secret_1" })).status).toBe(201);
  });

  it("surfaces as Unauthorized in the client", async () => {
    const dub = new Dub({ serverURL: strictServer.url, token: "dub_wrong", retryConfig: { strategy: "none" } });
    await expect(dub.partners.create({ email: "kim@example.com" })).rejects.toBeInstanceOf(Unauthorized);
    await dub.close();
  });
});

describe("bodies and routes", () => {
  it("answers 400 bad_request to a body that is not JSON", async () => {
    for (const body of ["{not json", ""]) {
      const res = await call(server.url, "POST", "/partners", body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("bad_request");
      assertSpecResponse("POST", "/partners", 400, res.json);
    }
  });

  it("answers 422 to JSON that is not an object", async () => {
    const res = await call(server.url, "POST", "/partners/links", [1, 2]);
    expect(res.status).toBe(422);
    expect(res.json.error.message).toContain("body: expected object");
    assertSpecResponse("POST", "/partners/links", 422, res.json);
  });

  it("answers 404 not_found for unknown routes and for known paths with another method", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["DELETE", "/partners"],
      ["GET", "/partners/links/upsert"],
    ] as const) {
      const res = await call(server.url, method, path);
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: "not_found", doc_url: "https://dub.co/docs/api-reference/errors#not-found" });
    }
  });

  it("serves paths with a query string or a trailing slash", async () => {
    expect((await call(server.url, "POST", "/partners/?x=1", { email: "kim@example.com" })).status).toBe(201);
  });

  it("maps to the client's error classes", async () => {
    const dub = new Dub({ serverURL: server.url, token: "dub_test", retryConfig: { strategy: "none" } });
    const partner = await dub.partners.create({ email: "kim@example.com", username: "kim" });
    await expect(dub.partners.createLink({ partnerId: partner.id, key: "kim" })).rejects.toBeInstanceOf(Conflict);
    await expect(dub.partners.createLink({ partnerId: "pn_missing" })).rejects.toBeInstanceOf(NotFound);
    await expect(dub.partners.createLink({ partnerId: partner.id, url: "https://other.example" })).rejects.toBeInstanceOf(BadRequest);
    await dub.close();
  });
});

describe("error envelope", () => {
  it("builds doc_url as the real server does (first underscore only, full anchors for its 422 and 500)", () => {
    expect(docUrl("not_found")).toBe("https://dub.co/docs/api-reference/errors#not-found");
    expect(docUrl("rate_limit_exceeded")).toBe("https://dub.co/docs/api-reference/errors#rate-limit_exceeded");
    expect(docUrl("unprocessable_entity")).toBe("https://dub.co/docs/api-reference/errors#unprocessable-entity");
    expect(docUrl("internal_server_error")).toBe("https://dub.co/docs/api-reference/errors#internal-server-error");
  });

  it("errorReply gives a spec-shaped envelope with the code's status", () => {
    const reply = errorReply("internal_server_error");
    expect(reply.status).toBe(500);
    assertSpecResponse("POST", "/partners", 500, reply.body);
    expect(errorReply("invite_pending", "pending").status).toBe(409);
    expect(errorReply("exceeded_limit", "limit").status).toBe(403);
  });
});
