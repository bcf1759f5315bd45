/** A raw exchange with the fake over HTTP, without the SDK in between. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

/** Sends one request with `fetch`; `body` objects go as JSON. `token: null` sends no Authorization. */
export async function call(
  baseURL: string,
  method: string,
  path: string,
  body?: unknown,
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? "dub_test" : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(baseURL + path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: out, text, json };
}
