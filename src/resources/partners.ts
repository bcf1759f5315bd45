import type { APIPromise } from "../core/api-promise.js";
import type { ClientContext } from "../core/client-config.js";
import type { RequestOptions } from "../core/options.js";
import { callOperation } from "../core/pipeline.js";
import type { CreatePartnerRequestBody } from "../models/create-partner-request.js";
import type { LinkSchema } from "../models/link.js";
import type { CreatePartnerResponseBody } from "../models/partner.js";
import type { CreatePartnerLinkRequestBody, UpsertPartnerLinkRequestBody } from "../models/partner-link-request.js";
import { createPartner, createPartnerLink, upsertPartnerLink } from "./partners-operations.js";

/** The `dub.partners` namespace: partners of your program and their links. */
export class Partners {
  readonly #ctx: ClientContext;

  /** @internal Built by {@link Dub}. */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /**
   * Creates a partner and enrolls them in your program, or updates and enrolls the partner who
   * already has this email. Safe to retry.
   *
   * @example
   * ```ts
   * const partner = await dub.partners.create({ email: "kim@example.com", name: "Kim", tenantId: "user_42" });
   * ```
   */
  create(body: CreatePartnerRequestBody, options?: RequestOptions): APIPromise<CreatePartnerResponseBody> {
    return callOperation(this.#ctx, createPartner, body, options);
  }

  /**
   * Creates a new short link for a partner (named by `partnerId` or `tenantId`). Every call
   * creates another link, so failures where the server may have acted are not retried unless
   * `retryNonIdempotent` is set. A `key` that is taken fails with `Conflict` (409).
   *
   * @example
   * ```ts
   * const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
   * ```
   */
  createLink(body: CreatePartnerLinkRequestBody, options?: RequestOptions): APIPromise<LinkSchema> {
    return callOperation(this.#ctx, createPartnerLink, body, options);
  }

  /**
   * Returns the partner's link for `url`: unchanged when it exists, updated when the other fields
   * differ, created when there is none. Safe to retry.
   *
   * @example
   * ```ts
   * const link = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/pricing" });
   * ```
   */
  upsertLink(body: UpsertPartnerLinkRequestBody, options?: RequestOptions): APIPromise<LinkSchema> {
    return callOperation(this.#ctx, upsertPartnerLink, body, options);
  }
}
