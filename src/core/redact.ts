/** Header values that carry credentials; always masked in logs. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

/**
 * A copy of `headers` safe to log: credential headers are masked, and so is any other value that
 * contains the API key (a caller may have put it into a custom header).
 */
export function redactHeaders(headers: Readonly<Record<string, string>>, secret: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name]!;
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) || (secret && value.includes(secret)) ? "[REDACTED]" : value;
  }
  return out;
}
