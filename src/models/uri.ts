import * as z from "zod/mini";

/**
 * An absolute URI, as the spec's `format: uri` asks: a scheme, then only the characters RFC 3986
 * allows (unreserved and reserved ones, `%` escapes). Lighter than a full RFC 3986 grammar; what
 * it lets through and a strict validator would not (a malformed IPv6 literal, say) the server
 * refuses with a 422 all the same.
 */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

/** A string that is an absolute URI (`format: uri`). */
export const uriString = z.string().check(z.regex(URI, "must be an absolute URI"));
