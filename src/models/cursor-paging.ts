import * as z from "zod/mini";
import type { CrossFieldRule } from "../core/cross-field-rules.js";
import { isInteger, pageFields } from "../core/schema.js";

/** The paging fields of the lists that page by cursor (`customers.list`, `commissions.list`). */
export const cursorPageFields = {
  /** Only items before this one (an item's `id`), for paging backwards. Not with `startingAfter`, nor with `page`. */
  endingBefore: z.optional(z.string()),
  /** Only items after this one (an item's `id`): the next page. Iterating the result sets it for you. Not with `endingBefore`, nor with `page`. */
  startingAfter: z.optional(z.string()),
  /** @deprecated The page number, from `1`: use `startingAfter`. Only with the `createdAt` order can iteration go on by cursor. */
  page: z.optional(z.number().check(isInteger, z.gte(1))),
  /** The number of items per page, from 1 to 100. Default `100`. */
  pageSize: pageFields.pageSize,
};

const cursorOf = (query: Record<string, unknown>) => Boolean(query.startingAfter || query.endingBefore);

/** The server's rules on combining the paging fields (it answers 422 to each). */
export const cursorPagingRules: CrossFieldRule[] = [
  {
    test: (query) => !(query.startingAfter && query.endingBefore),
    message: "startingAfter and endingBefore are mutually exclusive",
  },
  {
    test: (query) => !(cursorOf(query) && query.page !== undefined),
    message: "page cannot be combined with startingAfter or endingBefore: page one way per request",
  },
  {
    test: (query) => !(cursorOf(query) && query.sortBy !== undefined && query.sortBy !== "createdAt"),
    message: "startingAfter and endingBefore work only with sortBy createdAt (the default): page other orders with page",
  },
];
