import * as z from "zod/mini";
import { withCrossFieldRules } from "../../core/cross-field-rules.js";
import { defineOperation } from "../../core/operation.js";
import { maxString, responseObject } from "../../core/schema.js";

/** Request schema of `track.open`. */
const trackOpenRequestSchema = withCrossFieldRules(
  z.strictObject({
    /** The deep link that opened the app (at most 32,000 characters), e.g. `https://acme.link/spring`. */
    deepLink: z.optional(maxString(32_000)),
    /** Your deep-link domain on Dub (e.g. `acme.link`): without `deepLink`, the server looks for a recent click from the same device on it (probabilistic tracking). */
    dubDomain: z.optional(z.string()),
  }),
  { test: ({ deepLink, dubDomain }) => Boolean(deepLink || dubDomain), message: "deepLink or dubDomain is required" },
);

/** Body of `track.open` (`POST /track/open`). Give `deepLink`, or `dubDomain` for probabilistic tracking. */
export type TrackOpenRequestBody = z.input<typeof trackOpenRequestSchema>;

const trackOpenResponseSchema = responseObject({
  /** The click of the open (or the earlier click that led to the app store), to pass to `track.lead` as `clickId`; `null` when none was found. */
  clickId: z.nullable(z.string()),
  /** The deep link that was opened; `null` when the open was not associated with a link (e.g. a direct download from the app store). */
  link: z.nullable(
    responseObject({
      /** The ID of the deep link. */
      id: z.string(),
      /** The domain of the deep link. */
      domain: z.string(),
      /** The key of the deep link. */
      key: z.string(),
      /** The URL of the deep link. */
      url: z.string(),
    }),
  ),
});

/** What `track.open` returns (`200`). */
export type TrackOpenResponseBody = z.output<typeof trackOpenResponseSchema>;

export default {
  /**
   * Reports that a deep link opened your mobile app, and returns the click to attribute the
   * customer's lead to (`clickId`, for `track.lead`). The one call the API serves without a key,
   * for apps that must not hold one: no `Authorization` header is sent. Not in the official SDK.
   * Safe to retry: the server records one click per device and link for an hour, so a repeat
   * gets the same `clickId`.
   *
   * @example
   * ```ts
   * const { clickId } = await dub.track.open({ deepLink: "https://acme.link/spring" });
   * if (clickId) await saveForSignup(clickId);
   * ```
   */
  open: defineOperation({
    operationId: "trackOpen",
    http: "POST /track/open",
    argument: "body",
    request: trackOpenRequestSchema,
    response: trackOpenResponseSchema,
    idempotent: true,
    authenticated: false,
  }),
};
