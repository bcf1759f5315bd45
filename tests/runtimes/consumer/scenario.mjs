/**
 * The smoke scenario every runtime of the matrix runs against the fake Dub API that
 * scripts/test-runtimes.mjs serves on a loopback port. It imports nothing: each entry point loads
 * the package its own way (ESM import, CommonJS require, a bundle) and passes the module in, so
 * the very same steps run everywhere.
 *
 * Steps: create a partner; create a link with a chosen key; upsert one URL twice (same link
 * back); create a link with the taken key again, which must fail with `Conflict` (409). The
 * orchestrator queues a 503 in front of the first upsert, so that call succeeds only if the
 * client retried it. Then `dub-partners/webhooks`: verify a delivery whose signature Node's
 * `createHmac` computed (WEBHOOK_VECTOR), refuse it with one bit changed, and verify one signed
 * here with the runtime's own WebCrypto.
 *
 * The result is a plain object, printed by the entry point as one line of JSON.
 */

/**
 * A delivery as Dub sends it (pretty-printed, unicode, a tab escape), with its `Dub-Signature`
 * computed by Node's `crypto.createHmac("sha256", secret).update(body).digest("hex")`;
 * tests/webhooks/runtime-vector.test.ts recomputes it.
 */
export const WEBHOOK_VECTOR = {
  secret: "whsec_3b9e4f0c7a1d2e5f8091a2b3c4d5e6f7",
  body:
    '{\n  "id": "evt_runtime_matrix",\n  "event": "commission.created",\n  "createdAt": "2026-03-01T12:00:00.000Z",\n' +
    '  "data": {"earnings": -980, "currency": "usd", "note": "Zoë 🎉 株式会社\\tclawback"}\n}\n',
  signature: "1bd2f6cb8dc6c973e1f67fd127ca16133032ca68502356e327179bde9f9d2eed",
};

/**
 * The webhook steps, with `webhooks` the `dub-partners/webhooks` module however it was loaded.
 * Uses no network (the fetch counter is unaffected).
 */
async function checkWebhooks(webhooks, sdk, errors, check) {
  const { verifyWebhook, signWebhook, isKnownWebhookEvent, WebhookVerificationError } = webhooks;
  check("webhooks exports", typeof verifyWebhook === "function" && typeof WebhookVerificationError === "function");
  const { secret, body, signature } = WEBHOOK_VECTOR;
  const bytes = new TextEncoder().encode(body);

  const event = await verifyWebhook(bytes, { "dub-signature": signature }, secret);
  check(
    "webhook verified (bytes, createHmac signature)",
    event.id === "evt_runtime_matrix" && event.data.note === "Zoë 🎉 株式会社\tclawback" && isKnownWebhookEvent(event),
    JSON.stringify(event).slice(0, 200),
  );
  const fromText = await verifyWebhook(body, new Headers({ "Dub-Signature": signature }), { secret, maxAgeMs: 1e13 });
  check("webhook verified (string, Headers)", fromText.data.earnings === -980);
  check("signWebhook agrees with createHmac", (await signWebhook(body, secret)) === signature);

  const tampered = bytes.slice();
  tampered[bytes.length - 4] ^= 1;
  let refused;
  try {
    await verifyWebhook(tampered.buffer, { "Dub-Signature": signature }, secret);
  } catch (error) {
    refused = error;
  }
  check(
    "webhook with one bit changed refused",
    refused instanceof WebhookVerificationError && refused.code === "signature_mismatch" && refused instanceof sdk.WebhookVerificationError,
    refused === undefined ? "accepted" : `${refused?.name} ${refused?.code}`,
  );
  if (errors) check("WebhookVerificationError across dub-partners/errors", refused instanceof errors.WebhookVerificationError);

  // Signed here by the runtime's own WebCrypto, not by the package.
  const fresh = new TextEncoder().encode(JSON.stringify({ id: "evt_own", event: "bounty.reviewed", createdAt: new Date().toISOString(), data: {} }));
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const own = [...new Uint8Array(await crypto.subtle.sign("HMAC", key, fresh))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const unknown = await verifyWebhook(fresh, { "dub-signature": own }, { secret, maxAgeMs: 60_000 });
  check("unknown trigger delivered (runtime's own HMAC)", unknown.event === "bounty.reviewed" && !isKnownWebhookEvent(unknown));
}

/** Name and version of the runtime executing this code. */
export function detectRuntime() {
  const g = globalThis;
  if (g.Deno?.version?.deno) return { name: "deno", version: g.Deno.version.deno };
  if (g.Bun?.version) return { name: "bun", version: g.Bun.version };
  if (typeof g.EdgeRuntime === "string") return { name: "edge-runtime", version: undefined };
  if (g.navigator?.userAgent === "Cloudflare-Workers") return { name: "workerd", version: undefined };
  if (g.process?.versions?.node) return { name: "node", version: g.process.versions.node };
  if (typeof g.window === "object" && typeof g.document === "object") {
    const chrome = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(g.navigator?.userAgent ?? "");
    return { name: "browser", version: chrome ? `Chromium ${chrome[1]}` : g.navigator?.userAgent };
  }
  return { name: "unknown", version: undefined };
}

/**
 * Runs the scenario.
 * @param {Record<string, any>} sdk the `dub-partners` module, however it was loaded
 * @param {{ serverURL: string, format: string, resolved?: string, errors?: Record<string, any>, webhooks?: Record<string, any>, extra?: Record<string, unknown>, clientOptions?: Record<string, unknown> }} options
 *   `errors`: the `dub-partners/errors` module, when the entry point loaded it; `webhooks`: the
 *   `dub-partners/webhooks` module, which every entry point must pass;
 *   `clientOptions`: more options for the client (the browser's `dangerouslyAllowBrowser`)
 */
export async function runScenario(sdk, options) {
  const started = Date.now();
  const runtime = detectRuntime();
  const checks = [];
  const check = (name, ok, detail) => {
    checks.push(ok ? name : `${name} FAILED${detail === undefined ? "" : `: ${detail}`}`);
    if (!ok) throw new Error(`check failed: ${name}${detail === undefined ? "" : ` (${detail})`}`);
  };

  // The fetch build calls the global fetch at each request; the Node build uses undici and never
  // does. Counting calls tells which build the runtime picked.
  const realFetch = globalThis.fetch;
  let fetchCalls = 0;
  if (typeof realFetch === "function") {
    globalThis.fetch = function countingFetch(input, init) {
      fetchCalls++;
      return realFetch.call(globalThis, input, init);
    };
  }

  const result = {
    ok: false,
    runtime: runtime.name,
    version: runtime.version,
    format: options.format,
    resolved: options.resolved,
    transport: undefined,
    webhooks: undefined,
    checks,
    error: undefined,
    ms: 0,
    ...options.extra,
  };
  let dub;
  try {
    const { Dub, Conflict, DubError } = sdk;
    check("exports", typeof Dub === "function" && typeof Conflict === "function" && typeof DubError === "function");
    dub = new Dub({
      serverURL: options.serverURL,
      token: "dub_runtime_smoke",
      timeoutMs: 10_000,
      // Short waits keep the matrix fast; the retry itself is what is checked.
      retryConfig: { strategy: "backoff", backoff: { initialInterval: 50, maxInterval: 200, maxElapsedTime: 5_000 } },
      ...options.clientOptions,
    });

    const partner = await dub.partners.create({ email: "kim@example.com", name: "Kim Lee", tenantId: "user_42" });
    check("create partner", typeof partner.id === "string" && partner.email === "kim@example.com", JSON.stringify(partner).slice(0, 200));

    const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
    check("createLink", link.key === "kim-pricing" && typeof link.shortLink === "string", JSON.stringify(link).slice(0, 200));

    // The orchestrator queued a 503 for the first PUT /partners/links/upsert: this call succeeds
    // only after a retry.
    const first = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
    const second = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
    check("upsertLink twice gives the same link", typeof first.id === "string" && first.id === second.id, `${first.id} vs ${second.id}`);

    let caught;
    try {
      await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
    } catch (error) {
      caught = error;
    }
    check(
      "taken key throws Conflict",
      caught instanceof Conflict && caught instanceof DubError && caught.statusCode === 409 && caught.code === "conflict",
      caught === undefined ? "no error" : `${caught?.name} ${caught?.statusCode} ${caught?.code}`,
    );
    if (options.errors) {
      // dub-partners/errors may be another copy of the classes (the CJS builds are not split):
      // instanceof must hold across copies.
      check("instanceof across dub-partners/errors", caught instanceof options.errors.Conflict && caught instanceof options.errors.DubError);
    }
    result.transport = fetchCalls > 0 ? "fetch" : "undici";
    result.fetchCalls = fetchCalls;

    check("dub-partners/webhooks loaded", typeof options.webhooks === "object" && options.webhooks !== null);
    await checkWebhooks(options.webhooks, sdk, options.errors, check);
    result.webhooks = "verified";
    result.ok = true;
  } catch (error) {
    result.error = `${error?.name ?? "Error"}: ${error?.message ?? String(error)}`;
    result.transport = fetchCalls > 0 ? "fetch" : "undici";
  } finally {
    if (typeof realFetch === "function") globalThis.fetch = realFetch;
    try {
      await dub?.close();
    } catch (error) {
      result.ok = false;
      result.error ??= `close() failed: ${error?.message ?? error}`;
    }
    result.ms = Date.now() - started;
  }
  return result;
}
