import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/options.js";
import type { PagePromise } from "../core/pagination.js";
import type { CreatePartnerRequestBody } from "../models/create-partner-request.js";
import type { LinkSchema } from "../models/link.js";
import type { ListPartnersQuery } from "../models/list-partners.js";
import type { CreatePartnerResponseBody, PartnerLink } from "../models/partner.js";
import type {
  BanPartnerRequestBody,
  BanPartnerResponseBody,
  DeactivatePartnerRequestBody,
  DeactivatePartnerResponseBody,
} from "../models/partner-actions.js";
import type {
  PartnerAnalyticsCount,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
  RetrievePartnerAnalyticsQuery,
} from "../models/partner-analytics.js";
import type { CreatePartnerLinkRequestBody, UpsertPartnerLinkRequestBody } from "../models/partner-link-request.js";
import type { RetrievePartnerLinksQuery } from "../models/retrieve-partner-links.js";
import type { DubCore } from "../core-client.js";
import type { BulkOptions, BulkResult } from "../core/bulk.js";
import {
  partnersAnalytics,
  partnersBan,
  partnersBulkCreate,
  partnersBulkUpsertLinks,
  partnersCreate,
  partnersCreateLink,
  partnersDeactivate,
  partnersList,
  partnersRetrieveLinks,
  partnersUpsertLink,
} from "../funcs/partners.js";

/** The `dub.partners` namespace: partners of your program and their links. */
export class Partners {
  readonly #client: DubCore;

  /** @internal Built by {@link Dub}. */
  constructor(client: DubCore) {
    this.#client = client;
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
    return partnersCreate(this.#client, body, options);
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
    return partnersCreateLink(this.#client, body, options);
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
    return partnersUpsertLink(this.#client, body, options);
  }

  /**
   * Lists the partners of your program, filtered and sorted. Await it for one page (an array), or
   * iterate it with `for await` for every partner of every page from `page` on; pages are fetched
   * as the loop needs them. Safe to retry.
   *
   * @example
   * ```ts
   * const firstPage = await dub.partners.list({ status: "approved", pageSize: 50 });
   * for await (const partner of dub.partners.list({ sortBy: "createdAt", sortOrder: "asc" })) console.log(partner.email);
   * ```
   */
  list(query?: ListPartnersQuery, options?: RequestOptions): PagePromise<CreatePartnerResponseBody> {
    return partnersList(this.#client, query, options);
  }

  /**
   * Returns the partner's links (named by `partnerId` or `tenantId`), each with its click, lead and
   * sale totals. Safe to retry.
   *
   * @example
   * ```ts
   * const links = await dub.partners.retrieveLinks({ tenantId: "user_42" });
   * ```
   */
  retrieveLinks(query: RetrievePartnerLinksQuery, options?: RequestOptions): APIPromise<PartnerLink[]> {
    return partnersRetrieveLinks(this.#client, query, options);
  }

  /**
   * Returns the partner's analytics, as the official SDK does: the totals object for `count`
   * (the default), an array with one data point per time bucket for `timeseries`, or one per link
   * for `top_links`. With a literal `groupBy` the result type is narrowed already. Safe to retry.
   *
   * @example
   * ```ts
   * const totals = await dub.partners.analytics({ partnerId, interval: "30d" });
   * const days = await dub.partners.analytics({ partnerId, interval: "7d", groupBy: "timeseries" });
   * console.log(totals.clicks, days.map((d) => d.clicks));
   * ```
   */
  analytics(query: RetrievePartnerAnalyticsQuery & { groupBy?: "count" }, options?: RequestOptions): APIPromise<PartnerAnalyticsCount>;
  analytics(query: RetrievePartnerAnalyticsQuery & { groupBy: "timeseries" }, options?: RequestOptions): APIPromise<PartnerAnalyticsTimeseries[]>;
  analytics(query: RetrievePartnerAnalyticsQuery & { groupBy: "top_links" }, options?: RequestOptions): APIPromise<PartnerAnalyticsTopLinks[]>;
  analytics(query: RetrievePartnerAnalyticsQuery, options?: RequestOptions): APIPromise<PartnerAnalyticsResult>;
  analytics(query: RetrievePartnerAnalyticsQuery, options?: RequestOptions): APIPromise<PartnerAnalyticsResult> {
    return partnersAnalytics(this.#client, query, options);
  }

  /**
   * Bans a partner (named by `partnerId` or `tenantId`) from your program: their links are
   * disabled and their pending commissions canceled. Safe to retry: a repeat cannot ban twice
   * (the server answers it with `BadRequest`, "already banned").
   *
   * @example
   * ```ts
   * await dub.partners.ban({ partnerId: partner.id, reason: "fake_traffic" });
   * ```
   */
  ban(body: BanPartnerRequestBody, options?: RequestOptions): APIPromise<BanPartnerResponseBody> {
    return partnersBan(this.#client, body, options);
  }

  /**
   * Deactivates a partner (named by `partnerId` or `tenantId`): their links are disabled, their
   * commissions and payouts stay, and they can be reactivated later. Only approved or archived
   * partners can be deactivated (others fail with `BadRequest`). Safe to retry.
   *
   * @example
   * ```ts
   * await dub.partners.deactivate({ tenantId: "user_42" });
   * ```
   */
  deactivate(body: DeactivatePartnerRequestBody, options?: RequestOptions): APIPromise<DeactivatePartnerResponseBody> {
    return partnersDeactivate(this.#client, body, options);
  }

  /**
   * Creates or updates many partners (by email, so safe to repeat), with bounded concurrency and
   * throttling from the rate-limit headers, so a large batch waits out the server's windows
   * instead of failing on 429s. Resolves with one result per item, in input order: the partner,
   * or the typed error of that item; one item's failure never stops the others.
   *
   * @example
   * ```ts
   * const results = await dub.partners.bulkCreate(users.map((u) => ({ email: u.email, tenantId: u.id })), {
   *   concurrency: 8,
   *   onProgress: ({ completed, total }) => console.log(`${completed}/${total}`),
   * });
   * const failed = results.filter((r) => !r.ok);
   * ```
   */
  bulkCreate(items: readonly CreatePartnerRequestBody[], options?: BulkOptions): Promise<BulkResult<CreatePartnerResponseBody>[]> {
    return partnersBulkCreate(this.#client, items, options);
  }

  /**
   * Upserts many partner links (idempotent: safe to repeat), with the same concurrency,
   * throttling and per-item results as {@link Partners.bulkCreate}.
   *
   * @example
   * ```ts
   * const results = await dub.partners.bulkUpsertLinks(partners.map((p) => ({ partnerId: p.id, url: "https://acme.com/pricing" })));
   * ```
   */
  bulkUpsertLinks(items: readonly UpsertPartnerLinkRequestBody[], options?: BulkOptions): Promise<BulkResult<LinkSchema>[]> {
    return partnersBulkUpsertLinks(this.#client, items, options);
  }
}
