/** Request headers whose values are credentials: masked whole in logs, and redacted wherever echoed. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

/** What replaces a secret. */
export const REDACTED = "[REDACTED]";

/** Shorter values are not treated as secrets: masking every "abc" in a body would garble it and protect nothing. */
const MIN_SECRET_LENGTH = 4;
/** How deep a `cause` chain or nested fields are followed. */
const MAX_CAUSE_DEPTH = 8;

/**
 * The credentials one call used: the client's API key, and every credential header the call
 * sent (a per-call `Authorization`, whole and as its bare key). Everything that leaves the
 * pipeline as an error, a hook payload or a log line passes through {@link Secrets.redact}.
 */
export class Secrets {
  /** Longest first, so a value that contains another (`Bearer dub_x` and `dub_x`) is replaced whole. */
  readonly #values: readonly string[];

  constructor(values: Iterable<string | undefined>) {
    const kept = new Set<string>();
    for (const value of values) if (value !== undefined && value.length >= MIN_SECRET_LENGTH) kept.add(value);
    this.#values = [...kept].sort((a, b) => b.length - a.length);
  }

  /** Whether `text` holds any of the secrets. */
  foundIn(text: string): boolean {
    for (const secret of this.#values) if (text.includes(secret)) return true;
    return false;
  }

  /** `text` with every occurrence of every secret replaced by `[REDACTED]`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.#values) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /**
   * Response headers with every secret replaced inside their values (a server or proxy that
   * echoes the request, a redirect whose `Location` carries the key). The same object when none
   * holds a secret, so the common case copies nothing.
   */
  redactValues(headers: Record<string, string>): Record<string, string> {
    let out: Record<string, string> | undefined;
    for (const name in headers) {
      const value = headers[name]!;
      if (this.foundIn(value)) (out ??= { ...headers })[name] = this.redact(value);
    }
    return out ?? headers;
  }

  /**
   * Request headers safe to show (debug lines, the `beforeRequest` hook): credential headers are
   * masked whole, and so is any other value that holds a secret.
   */
  maskRequestHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in headers) {
      const value = headers[name]!;
      out[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) || this.foundIn(value) ? REDACTED : value;
    }
    return out;
  }

  /**
   * An error (a transport's, a parser's) kept as a `cause`, with every secret removed from its
   * message, stack, string fields, nested objects and its own `cause` chain. The same object
   * when it holds none; otherwise a copy of the same class, so `instanceof` and `code` still
   * tell what it was.
   */
  scrub<T>(value: T, depth = 0, seen = new Set<object>()): T {
    if (typeof value !== "object" || value === null || depth > MAX_CAUSE_DEPTH || seen.has(value) || !isPlainOrError(value)) return value;
    seen.add(value);
    const source = value as Record<string, unknown>;
    const names = new Set<string>(Object.getOwnPropertyNames(source));
    if (value instanceof Error) names.add("message").add("stack");
    let changed = false;
    const replaced: Record<string, unknown> = {};
    for (const name of names) {
      let field: unknown;
      try {
        field = source[name];
      } catch {
        continue;
      }
      const clean = typeof field === "string" ? this.redact(field) : this.scrub(field, depth + 1, seen);
      if (clean !== field) changed = true;
      replaced[name] = clean;
    }
    if (!changed) return value;
    const copy = (Array.isArray(source) ? [] : Object.create(Object.getPrototypeOf(source))) as Record<string, unknown>;
    for (const name of names) {
      if (Array.isArray(source) && name === "length") continue;
      const enumerable = Object.getOwnPropertyDescriptor(source, name)?.enumerable ?? false;
      Object.defineProperty(copy, name, { value: replaced[name], enumerable, writable: true, configurable: true });
    }
    return copy as T;
  }
}

/** Errors, plain objects and arrays are looked into; anything else (a socket, a stream) is kept as it is. */
function isPlainOrError(value: object): boolean {
  if (value instanceof Error || Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** No secret at all (a call that failed before its key was known). */
export const NO_SECRETS = new Secrets([]);

/**
 * The secrets of one call: the API key, and every credential header it sends. For
 * `Authorization: Bearer <key>`, both the whole value and the key after the scheme count.
 */
export function secretsOf(token: string | undefined, headers: Readonly<Record<string, string>>): Secrets {
  const values: (string | undefined)[] = [token];
  for (const name of CREDENTIAL_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    values.push(value);
    const space = value.indexOf(" ");
    if (space > 0) values.push(value.slice(space + 1).trim());
  }
  return new Secrets(values);
}
