import * as z from "zod/mini";
import { defineOperation } from "../core/operation.js";
import { listPartnersQuerySchema } from "../models/list-partners.js";
import { createPartnerResponseSchema } from "../models/partner.js";
import { partnerAnalyticsResponseSchema, retrievePartnerAnalyticsQuerySchema, withGroupBy } from "../models/partner-analytics.js";
import { partnerLinksSchema, retrievePartnerLinksQuerySchema } from "../models/retrieve-partner-links.js";

/** `GET /partners`: one page of the program's partners, filtered and sorted. Idempotent: a read. */
export const listPartners = defineOperation({
  name: "partners.list",
  method: "GET",
  path: "/partners",
  request: listPartnersQuerySchema,
  requestIn: "query",
  response: z.array(createPartnerResponseSchema),
  idempotent: true,
});

/** `GET /partners/links`: the partner's links with their totals. Idempotent: a read. */
export const retrievePartnerLinks = defineOperation({
  name: "partners.retrieveLinks",
  method: "GET",
  path: "/partners/links",
  request: retrievePartnerLinksQuerySchema,
  requestIn: "query",
  response: partnerLinksSchema,
  idempotent: true,
});

/**
 * `GET /partners/analytics`: the partner's analytics; the shape follows the request's `groupBy`
 * (always sent, `count` by default); any of the spec's three shapes is accepted. Idempotent: a read.
 */
export const retrievePartnerAnalytics = defineOperation({
  name: "partners.analytics",
  method: "GET",
  path: "/partners/analytics",
  request: retrievePartnerAnalyticsQuerySchema,
  requestIn: "query",
  toWire: withGroupBy,
  response: partnerAnalyticsResponseSchema,
  idempotent: true,
});
