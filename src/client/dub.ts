import type { DubOptions } from "../core/options.js";
import { type DubNamespaces, type Registry, registry } from "../operations/registry.js";
import { contextOf, DubCore } from "./core-client.js";
import { buildNamespace } from "./namespace.js";
import { lazyWebhooks } from "./lazy-webhooks.js";
import type { Webhooks } from "../webhooks/webhooks.js";

/**
 * A client of the Dub Partners API: one namespace per part of the partner program
 * (`dub.partners`, `dub.partnerApplications`, ...), each method one operation of the API.
 *
 * @example
 * ```ts
 * import { Dub } from "dub-partners";
 *
 * const dub = new Dub({ token: process.env.DUB_API_KEY });
 * const partner = await dub.partners.create({ email: "kim@example.com" });
 * const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com" });
 * ```
 */
export interface Dub extends DubNamespaces {
  /**
   * Verifies the webhooks Dub sends: `await dub.webhooks.verify(rawBody, headers, secret?)`
   * resolves with the typed event or throws `WebhookVerificationError` (`unwrap` is the same, as
   * openai-node names it). The secret defaults to `DUB_WEBHOOK_SECRET`. Without a client:
   * `verifyWebhook` from `dub-partners/webhooks`.
   *
   * @example
   * ```ts
   * import { isKnownWebhookEvent } from "dub-partners";
   *
   * const event = await dub.webhooks.verify(await request.text(), request.headers);
   * if (isKnownWebhookEvent(event) && event.event === "sale.created") console.log(event.data.sale.amount);
   * ```
   */
  readonly webhooks: Webhooks;
}

export class Dub extends DubCore {
  /**
   * @param options - see {@link DubOptions}; every field is optional. Invalid options throw
   * `SDKValidationError` here, listing every problem.
   */
  constructor(options: DubOptions = {}) {
    super(options);
    const ctx = contextOf(this);
    for (const namespace in registry) {
      const value = buildNamespace(ctx, namespace, registry[namespace as keyof Registry]);
      Object.defineProperty(this, namespace, { value, enumerable: true });
    }
    Object.defineProperty(this, "webhooks", { value: lazyWebhooks(), enumerable: true });
  }
}
