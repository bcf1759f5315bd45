/**
 * Error codes meaning the request never left: no connection was made, so the server cannot have
 * acted and a retry cannot duplicate anything.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
]);

/** The first `code` on the error or its `cause` chain (fetch wraps undici's error in a TypeError). */
function findCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * What a transport failure says about the request: its code, and whether the request may have
 * reached the server. Unknown failures count as sent, the safe assumption for retries.
 */
export function describeNetworkError(error: unknown): { errorCode: string | undefined; requestSent: boolean; detail: string } {
  const errorCode = findCode(error);
  const requestSent = errorCode === undefined || !NOT_SENT_CODES.has(errorCode);
  const message = error instanceof Error ? error.message : String(error);
  const causeMessage = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return { errorCode, requestSent, detail: `${message}${causeMessage}` };
}
