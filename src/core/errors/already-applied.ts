import { DubError } from "./http-errors.js";

/**
 * A repeat of a call that had already taken effect: an earlier attempt reached the server and
 * acted, its answer was lost (a reset, a timeout, a 5XX after the effect), and the retry was
 * refused because the work is done (Dub answers such a repeat with 400 or 409, "already
 * approved", "already has a discount code", ...). Treat the operation as done; read the resource
 * back if you need its data. `statusCode`, `code` and `body` are the refusal's; `cause` is the
 * failure of the attempt whose answer was lost.
 *
 * Only a refusal that follows an attempt which may have acted is reported this way: the same
 * 400 on a first attempt is a plain `BadRequest` (someone else did it).
 *
 * @example
 * ```ts
 * try {
 *   await dub.bounties.approveSubmission({ bountyId, submissionId });
 * } catch (error) {
 *   if (!(error instanceof AlreadyApplied)) throw error; // approved by this call, its answer lost
 * }
 * ```
 */
export class AlreadyApplied extends DubError {
  static override readonly kind: string = "AlreadyApplied";
}
