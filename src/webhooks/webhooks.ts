import type { WebhookEvent } from "./events.js";
import type { WebhookHeaders } from "./headers.js";
import type { WebhookRawBody } from "./raw-body.js";
import { resolveSecret } from "./secret.js";
import { readVerifyOptions, verifyWebhook, type VerifyWebhookOptions } from "./verify.js";

/** Defaults of a {@link Webhooks} object. */
export interface WebhooksOptions {
  /** The webhook secret (`whsec_...`) used when a call passes none. Default: `DUB_WEBHOOK_SECRET`, read at each call. */
  secret?: string;
  /** The age check of every call that sets none (see {@link VerifyWebhookOptions.maxAgeMs}). Default: no age check. */
  maxAgeMs?: number;
}

/** `verifyWebhook` with defaults: the form a client mounts as `dub.webhooks`. */
export interface Webhooks {
  /**
   * {@link verifyWebhook} with this object's defaults: the secret and the age check, each
   * overridden by the call's own.
   *
   * @param rawBody the request body, byte for byte as received
   * @param headers the request headers: `Headers`, Node's `IncomingHttpHeaders`, or a plain object
   * @param secretOrOptions a secret or options for this call, over the defaults
   */
  verify(rawBody: WebhookRawBody, headers: WebhookHeaders, secretOrOptions?: string | VerifyWebhookOptions): Promise<WebhookEvent>;
  /**
   * The same as `verify`, under the name and with the arguments of openai-node's
   * `client.webhooks.unwrap(body, headers, secret?)`, for code written against it.
   *
   * @param rawBody the request body, byte for byte as received
   * @param headers the request headers: `Headers`, Node's `IncomingHttpHeaders`, or a plain object
   * @param secretOrOptions a secret or options for this call, over the defaults
   */
  unwrap(rawBody: WebhookRawBody, headers: WebhookHeaders, secretOrOptions?: string | VerifyWebhookOptions): Promise<WebhookEvent>;
}

/**
 * A {@link Webhooks} object: `verify` (and its alias `unwrap`) with a default secret and age
 * check. A secret given here is checked at once; it is kept in a closure, out of reach of
 * `util.inspect` and `JSON.stringify`.
 *
 * @param defaults the default secret, or {@link WebhooksOptions}
 */
export function createWebhooks(defaults: string | WebhooksOptions = {}): Webhooks {
  const { secret, maxAgeMs } = readVerifyOptions(defaults);
  if (secret !== undefined) resolveSecret(secret);
  const verify = (rawBody: WebhookRawBody, headers: WebhookHeaders, secretOrOptions?: string | VerifyWebhookOptions) => {
    const call = typeof secretOrOptions === "object" && secretOrOptions !== null ? secretOrOptions : { secret: secretOrOptions };
    return verifyWebhook(rawBody, headers, { secret, maxAgeMs, ...withoutUndefined(call) });
  };
  return Object.freeze({ verify, unwrap: verify });
}

/** `options` without its `undefined` values, so that they do not hide the defaults. */
function withoutUndefined(options: VerifyWebhookOptions): VerifyWebhookOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
