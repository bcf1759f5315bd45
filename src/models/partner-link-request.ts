import * as z from "zod/mini";
import { withCrossFieldRules } from "../core/cross-field-rules.js";
import { type LinkProps, linkPropsSchema } from "./link-props.js";
import { legacyProgramId, maxString, optionalNullable, partnerIdentity, requirePartner } from "./schema-helpers.js";

/** Body of `partners.createLink` (`POST /partners/links`). Give `partnerId` or `tenantId`. */
export interface CreatePartnerLinkRequestBody {
  /** The partner's ID on Dub. Takes precedence over `tenantId`. One of the two is required. */
  partnerId?: string | null;
  /** The partner's ID in your system. One of `partnerId` and `tenantId` is required. */
  tenantId?: string | null;
  /** The destination URL (at most 32,000 characters). Defaults to the program's default destination; its domain must match the program's. */
  url?: string | null;
  /** The short link slug (at most 190 characters). A random 7-character slug when omitted. A taken slug is a 409 `Conflict`. */
  key?: string;
  /** The comments for the short link. */
  comments?: string | null;
  /** Properties of the short link, overriding the program's defaults. */
  linkProps?: LinkProps;
  /** @deprecated Ignored: the program comes from the API key. Accepted for code written from older docs; never sent. */
  programId?: string;
  /** @deprecated Ignored, as `programId`. */
  program_id?: string;
}

/** Body of `partners.upsertLink` (`PUT /partners/links/upsert`): as createLink, with `url` required. */
export interface UpsertPartnerLinkRequestBody extends Omit<CreatePartnerLinkRequestBody, "url"> {
  /** The URL to upsert for (at most 32,000 characters): the partner's link with this URL is returned, updated, or created. */
  url: string;
}

const linkFields = {
  key: z.optional(maxString(190)),
  comments: optionalNullable(z.string()),
  linkProps: z.optional(linkPropsSchema),
  ...legacyProgramId,
};

/** Request schema of `partners.createLink`; its wire form drops the legacy program fields. */
export const createPartnerLinkRequestSchema = withCrossFieldRules(
  z.strictObject({ ...partnerIdentity, url: optionalNullable(maxString(32_000)), ...linkFields }),
  requirePartner,
) satisfies z.ZodMiniType<CreatePartnerLinkRequestBody, CreatePartnerLinkRequestBody>;

/** Request schema of `partners.upsertLink`; its wire form drops the legacy program fields. */
export const upsertPartnerLinkRequestSchema = withCrossFieldRules(
  z.strictObject({ ...partnerIdentity, url: maxString(32_000), ...linkFields }),
  requirePartner,
) satisfies z.ZodMiniType<UpsertPartnerLinkRequestBody, UpsertPartnerLinkRequestBody>;
