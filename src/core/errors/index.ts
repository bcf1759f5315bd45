export type { DubErrorInit } from "./http-errors.js";
export { DubPartnersError } from "./brand.js";
export {
  BadRequest,
  Conflict,
  DubError,
  Forbidden,
  InternalServerError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "./http-errors.js";
export {
  ConnectionError,
  HTTPClientError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKValidationError,
  type ValidationIssue,
} from "./client-errors.js";
export { TransportUnavailableError } from "./transport-unavailable.js";
export { AlreadyApplied } from "./already-applied.js";
export type { RateLimitInfo } from "../rate-limit.js";
