import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/options.js";
import type { DubCore } from "../core-client.js";
import type { PartnerAnalyticsCount, PartnerAnalyticsResult, PartnerAnalyticsTimeseries, PartnerAnalyticsTopLinks, RetrievePartnerAnalyticsQuery } from "../models/partner-analytics.js";
import { banPartner, deactivatePartner } from "../resources/partner-actions-operations.js";
import { listPartners, retrievePartnerAnalytics, retrievePartnerLinks } from "../resources/partner-queries-operations.js";
import { createPartner, createPartnerLink, upsertPartnerLink } from "../resources/partners-operations.js";
import type { CreatePartnerRequestBody } from "../models/create-partner-request.js";
import type { LinkSchema } from "../models/link.js";
import type { ListPartnersQuery } from "../models/list-partners.js";
import type { CreatePartnerResponseBody, PartnerLink } from "../models/partner.js";
import type { BanPartnerRequestBody, BanPartnerResponseBody, DeactivatePartnerRequestBody, DeactivatePartnerResponseBody } from "../models/partner-actions.js";
import type { CreatePartnerLinkRequestBody, UpsertPartnerLinkRequestBody } from "../models/partner-link-request.js";
import type { RetrievePartnerLinksQuery } from "../models/retrieve-partner-links.js";
import { type BulkFunction, bulkFunction, type ListFunction, listFunction, type OperationFunction, operationFunction } from "./operation-function.js";

/** `dub.partners.create` as a function: creates or updates (by email) a partner and enrolls them. */
export const partnersCreate: OperationFunction<CreatePartnerRequestBody, CreatePartnerResponseBody> = /* @__PURE__ */ operationFunction(createPartner);

/** `dub.partners.createLink` as a function: creates a new link for a partner (not idempotent). */
export const partnersCreateLink: OperationFunction<CreatePartnerLinkRequestBody, LinkSchema> = /* @__PURE__ */ operationFunction(createPartnerLink);

/** `dub.partners.upsertLink` as a function: returns, updates or creates the partner's link for a URL. */
export const partnersUpsertLink: OperationFunction<UpsertPartnerLinkRequestBody, LinkSchema> = /* @__PURE__ */ operationFunction(upsertPartnerLink);

/** `dub.partners.list` as a function: await one page, or `for await` every partner. */
export const partnersList: ListFunction<ListPartnersQuery, CreatePartnerResponseBody> = /* @__PURE__ */ listFunction(listPartners);

/** `dub.partners.retrieveLinks` as a function: the partner's links with their totals. */
export const partnersRetrieveLinks: OperationFunction<RetrievePartnerLinksQuery, PartnerLink[]> = /* @__PURE__ */ operationFunction(retrievePartnerLinks);

/** `dub.partners.analytics` as a function; the result's type follows `groupBy` (see {@link PartnerAnalyticsResult}). */
export const partnersAnalytics: {
  (client: DubCore, query: RetrievePartnerAnalyticsQuery & { groupBy?: "count" }, options?: RequestOptions): APIPromise<PartnerAnalyticsCount>;
  (
    client: DubCore,
    query: RetrievePartnerAnalyticsQuery & { groupBy: "timeseries" },
    options?: RequestOptions,
  ): APIPromise<PartnerAnalyticsTimeseries[]>;
  (
    client: DubCore,
    query: RetrievePartnerAnalyticsQuery & { groupBy: "top_links" },
    options?: RequestOptions,
  ): APIPromise<PartnerAnalyticsTopLinks[]>;
  (client: DubCore, query: RetrievePartnerAnalyticsQuery, options?: RequestOptions): APIPromise<PartnerAnalyticsResult>;
} = /* @__PURE__ */ operationFunction(retrievePartnerAnalytics) as never;

/** `dub.partners.ban` as a function. */
export const partnersBan: OperationFunction<BanPartnerRequestBody, BanPartnerResponseBody> = /* @__PURE__ */ operationFunction(banPartner);

/** `dub.partners.deactivate` as a function. */
export const partnersDeactivate: OperationFunction<DeactivatePartnerRequestBody, DeactivatePartnerResponseBody> = /* @__PURE__ */ operationFunction(deactivatePartner);

/** `dub.partners.bulkCreate` as a function: many partners, one result per item in input order. */
export const partnersBulkCreate: BulkFunction<CreatePartnerRequestBody, CreatePartnerResponseBody> = /* @__PURE__ */ bulkFunction(createPartner);

/** `dub.partners.bulkUpsertLinks` as a function: many links, one result per item in input order. */
export const partnersBulkUpsertLinks: BulkFunction<UpsertPartnerLinkRequestBody, LinkSchema> = /* @__PURE__ */ bulkFunction(upsertPartnerLink);
