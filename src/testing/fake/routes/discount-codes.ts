import type { CreatePartnerResponseBody } from "../../../models/partner.js";
import { examplePartner } from "../../fixtures.js";
import { FakeApiError } from "../api-error.js";
import {
  type DiscountCodeRecord,
  discountCodeByCode,
  discountCodeEventData,
  discountCodeOfLink,
  discountCodeView,
  discountOf,
  type FakeDiscount,
} from "../discount-records.js";
import { createId, randomKey } from "../random.js";
import type { FakeState } from "../state.js";
import type { Route, RouteContext } from "./context.js";
import { pageOf } from "./pages.js";

/** The program of the fake's API key. */
const PROGRAM_ID = examplePartner().programId;
/** How many generated codes the server tries (each taken one gets two more random characters). */
const GENERATED_CODE_ATTEMPTS = 3;

/** The partner's enrollment, or the server's 404. */
function enrollmentOf(state: FakeState, partnerId: string): CreatePartnerResponseBody {
  const partner = state.partners.get(partnerId);
  if (!partner) throw new FakeApiError("not_found", `Partner ${partnerId} is not enrolled in program ${PROGRAM_ID}.`);
  return partner;
}

/**
 * `GET /discount-codes` (200): the program's codes, newest first, of one partner and/or one
 * discount, paged (default 100 a page). 404 for an unknown `discountId` or a partner not enrolled.
 */
export const listDiscountCodesRoute: Route<"listDiscountCodes"> = (ctx, input) => {
  const { state } = ctx;
  if (input.discountId !== undefined && !state.discounts.has(input.discountId)) throw new FakeApiError("not_found", "Discount not found.");
  if (input.partnerId !== undefined) enrollmentOf(state, input.partnerId);
  const codes = [...state.discountCodes.values()]
    .reverse()
    .filter((record) => (input.partnerId === undefined || record.partnerId === input.partnerId) && (input.discountId === undefined || record.discountId === input.discountId))
    .map(discountCodeView);
  return { status: 200, body: pageOf(codes, input) };
};

/** The code the server makes from the partner's first name and the discount (`KIM10OFF`). */
function generatedCode(partner: CreatePartnerResponseBody, discount: FakeDiscount): string {
  const amount = Math.round(discount.type === "percentage" ? discount.amount : discount.amount / 100);
  const firstName = partner.name.trim().toUpperCase().split(" ")[0] ?? "";
  const prefix = firstName.replace(/[^A-Z0-9\-_]/g, "") || "PARTNER";
  return `${prefix}${amount > 0 ? `${amount}OFF` : ""}`;
}

/** A generated code not taken yet: the server retries a taken one with two random characters more. */
function freeGeneratedCode(ctx: RouteContext, partner: CreatePartnerResponseBody, discount: FakeDiscount): string {
  let code = generatedCode(partner, discount);
  for (let attempt = 1; discountCodeByCode(ctx.state, code); attempt++) {
    if (attempt === GENERATED_CODE_ATTEMPTS) {
      throw new FakeApiError("conflict", "This discount code is already in use, or this link already has a code. Please refresh and try again.");
    }
    code += randomKey(ctx.random, 2);
  }
  return code;
}

/**
 * `POST /discount-codes` (200 with the code): a code for one of the partner's links, under the
 * discount of the partner's group. In the server's order: 404 for a partner not enrolled; 400 for
 * a link that is not the partner's, for a partner without a discount, and for a link that already
 * has a code; 409 for a code taken in the program (case-insensitively). Without `code`, one is
 * made from the partner's first name and the discount (`KIM10OFF`, with random characters added
 * when taken). Stripe discounts store the code in upper case. Records `discount_code.created`.
 */
export const createDiscountCodeRoute: Route<"createDiscountCode"> = (ctx, input) => {
  const { state } = ctx;
  const partner = enrollmentOf(state, input.partnerId);
  if (!state.linksOf(partner.id).some((link) => link.id === input.linkId)) throw new FakeApiError("bad_request", "Partner link not found.");
  const discount = discountOf(state, partner);
  if (!discount) {
    throw new FakeApiError("bad_request", "No discount is assigned to this partner group. Please add a discount before proceeding.");
  }
  const onLink = discountCodeOfLink(state, input.linkId);
  if (onLink) throw new FakeApiError("bad_request", `This link already has a discount code (${onLink.code}) assigned.`);
  if (input.code) {
    const taken = discountCodeByCode(state, input.code);
    if (taken) {
      const holder = state.partners.get(taken.partnerId);
      throw new FakeApiError(
        "conflict",
        `This discount code "${input.code}" is already in use by [${holder?.email ?? taken.partnerId}](https://app.dub.co/acme/program/partners/${taken.partnerId}). Please choose a different code.`,
      );
    }
  }
  const code = input.code || freeGeneratedCode(ctx, partner, discount);
  const record: DiscountCodeRecord = {
    id: createId("dcode_", ctx.now, ctx.random),
    code: discount.provider === "stripe" ? code.toUpperCase() : code,
    discountId: discount.id,
    partnerId: partner.id,
    linkId: input.linkId,
    disabledAt: null,
    createdAt: new Date(ctx.now).toISOString(),
  };
  state.discountCodes.set(record.id, record);
  ctx.emit("discount_code.created", discountCodeEventData(record, discount));
  return { status: 200, body: discountCodeView(record) };
};

/**
 * `DELETE /discount-codes/{idOrCode}` (200 `{ id }`): by ID when the value starts with `dcode_`,
 * else by code (case-insensitively); the code is removed, so it can be created again. 404 for an
 * unknown one, a second delete included. Records `discount_code.deleted`.
 */
export const deleteDiscountCodeRoute: Route<"deleteDiscountCode"> = (ctx, idOrCode) => {
  const { state } = ctx;
  const record = idOrCode.startsWith("dcode_") ? state.discountCodes.get(idOrCode) : discountCodeByCode(state, idOrCode);
  const discount = record?.discountId ? state.discounts.get(record.discountId) : undefined;
  if (!record || !discount) throw new FakeApiError("not_found", `Discount code (${idOrCode}) not found.`);
  state.discountCodes.delete(record.id);
  ctx.emit("discount_code.deleted", discountCodeEventData(record, discount));
  return { status: 200, body: { id: record.id } };
};
