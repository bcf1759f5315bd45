/**
 * Cross-copy `instanceof`.
 *
 * A process can load the package twice (its ESM and its CJS build, or two versions), and each copy
 * has its own classes, so a plain `instanceof` fails across copies. Every error records the kinds
 * of its class chain under a `Symbol.for` key, shared by all copies, and every class answers
 * `instanceof` from that record when the prototype check fails.
 */
const KINDS = Symbol.for("dub-partners.error.kinds");

type Branded = { readonly [KINDS]?: readonly string[] };

/** The kinds of a class and its ancestors, most derived first. */
function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  for (let c = ctor as { kind?: string } | null; c && typeof c.kind === "string"; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, "kind")) kinds.push(c.kind);
  }
  return kinds;
}

/**
 * Base of every error the package throws: one `instanceof DubPartnersError` means "an error of
 * dub-partners", whatever its kind. Below it, as in the official `dub` package: `DubError` (the
 * server answered: an error status, or a 2XX body that cannot be used; always has `statusCode`),
 * `SDKValidationError` (nothing was sent) and `HTTPClientError` (no usable response).
 *
 * @example
 * ```ts
 * try {
 *   await dub.partners.create({ email });
 * } catch (error) {
 *   if (error instanceof DubPartnersError) log.warn({ kind: error.name, message: error.message });
 *   else throw error; // a bug in your own code
 * }
 * ```
 */
export abstract class DubPartnersError extends Error {
  /** Stable identity of the class across copies of the package. */
  static readonly kind: string = "DubPartnersError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
    Object.defineProperty(this, "name", {
      value: (new.target as unknown as { kind: string }).kind,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }

  /**
   * `instanceof` that also recognizes errors made by another copy of the package (its ESM and
   * its CJS build, or another version), by their kinds.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as Branded)[KINDS];
    return Array.isArray(kinds) && kinds.includes((this as unknown as { kind: string }).kind);
  }
}
