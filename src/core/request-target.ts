import { SDKValidationError } from "./errors/client-errors.js";

/**
 * Longest request target (path and query) the client sends, in bytes. Servers and proxies refuse
 * longer ones with 414 or 431 (nginx and Node's HTTP server at 8 to 16 KiB, most CDNs at 16 KiB);
 * failing here says why, before megabytes are sent for nothing.
 */
export const MAX_REQUEST_TARGET_BYTES = 16 * 1024;

/** Throws `SDKValidationError` when the request target of the absolute `url` (its path and query) is too long. */
export function checkRequestTarget(url: string, subject: string): void {
  // Percent-encoded, so one character is one byte; the target starts at the first "/" after "scheme://".
  const length = url.length - url.indexOf("/", url.indexOf("//") + 2);
  if (length <= MAX_REQUEST_TARGET_BYTES) return;
  throw new SDKValidationError(subject, [
    {
      path: [],
      code: "too_big",
      message: `the request URL's path and query would be ${length} bytes; servers refuse more than ${MAX_REQUEST_TARGET_BYTES} (HTTP 414 or 431), so it was not sent: pass fewer or shorter query values`,
    },
  ]);
}
