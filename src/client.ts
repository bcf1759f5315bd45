import { DubCore } from "./core-client.js";
import type { DubOptions } from "./core/options.js";
import { PartnerApplications } from "./resources/partner-applications.js";
import { Partners } from "./resources/partners.js";

/**
 * A client of the Dub Partners API.
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
export class Dub extends DubCore {
  /** Partners of your program and their links. */
  readonly partners: Partners;
  /** Applications to join your program, and their review. */
  readonly partnerApplications: PartnerApplications;

  /**
   * @param options - see {@link DubOptions}; every field is optional. Invalid options throw
   * `SDKValidationError` here, listing every problem.
   */
  constructor(options: DubOptions = {}) {
    super(options);
    this.partners = new Partners(this);
    this.partnerApplications = new PartnerApplications(this);
  }
}
