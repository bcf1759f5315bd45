import { HTTPClientError } from "./client-errors.js";

/**
 * The HTTP client itself could not be loaded, so nothing was sent: undici is missing from
 * `node_modules`, or cannot run inside the application's bundle. The message says how to fix it;
 * `cause` keeps the loader's error. Never retried: another attempt would meet the same problem.
 */
export class TransportUnavailableError extends HTTPClientError {
  static override readonly kind: string = "TransportUnavailableError";
  /** Always `false`: no byte of the request left. */
  readonly requestSent = false;

  constructor(message: string, request: string, cause?: unknown) {
    super(`${message}; nothing was sent`, request, cause);
  }
}
