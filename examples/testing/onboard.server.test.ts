// Testing your code against the fake Dub API served over real HTTP on 127.0.0.1.
import { Dub, InternalServerError } from "dub-partners";
import { createFakeDub, errorReply, type RunningServer } from "dub-partners/testing";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { onboardPartner, reserveVanityLink } from "./onboard.js";

const fake = createFakeDub();
let server: RunningServer;
let dub: Dub;

beforeAll(async () => {
  server = await fake.listen();
  dub = new Dub({ serverURL: server.url, token: "dub_test" });
});
afterAll(async () => {
  await dub.close();
  await server.close();
});
beforeEach(() => fake.reset());

it("onboarding twice gives the same link, and the server holds one partner", async () => {
  const user = { id: "user_42", email: "kim@example.com", name: "Kim Lee" };
  const first = await onboardPartner(dub, user);
  const second = await onboardPartner(dub, user);
  expect(second.id).toBe(first.id);
  expect(fake.partners()).toHaveLength(1);
  expect(fake.partners()[0]).toMatchObject({ email: "kim@example.com", tenantId: "user_42" });
});

it("a taken vanity key is reported as undefined", async () => {
  const { id } = await dub.partners.create({ email: "kim@example.com" });
  expect(await reserveVanityLink(dub, id, "kim")).toMatchObject({ key: "kim" });
  expect(await reserveVanityLink(dub, id, "kim")).toBeUndefined();
});

it("a server failure after the link was created surfaces once, with no duplicate", async () => {
  const { id } = await dub.partners.create({ email: "kim@example.com" });
  const before = fake.links().length;
  fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
  await expect(reserveVanityLink(dub, id, "summer")).rejects.toBeInstanceOf(InternalServerError);
  expect(fake.links().length - before).toBe(1);
});
