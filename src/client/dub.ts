import type { DubOptions } from "../core/options.js";
import { type DubNamespaces, type Registry, registry } from "../operations/registry.js";
import { contextOf, DubCore } from "./core-client.js";
import { buildNamespace } from "./namespace.js";

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
export interface Dub extends DubNamespaces {}

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
  }
}
