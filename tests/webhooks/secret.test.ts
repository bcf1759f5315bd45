// The secret: each mistake named (whitespace, no prefix, an API key, not set), and the secret
// itself never in an error, its stack, JSON.stringify or util.inspect, nor in a Webhooks object.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhooks, signWebhook, verifyWebhook, type WebhookVerificationErrorCode } from "../../src/webhooks/index.js";
import { eventJson, everyRendering, hmac, rejection, SECRET } from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

const body = eventJson();
const headers = { "dub-signature": hmac(body) };
/** The part of the secret that is secret: a message may name the prefix, never this. */
const KEY_MATERIAL = SECRET.slice("whsec_".length);

describe("the secret's mistakes, named", () => {
  it.each([
    ["a trailing newline (from a .env file)", `${SECRET}\n`, /contains whitespace/],
    ["a leading space", ` ${SECRET}`, /contains whitespace/],
    ["a space inside", `whsec_ ${KEY_MATERIAL}`, /contains whitespace/],
    ["no whsec_ prefix", KEY_MATERIAL, /lacks the whsec_ prefix: pass the whole whsec_\.\.\. secret/],
    ["an API key", "dub_5f1c0e9a2b7d4c3e8f6a1b2c3d4e", /lacks the whsec_ prefix/],
    ["an empty string", "", /lacks the whsec_ prefix/],
  ])("invalid_secret: %s", async (_, secret, message) => {
    const error = await rejection(verifyWebhook(body, headers, secret), "invalid_secret");
    expect(error.message).toMatch(/^The webhook secret /);
    expect(error.message).toMatch(message);
    expect(everyRendering(error)).not.toContain(KEY_MATERIAL);
  });

  it("invalid_secret: a secret that is not a string", async () => {
    for (const secret of [42, null, { secret: undefined, toString: () => SECRET }]) {
      await rejection(verifyWebhook(body, headers, { secret } as never), "invalid_secret");
    }
  });

  it("names DUB_WEBHOOK_SECRET when the faulty secret came from it, and missing_secret when it is not set", async () => {
    vi.stubEnv("DUB_WEBHOOK_SECRET", `${SECRET}\r\n`);
    const fromEnv = await rejection(verifyWebhook(body, headers), "invalid_secret");
    expect(fromEnv.message).toMatch(/^DUB_WEBHOOK_SECRET contains whitespace/);
    expect(everyRendering(fromEnv)).not.toContain(KEY_MATERIAL);

    vi.stubEnv("DUB_WEBHOOK_SECRET", "");
    const missing = await rejection(verifyWebhook(body, headers), "missing_secret");
    expect(missing.message).toMatch(/^DUB_WEBHOOK_SECRET is not set, and no secret was passed/);
    vi.stubEnv("DUB_WEBHOOK_SECRET", undefined);
    await rejection(verifyWebhook(body, headers, {}), "missing_secret");
  });

  it("signWebhook checks the secret the same way, and takes no default from the environment", async () => {
    vi.stubEnv("DUB_WEBHOOK_SECRET", SECRET);
    await rejection(signWebhook(body, `${SECRET} `), "invalid_secret");
    await rejection(signWebhook(body, undefined as never), "invalid_secret");
  });
});

describe("the secret never leaks", () => {
  const failures: [WebhookVerificationErrorCode, () => Promise<unknown>][] = [
    ["signature_mismatch", () => verifyWebhook(eventJson({ id: "evt_2" }), headers, SECRET)],
    ["malformed_signature", () => verifyWebhook(body, { "dub-signature": "x" }, SECRET)],
    ["missing_signature", () => verifyWebhook(body, {}, SECRET)],
    ["parsed_body", () => verifyWebhook(JSON.parse(body), headers, SECRET)],
    ["invalid_json", () => verifyWebhook("nope", { "dub-signature": hmac("nope") }, SECRET)],
    ["invalid_payload", () => verifyWebhook("{}", { "dub-signature": hmac("{}") }, SECRET)],
    ["too_old", () => verifyWebhook(body, headers, { secret: SECRET, maxAgeMs: 1 })],
    ["invalid_options", () => verifyWebhook(body, headers, { secret: SECRET, tolerance: 5 } as never)],
    ["invalid_secret", () => verifyWebhook(body, headers, `${SECRET}\n`)],
  ];
  it.each(failures)("not in a %s error: message, stack, JSON.stringify, util.inspect", async (code, fail) => {
    const error = await rejection(fail(), code);
    const rendered = everyRendering(error);
    expect(rendered).not.toContain(KEY_MATERIAL);
    // Nor the signature the body should have had, which would let a caller forge this body.
    if (code === "signature_mismatch") expect(rendered).not.toContain(hmac(eventJson({ id: "evt_2" })));
  });

  it("not in a Webhooks object made with it", () => {
    const webhooks = createWebhooks({ secret: SECRET, maxAgeMs: 3_600_000 });
    const rendered = [JSON.stringify(webhooks), inspect(webhooks, { depth: 10, showHidden: true }), String(Object.values(webhooks))].join("\n");
    expect(rendered).not.toContain(KEY_MATERIAL);
    expect(Object.keys(webhooks)).toEqual(["verify", "unwrap"]);
  });
});
