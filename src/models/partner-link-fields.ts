import * as z from "zod/mini";
import { maxString, optionalNullable } from "../core/schema.js";
import { linkPropsSchema } from "./link-props.js";
import { legacyProgramId } from "./partner-identity.js";

/** The fields `partners.createLink` and `partners.upsertLink` share besides the partner and the URL. */
export const partnerLinkFields = {
  /** The short link slug (at most 190 characters). A random 7-character slug when omitted. A taken slug is a 409 `Conflict`. */
  key: z.optional(maxString(190)),
  /** The comments for the short link. */
  comments: optionalNullable(z.string()),
  /** Properties of the short link, overriding the program's defaults. */
  linkProps: z.optional(linkPropsSchema),
  ...legacyProgramId,
};
