/**
 * The fake's customer routes over HTTP, every reply checked against the spec: customers by ID and
 * by `ext_` + externalId, filters, sorting, paging by cursor and by number (with the server's
 * 422s), expanded fields, update (409 on a taken externalId) and delete (404 the second time).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFakeDub } from "../../src/testing/index.js";
import { call } from "./helpers/http.js";
import { serveChecked } from "./helpers/served.js";

const START = Date.parse("2026-11-24T10:00:00.000Z");
let clock = START;
const fake = createFakeDub({ seed: "customers", now: () => clock });
let url: string;
let served: Awaited<ReturnType<typeof serveChecked>>;
let partnerId: string;
let ids: string[];

/** Three customers a minute apart (user_1, user_2, user_3), the second with two sales. */
beforeEach(async () => {
  clock = START;
  partnerId = (await call(url, "POST", "/partners", { email: "kim@example.com", username: "kim" })).json.id;
  const linkId = fake.links()[0]!.id;
  for (const [i, email] of ["ana@example.com", "bo@example.com", "cy@example.org"].entries()) {
    clock += 60_000;
    const { clickId } = fake.recordClick({ linkId, country: i === 2 ? "DE" : "US" });
    await call(url, "POST", "/track/lead", { clickId, eventName: "Sign up", customerExternalId: `user_${i + 1}`, customerEmail: email, customerName: `Name ${i + 1}` });
  }
  await call(url, "POST", "/track/sale", { customerExternalId: "user_2", amount: 1000 });
  await call(url, "POST", "/track/sale", { customerExternalId: "user_2", amount: 500 });
  ids = fake.customers().map((c) => c.id);
});
beforeAll(async () => {
  served = await serveChecked(fake);
  url = served.server.url;
});
afterEach(() => {
  expect(served.checkAll()).toBeGreaterThan(0);
  fake.reset();
});
afterAll(() => served.server.close());

const list = async (query = "") => {
  const res = await call(url, "GET", `/customers${query}`);
  expect(res.status).toBe(200);
  return (res.json as { externalId: string }[]).map((c) => c.externalId);
};

describe("GET /customers", () => {
  it("newest first by default; oldest first with sortOrder asc; by saleAmount", async () => {
    expect(await list()).toEqual(["user_3", "user_2", "user_1"]);
    expect(await list("?sortOrder=asc")).toEqual(["user_1", "user_2", "user_3"]);
    expect((await list("?sortBy=saleAmount"))[0]).toBe("user_2");
  });

  it("filters: email over externalId over search; country, linkId, partnerId", async () => {
    expect(await list("?email=bo@example.com&externalId=user_1")).toEqual(["user_2"]);
    expect(await list("?externalId=user_1&search=cy")).toEqual(["user_1"]);
    expect(await list("?search=example.org")).toEqual(["user_3"]);
    expect(await list("?search=NAME%201")).toEqual(["user_1"]);
    expect(await list("?search=bo@example.com")).toEqual(["user_2"]);
    expect(await list("?country=DE")).toEqual(["user_3"]);
    expect(await list(`?partnerId=${partnerId}`)).toHaveLength(3);
    expect(await list("?partnerId=pn_other")).toEqual([]);
    expect(await list(`?linkId=${fake.links()[0]!.id}`)).toHaveLength(3);
  });

  it("pages by cursor, either way, and by number", async () => {
    expect(await list(`?pageSize=1&startingAfter=${ids[2]}`)).toEqual(["user_2"]);
    expect(await list(`?pageSize=2&startingAfter=${ids[2]}`)).toEqual(["user_2", "user_1"]);
    expect(await list(`?sortOrder=asc&startingAfter=${ids[0]}`)).toEqual(["user_2", "user_3"]);
    expect(await list(`?endingBefore=${ids[0]}&pageSize=1`)).toEqual(["user_2"]);
    expect(await list("?page=2&pageSize=2")).toEqual(["user_1"]);
  });

  it("422 for an unknown cursor and for the combinations the server refuses", async () => {
    for (const query of ["?startingAfter=cus_nope", `?startingAfter=${ids[0]}&endingBefore=${ids[1]}`, `?startingAfter=${ids[0]}&page=1`, `?startingAfter=${ids[0]}&sortBy=saleAmount`, "?page=1001"]) {
      const res = await call(url, "GET", `/customers${query}`);
      expect(res.status, query).toBe(422);
    }
  });

  it("expanded fields on request only", async () => {
    const plain = (await call(url, "GET", "/customers?externalId=user_1")).json[0];
    expect(plain).not.toHaveProperty("link");
    const expanded = (await call(url, "GET", "/customers?externalId=user_1&includeExpandedFields=true")).json[0];
    expect(expanded).toMatchObject({ link: { key: "kim" }, partner: { id: partnerId }, discount: null, programId: expect.any(String) });
  });
});

describe("GET·PATCH·DELETE /customers/{id}", () => {
  it("by ID and by ext_ + externalId; 404 for neither", async () => {
    const byId = await call(url, "GET", `/customers/${ids[1]}`);
    expect(byId.json).toMatchObject({ id: ids[1], externalId: "user_2", sales: 2, saleAmount: 1500 });
    expect((await call(url, "GET", "/customers/ext_user_2")).json.id).toBe(ids[1]);
    const missing = await call(url, "GET", "/customers/ext_user_9");
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
    expect((await call(url, "GET", "/customers/user_2")).status).toBe(404);
  });

  it("updates the given fields, null clears, country is ignored (as by the server)", async () => {
    const res = await call(url, "PATCH", "/customers/ext_user_1?includeExpandedFields=true", { name: "Ana Lima", email: null, country: "FR", stripeCustomerId: "cus_Q1" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "Ana Lima", email: null, country: "US", stripeCustomerId: "cus_Q1", partner: { id: partnerId } });
    expect(fake.customers()[0]).toMatchObject({ name: "Ana Lima", email: null });
  });

  it("a new externalId renames the ext_ ID; a taken one is a 409", async () => {
    await call(url, "PATCH", "/customers/ext_user_1", { externalId: "user_10" });
    expect((await call(url, "GET", "/customers/ext_user_10")).status).toBe(200);
    expect((await call(url, "GET", "/customers/ext_user_1")).status).toBe(404);
    const taken = await call(url, "PATCH", "/customers/ext_user_10", { externalId: "user_2" });
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toBe("A customer with this external ID already exists.");
    expect((await call(url, "PATCH", `/customers/${ids[1]}`, { externalId: "user_2" })).status).toBe(200);
  });

  it("a PATCH without a JSON body is a 400; an invalid email a 422", async () => {
    expect((await call(url, "PATCH", "/customers/ext_user_1")).status).toBe(400);
    expect((await call(url, "PATCH", "/customers/ext_user_1", { email: "nope" })).status).toBe(422);
  });

  it("DELETE answers the Dub ID; the second delete is a 404; the commissions stay without a customer", async () => {
    expect(fake.commissions().length).toBeGreaterThan(0);
    const res = await call(url, "DELETE", "/customers/ext_user_2");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: ids[1] });
    expect((await call(url, "DELETE", "/customers/ext_user_2")).status).toBe(404);
    expect((await call(url, "DELETE", `/customers/${ids[1]}`)).status).toBe(404);
    expect(fake.customers().map((c) => c.externalId)).toEqual(["user_1", "user_3"]);
    expect(fake.commissions().every((c) => c.customer === null)).toBe(true);
    expect((await call(url, "GET", "/commissions")).json[0].customer).toBeNull();
  });
});
