import { readEnv } from "../core/env.js";
import { WebhookVerificationError } from "./verification-error.js";

/**
 * The secret to use: `explicit`, or else `DUB_WEBHOOK_SECRET`; checked for the mistakes that
 * would otherwise surface as a signature mismatch. The messages never contain the secret.
 */
export function resolveSecret(explicit: unknown): string {
  const secret = explicit === undefined ? readEnv("DUB_WEBHOOK_SECRET") : explicit;
  const fail = (code: "missing_secret" | "invalid_secret", problem: string) =>
    new WebhookVerificationError(code, `${explicit === undefined ? "DUB_WEBHOOK_SECRET" : "The webhook secret"} ${problem}`);
  if (secret === undefined) throw fail("missing_secret", "is not set, and no secret was passed.");
  if (typeof secret !== "string") throw fail("invalid_secret", "is not a string.");
  if (/\s/.test(secret) || !secret.startsWith("whsec_")) {
    const problem = /\s/.test(secret) ? "contains whitespace (a newline from .env?)" : "lacks the whsec_ prefix";
    throw fail("invalid_secret", `${problem}: pass the whole whsec_... secret, exactly as Dub shows it.`);
  }
  return secret;
}

/**
 * The part of WebCrypto's `SubtleCrypto` used here, declared locally so that the package's types
 * need neither the DOM library nor Node's.
 */
export interface HmacCrypto {
  importKey(format: "raw", key: Uint8Array, algorithm: { name: "HMAC"; hash: "SHA-256" }, extractable: false, usages: string[]): Promise<HmacKey>;
  sign(algorithm: "HMAC", key: HmacKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: "HMAC", key: HmacKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

/** A `CryptoKey`, opaque here. */
export type HmacKey = { readonly type: string };

/**
 * The HMAC-SHA256 key of a secret (the whole `whsec_...` string as UTF-8) and WebCrypto's
 * SubtleCrypto to use it with. Every runtime the package supports has WebCrypto as
 * `globalThis.crypto` (Node since 19, Bun, Deno, edge runtimes, workers).
 */
export async function importSecret(secret: string): Promise<{ subtle: HmacCrypto; key: HmacKey }> {
  const subtle = (globalThis as unknown as { crypto: { subtle: HmacCrypto } }).crypto.subtle;
  const key = await subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  return { subtle, key };
}
