/**
 * The fake delivers its webhook events as Dub does: signed POSTs to real receivers on loopback,
 * retried with the same body and id, duplicated or reordered on purpose. Signatures are checked
 * with Node's createHmac over the raw bytes and with the SDK's verifyWebhook.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Dub } from "../../src/index.js";
import { createFakeDub, errorReply, type FakeDub, type RunningServer } from "../../src/testing/index.js";
import { verifyWebhook } from "../../src/webhooks/index.js";

const SECRET = "whsec_0123456789abcdef0123456789abcdef";

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
}

/** A webhook receiver on 127.0.0.1 that records what arrives and answers with `statuses` in turn (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dub-webhook`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, received, close };
}

const ids = (received: readonly Received[]) => received.map((r) => (JSON.parse(r.raw) as { id: string }).id);
const triggers = (received: readonly Received[]) => received.map((r) => (JSON.parse(r.raw) as { event: string }).event);

describe("the fake's webhook deliveries", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });

  async function setup(options: { statuses?: number[]; receiver?: Record<string, unknown>; retry?: { attempts?: number; delayMs?: number } } = {}) {
    const endpoint = await receiver(options.statuses);
    const fake: FakeDub = createFakeDub({ webhooks: { receivers: [{ url: endpoint.url, secret: SECRET, ...options.receiver }], retry: { delayMs: 5, ...options.retry } } });
    const server: RunningServer = await fake.listen();
    const dub = new Dub({ serverURL: server.url, token: "dub_webhooks", retryConfig: { strategy: "none" } });
    cleanup.push(() => dub.close(), () => server.close(), endpoint.close);
    return { endpoint, fake, dub };
  }

  it("POSTs partner.enrolled, signed with the whole secret over the raw body; the SDK verifies it", async () => {
    const { endpoint, fake, dub } = await setup();
    const partner = await dub.partners.create({ email: "kim@example.com", name: "Kim" });
    await fake.webhooksSettled();
    expect(endpoint.received).toHaveLength(1);
    const [delivery] = endpoint.received;
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["dub-signature"]).toBe(createHmac("sha256", SECRET).update(delivery!.raw).digest("hex"));
    const event = await verifyWebhook(delivery!.raw, delivery!.headers, SECRET);
    expect(event.event).toBe("partner.enrolled");
    expect(event.id).toMatch(/^evt_/);
    expect((event.data as { id: string }).id).toBe(partner.id);
    expect(fake.events().map((e) => e.id)).toEqual([event.id]);
  });

  it("retries a delivery the receiver refuses, with the same bytes and id, and logs every attempt", async () => {
    const { endpoint, fake, dub } = await setup({ statuses: [500, 503] });
    await dub.partners.create({ email: "kim@example.com" });
    await fake.webhooksSettled();
    expect(endpoint.received).toHaveLength(3);
    expect(new Set(endpoint.received.map((r) => r.raw)).size).toBe(1);
    expect(fake.webhookDeliveries().map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 503, false],
      [3, 200, true],
    ]);
  });

  it("gives up after the attempts are spent, and settles", async () => {
    const { endpoint, fake, dub } = await setup({ statuses: [500, 500, 500, 500, 500], retry: { attempts: 3 } });
    await dub.partners.create({ email: "kim@example.com" });
    await fake.webhooksSettled();
    expect(endpoint.received).toHaveLength(3);
    expect(fake.webhookDeliveries().every((d) => !d.ok)).toBe(true);
  });

  it("a receiver that is down is retried, and a later one that comes up gets nothing it did not subscribe to", async () => {
    const fake = createFakeDub({ webhooks: { receivers: [{ url: "http://127.0.0.1:1/nobody", secret: SECRET }], retry: { attempts: 2, delayMs: 5 } } });
    const server = await fake.listen();
    const dub = new Dub({ serverURL: server.url, token: "dub_webhooks" });
    cleanup.push(() => dub.close(), () => server.close());
    await dub.partners.create({ email: "kim@example.com" });
    await fake.webhooksSettled();
    expect(fake.webhookDeliveries().map((d) => [d.attempt, d.status])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });

  it("duplicate: true delivers every event twice with the same id", async () => {
    const { endpoint, fake, dub } = await setup({ receiver: { duplicate: true } });
    await dub.partners.create({ email: "kim@example.com" });
    await fake.webhooksSettled();
    expect(ids(endpoint.received)).toHaveLength(2);
    expect(new Set(ids(endpoint.received)).size).toBe(1);
  });

  it("outOfOrder: true delivers the later of two events first", async () => {
    const { endpoint, fake, dub } = await setup({ receiver: { outOfOrder: true } });
    await dub.partners.create({ email: "first@example.com" });
    await dub.partners.create({ email: "second@example.com" });
    await fake.webhooksSettled();
    const recorded = fake.events().map((e) => e.id);
    expect(ids(endpoint.received)).toEqual([recorded[1], recorded[0]]);
  });

  it("triggers: only the events subscribed to are delivered", async () => {
    const { endpoint, fake, dub } = await setup({ receiver: { triggers: ["partner.application_submitted"] } });
    await dub.partners.create({ email: "kim@example.com" });
    fake.seedApplication({ email: "applicant@example.com" });
    await fake.webhooksSettled();
    expect(triggers(endpoint.received)).toEqual(["partner.application_submitted"]);
    expect(fake.events().map((e) => e.event)).toEqual(["partner.enrolled", "partner.application_submitted"]);
  });

  it("an application submitted, then approved: partner.application_submitted, then partner.enrolled", async () => {
    const { endpoint, fake, dub } = await setup();
    const applicant = fake.seedApplication({ email: "applicant@example.com" });
    await dub.partnerApplications.approve({ partnerId: applicant.id });
    await fake.webhooksSettled();
    expect(triggers(endpoint.received)).toEqual(["partner.application_submitted", "partner.enrolled"]);
    const enrolled = JSON.parse(endpoint.received[1]!.raw) as { data: { status: string } };
    expect(enrolled.data.status).toBe("approved");
  });

  it("a request answered without effect leaves no event; one answered after its effect does", async () => {
    const { endpoint, fake, dub } = await setup();
    fake.inject({ fault: { kind: "reset-before-response" }, status: 201 }, { route: "POST /partners" });
    await expect(dub.partners.create({ email: "lost@example.com" })).rejects.toThrow();
    fake.inject(errorReply("internal_server_error"), { route: "POST /partners", afterEffect: true });
    await expect(dub.partners.create({ email: "done@example.com" })).rejects.toThrow();
    await fake.webhooksSettled();
    expect(endpoint.received).toHaveLength(1);
    const [event] = endpoint.received.map((r) => JSON.parse(r.raw) as { data: { email: string } });
    expect(event!.data.email).toBe("done@example.com");
  });

  it("a seeded bounty is delivered as bounty.created, which verifies as the typed event; reviewing a submission sends none", async () => {
    const { endpoint, fake, dub } = await setup({ receiver: { triggers: ["bounty.created", "bounty.updated"] } });
    const partner = await dub.partners.create({ email: "kim@example.com" });
    const bounty = fake.seedBounty({ name: "Post a review", rewardAmount: 5000 });
    await fake.webhooksSettled();
    expect(triggers(endpoint.received)).toEqual(["bounty.created"]);
    const event = await verifyWebhook(endpoint.received[0]!.raw, endpoint.received[0]!.headers, SECRET);
    if (event.event !== "bounty.created") throw new Error(`expected bounty.created, got ${event.event}`);
    expect(event.data).toMatchObject({ id: bounty.id, name: "Post a review", type: "submission", rewardAmount: 5000, startsAt: bounty.createdAt, groups: [] });

    const submission = fake.seedBountySubmission({ bountyId: bounty.id, partnerId: partner.id });
    await dub.bounties.approveSubmission({ bountyId: bounty.id, submissionId: submission.id });
    await fake.webhooksSettled();
    expect(triggers(endpoint.received)).toEqual(["bounty.created"]);
  });

  it("refuses a receiver with a bad URL or a secret Dub would not issue", () => {
    const fake = createFakeDub();
    expect(() => fake.addWebhookReceiver({ url: "not a url", secret: SECRET })).toThrow(TypeError);
    expect(() => fake.addWebhookReceiver({ url: "ftp://127.0.0.1/x", secret: SECRET })).toThrow(/http/);
    expect(() => fake.addWebhookReceiver({ url: "http://127.0.0.1/x", secret: "whsec_short" })).toThrow(/32 hexadecimal/);
    expect(() => createFakeDub({ webhooks: { retry: { attempts: 0 } } })).toThrow(RangeError);
  });

  it("reset() forgets the events and the deliveries", async () => {
    const { fake, dub } = await setup();
    await dub.partners.create({ email: "kim@example.com" });
    await fake.webhooksSettled();
    fake.reset();
    expect(fake.events()).toEqual([]);
    expect(fake.webhookDeliveries()).toEqual([]);
  });
});
