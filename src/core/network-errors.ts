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

/**
 * Codes of a refusal by the HTTP client itself, before any byte left: undici's invalid argument
 * (a header or URL it does not accept), Node's invalid header token or character.
 */
const LOCAL_REFUSAL_CODES = new Set(["UND_ERR_INVALID_ARG", "ERR_INVALID_HTTP_TOKEN", "ERR_INVALID_CHAR", "ERR_INVALID_URL", "UND_ERR_NOT_SUPPORTED"]);

/** Whether `error` is the HTTP client refusing the request locally (nothing was sent; a retry is refused alike). */
export function isLocalRefusal(error: unknown): boolean {
  const code = findCode(error);
  return code !== undefined && LOCAL_REFUSAL_CODES.has(code);
}

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
