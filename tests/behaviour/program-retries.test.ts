/**
 * The retry rules of the conversion, customer, commission and payout operations, each against a
 * local server that injects the failure, over both transports: a repeat is made only where the
 * server cannot count it twice (decided from the body), the error of a failure that is not
 * retried says why and how to make the call safe, and a repeat that meets the effect of a lost
 * attempt is read as what it is.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  AlreadyApplied,
  Conflict,
  ConnectionError,
  Dub,
  DubError,
  InternalServerError,
  NotFound,
  RequestTimeoutError,
} from "../../src/index.js";
import { serveHandler } from "../../src/testing/node-server.js";
import type { Reply } from "../../src/testing/types.js";
import { FAST_RETRIES, TRANSPORTS, useScriptedServer } from "../helpers/transports.js";

const ok = (body: object): Reply => ({ status: 200, body });
const boom: Reply = { status: 500, body: { error: { code: "internal_server_error", message: "boom" } } };
const unavailable: Reply = { status: 503, body: "" };
const reset: Reply = { status: 200, fault: { kind: "reset-before-response" } };
const limited: Reply = { status: 429, headers: { "retry-after": "0" }, body: { error: { code: "rate_limit_exceeded", message: "slow down" } } };
const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

const SALE = { eventName: "Purchase", customer: { id: "cus_1", name: "Kim", email: null, avatar: null, externalId: "user_42" }, sale: null };
const LEAD = { click: { id: "rLnWe1uz9t282v7g" }, link: null, customer: { name: "Kim", email: null, avatar: null, externalId: "user_42" } };
const QUEUED = { success: true, message: "Your commissions are being created and will appear shortly." };
const COMMISSION = {
  id: "cm_1",
  amount: 4900,
  earnings: 490,
  currency: "usd",
  status: "pending",
  invoiceId: null,
  description: null,
  quantity: 1,
  createdAt: "2026-11-24T10:00:00.000Z",
  updatedAt: "2026-11-24T10:00:00.000Z",
  paidAt: null,
  partner: { id: "pn_1", name: "Kim", email: null, image: null, payoutsEnabledAt: null, country: null },
};
const CUSTOMER = { id: "cus_1", externalId: "user_42", createdAt: "2026-11-24T10:00:00.000Z" };

async function failure(call: Promise<unknown>): Promise<Error> {
  return call.then(
    () => {
      throw new Error("the call resolved");
    },
    (e: unknown) => e as Error,
  );
}

describe.each(TRANSPORTS)("conversion and commission retries ($name)", (transport) => {
  const ctx = useScriptedServer(transport);
  const dub = (options?: ConstructorParameters<typeof Dub>[0]) => ctx.harness.client(options);
  const optIn = () => dub({ retryConfig: { ...FAST_RETRIES, retryNonIdempotent: true } });

  describe("track.sale: safe only with an invoiceId", () => {
    it("without one, a 500 is not retried, and the error says why and how to make it safe", async () => {
      ctx.script.reply(boom, ok(SALE));
      const e = await failure(dub().track.sale({ customerExternalId: "user_42", amount: 4900 }));
      expect(e).toBeInstanceOf(InternalServerError);
      expect(e.message).toMatch(/not retried: a sale without invoiceId is recorded again by every repeat: pass the sale's invoiceId/);
      expect(ctx.script.received).toHaveLength(1);
    });

    it("without one, a reset after the request was sent is not retried", async () => {
      ctx.script.reply(reset, ok(SALE));
      const e = await failure(dub().track.sale({ customerExternalId: "user_42", amount: 4900 }));
      expect(e).toBeInstanceOf(ConnectionError);
      expect((e as ConnectionError).requestSent).toBe(true);
      expect(e.message).toMatch(/not retried: .*invoiceId/);
      expect(ctx.script.received).toHaveLength(1);
    });

    it("without one, a timeout is not retried", async () => {
      ctx.script.reply({ ...ok(SALE), delayMs: 1_500 }, ok(SALE));
      const e = await failure(dub({ timeoutMs: 150, retryConfig: FAST_RETRIES }).track.sale({ customerExternalId: "user_42", amount: 4900 }));
      expect(e).toBeInstanceOf(RequestTimeoutError);
      expect(e.message).toMatch(/not retried: .*invoiceId/);
      expect(ctx.script.received).toHaveLength(1);
    });

    it("an empty invoiceId is no invoice: the server does not deduplicate on it, so neither is it retried", async () => {
      ctx.script.reply(unavailable, ok(SALE));
      await expect(dub().track.sale({ customerExternalId: "user_42", amount: 4900, invoiceId: "" })).rejects.toBeInstanceOf(DubError);
      expect(ctx.script.received).toHaveLength(1);
    });

    it("without one, a 429 is retried all the same: nothing was recorded", async () => {
      ctx.script.reply(limited, ok(SALE));
      await expect(dub().track.sale({ customerExternalId: "user_42", amount: 4900 })).resolves.toEqual(SALE);
      expect(ctx.script.received).toHaveLength(2);
    });

    it("with one, a 503 and a reset are retried, with the same body", async () => {
      ctx.script.reply(unavailable, reset, ok(SALE));
      await expect(dub().track.sale({ customerExternalId: "user_42", amount: 4900, invoiceId: "in_1QxYz2Ab3Cd4Ef5G" })).resolves.toEqual(SALE);
      expect(ctx.script.received).toHaveLength(3);
      expect(new Set(ctx.script.received.map((r) => r.body)).size).toBe(1);
    });

    it("without one, retryNonIdempotent opts in to the repeat", async () => {
      ctx.script.reply(boom, ok(SALE));
      await expect(optIn().track.sale({ customerExternalId: "user_42", amount: 4900 })).resolves.toEqual(SALE);
      expect(ctx.script.received).toHaveLength(2);
    });
  });

  describe("track.lead: deduplicated by the server, except in deferred mode", () => {
    it("a 503 and a reset are retried", async () => {
      ctx.script.reply(unavailable, reset, ok(LEAD));
      await expect(dub().track.lead({ clickId: "rLnWe1uz9t282v7g", eventName: "Sign up", customerExternalId: "user_42" })).resolves.toEqual(LEAD);
      expect(ctx.script.received).toHaveLength(3);
    });

    it('mode "wait" too', async () => {
      ctx.script.reply(boom, ok(LEAD));
      await dub().track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "user_42", mode: "wait" });
      expect(ctx.script.received).toHaveLength(2);
    });

    it('mode "deferred": a 503 is not retried, and the error says why', async () => {
      ctx.script.reply(unavailable, ok(LEAD));
      const e = await failure(dub().track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "user_42", mode: "deferred" }));
      expect(e.message).toMatch(/not retried: a lead with mode "deferred" is not deduplicated by the server/);
      expect(ctx.script.received).toHaveLength(1);
    });

    it('mode "deferred" with retryNonIdempotent is retried', async () => {
      ctx.script.reply(unavailable, ok(LEAD));
      await optIn().track.lead({ clickId: "c", eventName: "Sign up", customerExternalId: "user_42", mode: "deferred" });
      expect(ctx.script.received).toHaveLength(2);
    });
  });

  describe("commissions.create: safe for a sale commission with an invoice ID", () => {
    const conflict = error(409, "conflict", "There is already a commission for the invoice in_1QxYz2Ab3Cd4Ef5G.");

    it("sale.invoiceId: a 503 after the effect, then the server's 409: AlreadyApplied, its cause the 503", async () => {
      ctx.script.reply(unavailable, conflict);
      const e = await failure(dub().commissions.create({ type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 4900, invoiceId: "in_1QxYz2Ab3Cd4Ef5G" } }));
      expect(e).toBeInstanceOf(AlreadyApplied);
      expect((e as AlreadyApplied).statusCode).toBe(409);
      expect(e.message).toMatch(/already a commission for the invoice.*earlier attempt of this call took effect/);
      expect(ctx.script.received).toHaveLength(2);
    });

    it("the deprecated invoiceId: a reset, then the 409: AlreadyApplied", async () => {
      ctx.script.reply(reset, conflict);
      await expect(dub().commissions.create({ type: "sale", partnerId: "pn_1", customerId: "cus_1", saleAmount: 4900, invoiceId: "in_1QxYz2Ab3Cd4Ef5G" })).rejects.toBeInstanceOf(
        AlreadyApplied,
      );
      expect(ctx.script.received).toHaveLength(2);
    });

    it("a 503, then the 202: resolves with it", async () => {
      ctx.script.reply(unavailable, { status: 202, body: QUEUED });
      await expect(dub().commissions.create({ type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, invoiceId: "in_2" } })).resolves.toEqual(QUEUED);
    });

    it("a 409 on the first attempt is the plain Conflict: another call created it", async () => {
      ctx.script.reply(conflict);
      const e = await failure(dub().commissions.create({ type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1, invoiceId: "in_1QxYz2Ab3Cd4Ef5G" } }));
      expect(e).toBeInstanceOf(Conflict);
      expect(e).not.toBeInstanceOf(AlreadyApplied);
    });

    it.each([
      ["a custom commission", { type: "custom", partnerId: "pn_1", amount: 2500 }, /a custom commission is created again by every repeat/],
      ["a clawback", { type: "custom", partnerId: "pn_1", amount: -2500, description: "fraud" }, /a clawback is created again by every repeat/],
      ["a lead commission", { type: "lead", partnerId: "pn_1", customerId: "cus_1" }, /a lead commission has no invoice ID, so a repeat records its lead again/],
      ["a sale commission without an invoice ID", { type: "sale", partnerId: "pn_1", customerId: "cus_1", sale: { amount: 1 } }, /a sale commission without an invoice ID is created again by every repeat: pass sale.invoiceId/],
    ] as const)("%s: a 503 is not retried, and the error says why", async (_name, body, reason) => {
      ctx.script.reply(unavailable, { status: 202, body: QUEUED });
      const e = await failure(dub().commissions.create(body));
      expect(e.message).toMatch(new RegExp(`not retried: ${reason.source}`));
      expect(ctx.script.received).toHaveLength(1);
    });

    it("a clawback with retryNonIdempotent is retried", async () => {
      ctx.script.reply(boom, { status: 202, body: QUEUED });
      await optIn().commissions.create({ type: "custom", partnerId: "pn_1", amount: -2500, description: "fraud" });
      expect(ctx.script.received).toHaveLength(2);
    });
  });

  describe("commissions.update: not with a delta", () => {
    it.each([
      ["modifySaleAmount", { modifySaleAmount: -500 }],
      ["the deprecated modifyAmount", { modifyAmount: 500 }],
    ] as const)("%s: a 500 is not retried, and the error says to send the absolute amount", async (_name, requestBody) => {
      ctx.script.reply(boom, ok(COMMISSION));
      const e = await failure(dub().commissions.update({ id: "cm_1", requestBody }));
      expect(e).toBeInstanceOf(InternalServerError);
      expect(e.message).toMatch(/not retried: modifySaleAmount is a delta, applied again by every repeat: send the new absolute saleAmount/);
      expect(ctx.script.received).toHaveLength(1);
    });

    it.each([
      ["saleAmount", { saleAmount: 4400 }],
      ["a status", { status: "refunded" }],
      ["earnings", { earnings: 440 }],
    ] as const)("%s: a 500 is retried", async (_name, requestBody) => {
      ctx.script.reply(boom, ok(COMMISSION));
      await expect(dub().commissions.update({ id: "cm_1", requestBody })).resolves.toEqual(COMMISSION);
      expect(ctx.script.received).toHaveLength(2);
    });
  });

  describe("customers.delete: a 404 after a lost answer is the delete done", () => {
    it("a 503 after the effect, then 404: resolves with { id } of the ID given", async () => {
      ctx.script.reply(unavailable, error(404, "not_found", "Customer not found."));
      await expect(dub().customers.delete("ext_user_42")).resolves.toEqual({ id: "ext_user_42" });
      expect(ctx.script.received.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /customers/ext_user_42", "DELETE /customers/ext_user_42"]);
    });

    it("a reset, then 404: resolves", async () => {
      ctx.script.reply(reset, error(404, "not_found", "Customer not found."));
      await expect(dub().customers.delete("cus_1")).resolves.toEqual({ id: "cus_1" });
    });

    it("a 404 on the first attempt is a NotFound: there was no such customer", async () => {
      ctx.script.reply(error(404, "not_found", "Customer not found."));
      await expect(dub().customers.delete("cus_1")).rejects.toBeInstanceOf(NotFound);
      expect(ctx.script.received).toHaveLength(1);
    });
  });

  describe("customers.update: safe, unless it renames the externalId it is addressed by", () => {
    it("a 500 is retried", async () => {
      ctx.script.reply(boom, ok(CUSTOMER));
      await dub().customers.update({ id: "ext_user_42", requestBody: { name: "Kim" } });
      expect(ctx.script.received).toHaveLength(2);
    });

    it("a new externalId for a customer named by ID is retried", async () => {
      ctx.script.reply(boom, ok(CUSTOMER));
      await dub().customers.update({ id: "cus_1", requestBody: { externalId: "user_43" } });
      expect(ctx.script.received).toHaveLength(2);
    });

    it("a new externalId for a customer named by ext_ + the old one: not retried, and the error says to use the Dub ID", async () => {
      ctx.script.reply(boom, ok(CUSTOMER));
      const e = await failure(dub().customers.update({ id: "ext_user_42", requestBody: { externalId: "user_43" } }));
      expect(e.message).toMatch(/not retried: it renames the externalId the customer is named by.*by their Dub id \(cus_…\)/);
      expect(ctx.script.received).toHaveLength(1);
    });
  });

  describe("the reads, updateMany and track.open: safe", () => {
    it.each([
      ["customers.list", (d: Dub) => d.customers.list(), []],
      ["customers.get", (d: Dub) => d.customers.get({ id: "cus_1" }), CUSTOMER],
      ["commissions.list", (d: Dub) => d.commissions.list({ status: "pending" }), []],
      ["payouts.list", (d: Dub) => d.payouts.list({ status: "pending" }), []],
      ["commissions.updateMany", (d: Dub) => d.commissions.updateMany({ commissionIds: ["cm_1"], status: "fraud" }), [{ id: "cm_1", status: "fraud" }]],
      ["track.open", (d: Dub) => d.track.open({ deepLink: "https://acme.link/spring" }), { clickId: null, link: null }],
    ] as const)("%s: a 503 and a reset are retried", async (_name, call, body) => {
      ctx.script.reply(unavailable, reset, ok(body));
      await expect(call(dub())).resolves.toEqual(body);
      expect(ctx.script.received).toHaveLength(3);
    });
  });
});

describe("a refused connection is retried even for a sale without invoiceId: nothing left the process", () => {
  it.each([
    ["undici", undefined],
    ["fetch", (url: string, init: RequestInit) => globalThis.fetch(url, init)],
  ] as const)("%s transport", async (_name, fetchImpl) => {
    // A port that was just free; the server starts listening on it only after the first attempt was refused.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const received: string[] = [];
    let started: Promise<{ close: () => Promise<void> }> | undefined;
    const dub = new Dub({
      token: "dub_test",
      serverURL: `http://127.0.0.1:${port}`,
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 300, maxInterval: 300, maxElapsedTime: 5_000 } },
      debugLogger: {
        debug: (line) => {
          if (!line.startsWith("dub-partners retry") || started) return;
          started = serveHandler(
            (request) => {
              received.push(request.body);
              return { status: 200, body: SALE };
            },
            { port },
          );
        },
      },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    try {
      await expect(dub.track.sale({ customerExternalId: "user_42", amount: 4900 })).resolves.toEqual(SALE);
      expect(received).toEqual([JSON.stringify({ customerExternalId: "user_42", amount: 4900 })]);
    } finally {
      await dub.close();
      await (await started)?.close();
    }
  });
});
