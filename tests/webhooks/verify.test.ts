// verifyWebhook against signatures computed independently (Node's createHmac over the raw
// bytes), with every body and header form, and every way a request can fail.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyWebhook, type WebhookRawBody } from "../../src/webhooks/index.js";
import { eventJson, hmac, OTHER_SECRET, rejection, SECRET } from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("verifyWebhook accepts what Dub signs", () => {
  it("returns the event parsed from exactly the signed bytes: unicode, whitespace and key order kept", async () => {
    // Pretty-printed, keys in an unusual order, characters outside ASCII both literal and escaped.
    const body =
      '{\n  "data": {"zeta": 1, "alpha": "Zoë 🎉 株式会社", "escaped": "\\u00e9\\ud83d\\ude00", "nested": {"b": [1, 2.50, -0], "a": null}},\n' +
      '  "createdAt": "2026-03-01T12:00:00.000Z",\t"event": "partner.enrolled",\r\n  "id": "evt_unicode"\n}\n';
    const event = await verifyWebhook(body, { "dub-signature": hmac(body) }, SECRET);
    expect(event).toEqual(JSON.parse(body));
    expect(Object.keys(event)).toEqual(["data", "createdAt", "event", "id"]);
    expect(Object.keys(event.data as object)).toEqual(["zeta", "alpha", "escaped", "nested"]);
    expect((event.data as { alpha: string }).alpha).toBe("Zoë 🎉 株式会社");
    expect((event.data as { escaped: string }).escaped).toBe("é😀");

    // The same JSON, re-serialised: other bytes, so the signature of the original fails.
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(reserialised).not.toBe(body);
    await rejection(verifyWebhook(reserialised, { "dub-signature": hmac(body) }, SECRET), "signature_mismatch");
  });

  const body = eventJson({ data: { name: "Zoë", note: "ünïcödé" } });
  const bytes = new TextEncoder().encode(body);
  const inLargerBuffer = (() => {
    const buffer = new ArrayBuffer(bytes.length + 16);
    new Uint8Array(buffer).set(bytes, 7);
    return buffer;
  })();
  const bodies: [string, WebhookRawBody][] = [
    ["a string", body],
    ["a Buffer", Buffer.from(body)],
    ["a Buffer that starts inside a larger one", Buffer.concat([Buffer.from("pad"), Buffer.from(body)]).subarray(3)],
    ["a Uint8Array", bytes],
    ["a Uint8Array view into a larger buffer", new Uint8Array(inLargerBuffer, 7, bytes.length)],
    ["an ArrayBuffer", bytes.slice().buffer],
    ["a DataView", new DataView(inLargerBuffer, 7, bytes.length)],
  ];
  it.each(bodies)("takes the raw body as %s", async (_, rawBody) => {
    const event = await verifyWebhook(rawBody, { "dub-signature": hmac(bytes) }, SECRET);
    expect(event).toEqual(JSON.parse(body));
  });

  it("verifies and parses the bytes as they were at the call, even if the caller's buffer changes during it", async () => {
    const buffer = Buffer.from(body);
    const pending = verifyWebhook(buffer, { "dub-signature": hmac(body) }, SECRET);
    buffer.fill(0x20); // the caller reuses its buffer before verification finished
    expect(await pending).toEqual(JSON.parse(body));
  });

  const signature = hmac(body);
  const headerForms: [string, unknown][] = [
    ["a Headers", new Headers({ "Dub-Signature": signature, "Content-Type": "application/json" })],
    ["Node's IncomingHttpHeaders (lower case)", { "dub-signature": signature, "content-type": "application/json" } satisfies IncomingHttpHeaders],
    ["a header value in a one-element array", { "dub-signature": [signature] }],
    ["a plain object in Dub's casing", { "Dub-Signature": signature }],
    ["a plain object in odd casing", { "dUB-sIGNATURE": signature, "X-Other": "1" }],
    ["a value with surrounding whitespace", { "dub-signature": ` ${signature}\t` }],
  ];
  it.each(headerForms)("reads Dub-Signature from %s", async (_, headers) => {
    expect(await verifyWebhook(body, headers as Headers, SECRET)).toEqual(JSON.parse(body));
  });

  it("verifies a delivery received by a real node:http server, from its IncomingHttpHeaders and raw bytes", async () => {
    const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.end();
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      // Sent in three chunks, so that the server gets the body in pieces, as from the network.
      const parts = [bytes.subarray(0, 5), bytes.subarray(5, 40), bytes.subarray(40)];
      const stream = new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      await fetch(`http://127.0.0.1:${port}/webhooks/dub`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Dub-Signature": signature },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(received).toHaveLength(1);
      const [delivery] = received;
      expect(await verifyWebhook(delivery!.body, delivery!.headers, SECRET)).toEqual(JSON.parse(body));
    } finally {
      server.close();
    }
  });

  it("reads the secret from DUB_WEBHOOK_SECRET when none is passed, and a passed secret wins over it", async () => {
    vi.stubEnv("DUB_WEBHOOK_SECRET", SECRET);
    expect(await verifyWebhook(body, { "dub-signature": signature })).toEqual(JSON.parse(body));
    expect(await verifyWebhook(body, { "dub-signature": signature }, { maxAgeMs: undefined })).toEqual(JSON.parse(body));
    vi.stubEnv("DUB_WEBHOOK_SECRET", OTHER_SECRET);
    await rejection(verifyWebhook(body, { "dub-signature": signature }), "signature_mismatch");
    expect(await verifyWebhook(body, { "dub-signature": signature }, SECRET)).toEqual(JSON.parse(body));
    expect(await verifyWebhook(body, { "dub-signature": signature }, { secret: SECRET })).toEqual(JSON.parse(body));
  });
});

describe("verifyWebhook refuses what it cannot trust, with a code and a way to fix it", () => {
  const body = eventJson();
  const signature = hmac(body);

  it("missing_signature: no Dub-Signature header, in any form", async () => {
    for (const headers of [{}, { "content-type": "application/json" }, new Headers({ "x-dub-signature": signature }), { "dub-signature": undefined }, undefined, null]) {
      const error = await rejection(verifyWebhook(body, headers as Headers, SECRET), "missing_signature");
      expect(error.message).toMatch(/No Dub-Signature header/);
      expect(error.body).toBeUndefined();
    }
  });

  it("malformed_signature: not 64 lower-case hex characters, or sent more than once", async () => {
    const twice = new Headers();
    twice.append("dub-signature", signature);
    twice.append("dub-signature", signature);
    const cases: unknown[] = [
      { "dub-signature": signature.toUpperCase() },
      { "dub-signature": signature.slice(1) },
      { "dub-signature": `${signature}0` },
      { "dub-signature": `sha256=${signature}` },
      { "dub-signature": signature.replace(/.$/, "g") },
      { "dub-signature": "" },
      { "dub-signature": [signature, signature] },
      { "Dub-Signature": signature, "dub-signature": signature },
      twice,
    ];
    for (const headers of cases) {
      const error = await rejection(verifyWebhook(body, headers as Headers, SECRET), "malformed_signature");
      expect(error.message).toMatch(/64-character lower-case hex/);
    }
  });

  it("signature_mismatch: another body, another secret, one changed digit", async () => {
    const cases: [string, string, string][] = [
      [eventJson({ id: "evt_other" }), signature, SECRET],
      [body, hmac(body, OTHER_SECRET), SECRET],
      [body, signature.replace(/^./, (c) => (c === "0" ? "1" : "0")), SECRET],
      [body, hmac(body, SECRET.slice("whsec_".length)), SECRET], // signed without the prefix
    ];
    for (const [rawBody, sig, secret] of cases) {
      const error = await rejection(verifyWebhook(rawBody, { "dub-signature": sig }, secret), "signature_mismatch");
      expect(error.message).toMatch(/raw body.*own secret/);
      expect(error.body).toBeUndefined();
    }
  });

  it("parsed_body: a parsed object, undefined, or a Request, with how to get the raw body in Express, Next.js and Hono", async () => {
    for (const rawBody of [JSON.parse(body), undefined, null, {}, 42, new Request("http://127.0.0.1/", { method: "POST", body })]) {
      const error = await rejection(verifyWebhook(rawBody, { "dub-signature": signature }, SECRET), "parsed_body");
      expect(error.message).toContain('express.raw({ type: "application/json" })');
      expect(error.message).toContain("await request.text()");
      expect(error.message).toContain("await c.req.text()");
    }
  });

  it("invalid_json: a valid signature over a body that is not UTF-8 JSON; the body is kept when it is text", async () => {
    const notJson = "event=partner.enrolled";
    const error = await rejection(verifyWebhook(notJson, { "dub-signature": hmac(notJson) }, SECRET), "invalid_json");
    expect(error.body).toBe(notJson);
    expect(error.message).toMatch(/Valid signature/);

    const notUtf8 = Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"\xff\xfe"}
    const binary = await rejection(verifyWebhook(notUtf8, { "dub-signature": hmac(notUtf8) }, SECRET), "invalid_json");
    expect(binary.body).toBeUndefined();
  });

  it("invalid_payload: valid JSON that is not Dub's envelope; the body is kept", async () => {
    const envelopes = [
      "[]",
      "null",
      "42",
      '"evt_1"',
      JSON.stringify({ id: 1, event: "partner.enrolled", createdAt: "2026-03-01T12:00:00.000Z", data: {} }),
      JSON.stringify({ id: "evt_1", event: "partner.enrolled", createdAt: "2026-03-01T12:00:00.000Z" }),
      JSON.stringify({ id: "evt_1", event: "partner.enrolled", data: {} }),
      JSON.stringify({ id: "evt_1", event: null, createdAt: "2026-03-01T12:00:00.000Z", data: {} }),
    ];
    for (const payload of envelopes) {
      const error = await rejection(verifyWebhook(payload, { "dub-signature": hmac(payload) }, SECRET), "invalid_payload");
      expect(error.body).toBe(payload);
    }
    // `data: null` is present: the envelope is whole, and data is not checked.
    const nullData = JSON.stringify({ id: "evt_1", event: "partner.enrolled", createdAt: "2026-03-01T12:00:00.000Z", data: null });
    expect(await verifyWebhook(nullData, { "dub-signature": hmac(nullData) }, SECRET)).toMatchObject({ data: null });
  });

  it("invalid_options: an unknown option or a maxAgeMs that is not a positive number, before anything else", async () => {
    const unknown = await rejection(verifyWebhook(body, { "dub-signature": signature }, { secret: SECRET, maxAge: 1_000 } as never), "invalid_options");
    expect(unknown.message).toMatch(/Unknown option maxAge: the options are secret and maxAgeMs/);
    for (const maxAgeMs of [0, -1, Number.NaN, "3600000"]) {
      const error = await rejection(verifyWebhook(body, { "dub-signature": signature }, { secret: SECRET, maxAgeMs } as never), "invalid_options");
      expect(error.message).toMatch(/maxAgeMs is not a positive number/);
    }
  });
});
