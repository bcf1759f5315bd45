// createWebhooks: the object a client mounts as `dub.webhooks`, with defaults and the `unwrap`
// alias of openai-node.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhooks, WebhookVerificationError } from "../../src/webhooks/index.js";
import { eventJson, hmac, OTHER_SECRET, rejection, SECRET } from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

const body = eventJson();
const headers = { "dub-signature": hmac(body) };

describe("createWebhooks", () => {
  it("verify and unwrap use the default secret, and a call's own secret wins", async () => {
    const webhooks = createWebhooks(SECRET);
    expect(await webhooks.verify(body, headers)).toEqual(JSON.parse(body));
    expect(await webhooks.unwrap(body, headers)).toEqual(JSON.parse(body));
    await rejection(webhooks.verify(body, headers, OTHER_SECRET), "signature_mismatch");
    await rejection(webhooks.unwrap(body, headers, { secret: OTHER_SECRET }), "signature_mismatch");
    const other = { "dub-signature": hmac(body, OTHER_SECRET) };
    expect(await webhooks.verify(body, other, OTHER_SECRET)).toEqual(JSON.parse(body));
  });

  it("without a secret, reads DUB_WEBHOOK_SECRET at each call", async () => {
    const webhooks = createWebhooks();
    vi.stubEnv("DUB_WEBHOOK_SECRET", OTHER_SECRET);
    await rejection(webhooks.verify(body, headers), "signature_mismatch");
    vi.stubEnv("DUB_WEBHOOK_SECRET", SECRET);
    expect(await webhooks.verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("applies a default maxAgeMs, which a call can override", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-03-01T12:00:00.000Z") + 2 * 3_600_000 });
    const webhooks = createWebhooks({ secret: SECRET, maxAgeMs: 3_600_000 });
    await rejection(webhooks.verify(body, headers), "too_old");
    expect(await webhooks.verify(body, headers, { maxAgeMs: 3 * 3_600_000 })).toEqual(JSON.parse(body));
    // An undefined in the call's options does not remove the defaults.
    await rejection(webhooks.verify(body, headers, { secret: undefined, maxAgeMs: undefined }), "too_old");
  });

  it("refuses a bad default at once, not at the first delivery", () => {
    expect(() => createWebhooks(`${SECRET}\n`)).toThrow(WebhookVerificationError);
    expect(() => createWebhooks({ secret: "5f1c0e9a" })).toThrow(/lacks the whsec_ prefix/);
    expect(() => createWebhooks({ secret: SECRET, maxAge: 5 } as never)).toThrow(/Unknown option maxAge/);
    expect(() => createWebhooks({ maxAgeMs: -5 })).toThrow(/maxAgeMs is not a positive number/);
  });
});
