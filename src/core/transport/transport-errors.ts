/**
 * Failures a transport reports before any byte of the request left, for the attempt to name
 * (see attempt.ts): they are not connection problems, and a retry would meet them again.
 */

/** The HTTP client could not be loaded (undici missing, or unusable in this bundle). */
export class TransportLoadError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

/** `ConnectionError.errorCode` of a {@link BrowserFetchError}: never retried. */
export const BROWSER_FETCH_FAILED = "BROWSER_FETCH_FAILED";

/**
 * `fetch` rejected in a browser. Browsers say only "Failed to fetch" (Chromium), "NetworkError
 * when attempting to fetch resource" (Firefox) or "Load failed" (Safari), whatever the cause:
 * a CORS refusal, a Content-Security-Policy, mixed content, an extension, or the network.
 */
export class BrowserFetchError extends Error {
  constructor(readonly url: string, cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), { cause });
  }
}
