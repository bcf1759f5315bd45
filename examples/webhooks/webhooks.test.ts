// The framework examples, run: each receives deliveries built as Dub makes them (with
// generateTestWebhook, as your own tests can), verifies them, and handles each event once.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import express from "express";
import { generateTestWebhook, verifyWebhook, type TestWebhook } from "dub-partners/webhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createExpressApp } from "./express-app.js";
import { createHonoApp } from "./hono-app.js";
import { POST } from "./next-route.js";
import { createWebhookServer } from "./node-http-server.js";
import { app, resetReceiver, statusFor } from "./receiver.js";

const SECRET = "whsec_5f1c0e9a2b7d4c3e8f6a1b2c3d4e5f60";
const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  resetReceiver();
  vi.stubEnv("DUB_WEBHOOK_SECRET", SECRET);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const enrolled = (id = "evt_enrolled_1", createdAt: Date = new Date()) =>
  generateTestWebhook({ id, createdAt, event: "partner.enrolled", data: { id: "pn_1", tenantId: "user_42", email: "kim@example.com" } }, SECRET);
const commission = (id = "evt_commission_1") =>
  generateTestWebhook({ id, event: "commission.created", data: { id: "cm_1", earnings: 980, currency: "usd", partner: { id: "pn_1" } } }, SECRET);
const tampered = async () => {
  const delivery = await enrolled("evt_tampered");
  return { ...delivery, body: delivery.body.replace("user_42", "user_66") };
};

/** Serves `server` on a loopback port; returns the URL of its webhook route and a way to stop it. */
async function serve(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/dub`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function post(url: string, delivery: Pick<TestWebhook, "body" | "headers">, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { method: "POST", body: delivery.body, headers: { ...delivery.headers, ...headers } });
  await response.arrayBuffer();
  return response.status;
}

describe("Next.js route handler (POST(request: Request))", () => {
  const call = (delivery: Pick<TestWebhook, "body" | "headers">) =>
    POST(new Request("http://127.0.0.1/api/webhooks/dub", { method: "POST", body: delivery.body, headers: delivery.headers })).then((r) => r.status);

  it("handles a delivery once, however often Dub retries it", async () => {
    const delivery = await enrolled();
    expect(await call(delivery)).toBe(200);
    expect(await call(delivery)).toBe(200);
    expect(app.done).toEqual(["welcome user_42 <kim@example.com>"]);
  });

  it("refuses a changed body with 400 and does nothing", async () => {
    expect(await call(await tampered())).toBe(400);
    expect(app.done).toEqual([]);
  });

  it("acknowledges a days-old replay without handling it, and an unknown trigger without failing", async () => {
    expect(await call(await enrolled("evt_old", new Date(Date.now() - 4 * DAY)))).toBe(200);
    expect(await call(await generateTestWebhook({ event: "bounty.submission_reviewed", data: {} }, SECRET))).toBe(200);
    expect(app.done).toEqual([]);
  });

  it("answers 500 when the secret is not configured, so that Dub retries once it is", async () => {
    vi.stubEnv("DUB_WEBHOOK_SECRET", "");
    const delivery = await enrolled();
    expect(await call(delivery)).toBe(500);
    vi.stubEnv("DUB_WEBHOOK_SECRET", SECRET);
    expect(await call(delivery)).toBe(200);
    expect(app.done).toHaveLength(1);
  });
});

describe("Express with express.raw on a real loopback server", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeEach(async () => {
    server = await serve(createServer(createExpressApp()));
  });
  afterEach(() => server.close());

  it("handles a delivery, refuses a forged one, and runs concurrent duplicates once", async () => {
    const delivery = await enrolled();
    expect(await Promise.all([post(server.url, delivery), post(server.url, delivery), post(server.url, delivery)])).toEqual([200, 200, 200]);
    expect(await post(server.url, await tampered())).toBe(400);
    expect(await post(server.url, { ...delivery, headers: { "Content-Type": "application/json" } as never })).toBe(400);
    expect(app.done).toEqual(["welcome user_42 <kim@example.com>"]);
  });

  it("a failure in your own code answers 500, and Dub's retry of the same event is then handled", async () => {
    const record = vi.spyOn(app, "recordCommission").mockRejectedValueOnce(new Error("database down"));
    const delivery = await commission();
    expect(await post(server.url, delivery)).toBe(500);
    expect(await post(server.url, delivery)).toBe(200);
    expect(record).toHaveBeenCalledTimes(2);
    expect(app.done).toEqual(["commission cm_1: 980 cents to pn_1"]);
  });

  it("verifies a signature made with Node's createHmac, as Dub computes it", async () => {
    const body = '{"id":"evt_hmac","event":"partner.enrolled","createdAt":"' + new Date().toISOString() + '","data":{"tenantId":"user_7","email":null}}';
    const signature = createHmac("sha256", SECRET).update(body).digest("hex");
    expect(await post(server.url, { body, headers: { "Content-Type": "application/json", "Dub-Signature": signature } as never })).toBe(200);
    expect(app.done).toEqual(["welcome user_7 <no email>"]);
  });

  it("the trap it avoids: behind express.json(), the body is parsed and verification refuses it (parsed_body)", async () => {
    const errors: unknown[] = [];
    const wrong = express();
    wrong.post("/webhooks/dub", express.json(), async (req, res) => {
      await verifyWebhook(req.body, req.headers).catch((error: unknown) => errors.push(error));
      res.sendStatus(statusFor(errors[0]));
    });
    const misconfigured = await serve(createServer(wrong));
    try {
      expect(await post(misconfigured.url, await enrolled())).toBe(500);
      expect(errors[0]).toMatchObject({ code: "parsed_body" });
      expect((errors[0] as Error).message).toContain('express.raw({ type: "application/json" })');
    } finally {
      await misconfigured.close();
    }
  });
});

describe("Hono (app.fetch, as on Workers, Bun and Deno)", () => {
  it("handles a delivery once, refuses a forged one, takes the secret as an argument", async () => {
    vi.stubEnv("DUB_WEBHOOK_SECRET", "");
    const hono = createHonoApp(SECRET);
    const send = async (delivery: Pick<TestWebhook, "body" | "headers">) =>
      (await hono.fetch(new Request("http://127.0.0.1/webhooks/dub", { method: "POST", body: delivery.body, headers: delivery.headers }))).status;
    const delivery = await enrolled();
    expect(await send(delivery)).toBe(200);
    expect(await send(delivery)).toBe(200);
    expect(await send(await tampered())).toBe(400);
    expect(app.done).toEqual(["welcome user_42 <kim@example.com>"]);
  });
});

describe("plain node:http on a real loopback server", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeEach(async () => {
    server = await serve(createWebhookServer());
  });
  afterEach(() => server.close());

  it("handles deliveries, refuses a forged one, and a body over the limit before reading it all", async () => {
    expect(await post(server.url, await enrolled())).toBe(200);
    expect(await post(server.url, await commission())).toBe(200);
    expect(await post(server.url, await tampered())).toBe(400);
    const huge = await generateTestWebhook({ event: "partner.enrolled", data: { padding: "x".repeat(2 * 1024 * 1024) } }, SECRET);
    expect(await post(server.url, huge)).toBe(413);
    expect(await post(server.url.replace("/webhooks/dub", "/other"), await enrolled("evt_2"))).toBe(404);
    expect(app.done).toEqual(["welcome user_42 <kim@example.com>", "commission cm_1: 980 cents to pn_1"]);
  });
});
