import { FakeApiError } from "./api-error.js";

/** Keys of the form `dub_…`, what the fake accepts when no `token` is configured. */
const ANY_DUB_KEY = /^dub_\S+$/;

/**
 * The API key of a request, or a 401 as the real server answers: for a missing header, and for
 * a key that is not the configured one (or, with none configured, not a `dub_…` key).
 */
export function authenticate(headers: Readonly<Record<string, string>>, expected: string | undefined): string {
  const header = headers["authorization"];
  if (!header) throw new FakeApiError("unauthorized", "Missing Authorization header.");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (!token || (expected === undefined ? !ANY_DUB_KEY.test(token) : token !== expected)) {
    throw new FakeApiError("unauthorized", "Unauthorized: Invalid API key.");
  }
  return token;
}
