/**
 * Encodes validated query parameters: `undefined` and `null` are left out, arrays repeat the key
 * (`?ids=a&ids=b`), everything else is its string form. Returns `""` or `"?..."`.
 */
export function encodeQuery(params: Readonly<Record<string, unknown>> | undefined): string {
  if (!params) return "";
  const search = new URLSearchParams();
  for (const key in params) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
