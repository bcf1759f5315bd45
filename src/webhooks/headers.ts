import { WebhookVerificationError } from "./verification-error.js";

/**
 * The request headers, with names in any case: a fetch `Headers` (`request.headers` in Next.js
 * route handlers, Hono's `c.req.raw.headers`, workers), Node's `IncomingHttpHeaders`
 * (`req.headers` in Express and `node:http`, values `string | string[]`), or a plain object.
 */
export type WebhookHeaders = HeadersLike | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A fetch `Headers`, or anything with its case-insensitive `get`. */
export interface HeadersLike {
  /**
   * The value of a header, several values joined by `, `; `null` when absent.
   *
   * @param name the header's name, in any case
   */
  get(name: string): string | null | undefined;
}

/** The header Dub signs with, in lower case. */
const SIGNATURE_HEADER = "dub-signature";

/** Every value of `Dub-Signature` in `headers`, whatever their form and the case of the name. */
function signatureValues(headers: unknown): unknown[] {
  // Object(): `undefined`, `null` or a string passed by mistake has no header, instead of a TypeError.
  const object = Object(headers) as { get?: unknown };
  // A Headers: case-insensitive already.
  if (typeof object.get === "function") return [object.get(SIGNATURE_HEADER)];
  return Object.entries(object).flatMap(([name, value]) => (name.toLowerCase() === SIGNATURE_HEADER ? [value].flat() : []));
}

/**
 * The value of the `Dub-Signature` header: exactly one value, 64 lower-case hexadecimal
 * characters (upper case is refused: Dub sends lower case, and accepting both would let a changed
 * header still verify). Otherwise a typed error.
 */
export function readSignature(headers: unknown): string {
  const values = signatureValues(headers).filter((value) => typeof value === "string");
  if (!values.length) {
    throw new WebhookVerificationError("missing_signature", "No Dub-Signature header: not a request from Dub, or a proxy dropped it.");
  }
  const value = values[0]!.trim();
  if (values.length > 1 || !/^[0-9a-f]{64}$/.test(value)) {
    throw new WebhookVerificationError("malformed_signature", "Dub-Signature is not one 64-character lower-case hex value: sent twice, or altered on the way.");
  }
  return value;
}
