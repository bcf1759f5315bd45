import type { APIPromise } from "../core/api-promise.js";
import type { RequestOptions } from "../core/options.js";
import type { PagePromise } from "../core/pagination.js";
import type {
  ApprovePartnerApplicationRequestBody,
  ApprovePartnerApplicationResponseBody,
  ListPartnerApplicationsQuery,
  PartnerApplication,
  RejectPartnerApplicationRequestBody,
  RejectPartnerApplicationResponseBody,
} from "../models/partner-applications.js";
import type { DubCore } from "../core-client.js";
import { partnerApplicationsApprove, partnerApplicationsList, partnerApplicationsReject } from "../funcs/partner-applications.js";

/** The `dub.partnerApplications` namespace: applications to join your program, and their review. */
export class PartnerApplications {
  readonly #client: DubCore;

  /** @internal Built by {@link Dub}. */
  constructor(client: DubCore) {
    this.#client = client;
  }

  /**
   * Lists the pending applications to your program, newest first. Await it for one page (an
   * array), or iterate it with `for await` for every application of every page. Safe to retry.
   *
   * @example
   * ```ts
   * for await (const application of dub.partnerApplications.list({ country: "US" })) {
   *   console.log(application.partner.email, application.applicationFormData);
   * }
   * ```
   */
  list(query?: ListPartnerApplicationsQuery, options?: RequestOptions): PagePromise<PartnerApplication> {
    return partnerApplicationsList(this.#client, query, options);
  }

  /**
   * Approves a pending (or previously rejected) application: the partner is enrolled in `groupId`,
   * else the group they applied to, else the program's default group, and notified. Safe to retry:
   * a repeat cannot enroll twice (the server answers it with `BadRequest`, "already approved").
   *
   * @example
   * ```ts
   * await dub.partnerApplications.approve({ partnerId: application.partner.id, groupId: "grp_vip" });
   * ```
   */
  approve(body: ApprovePartnerApplicationRequestBody, options?: RequestOptions): APIPromise<ApprovePartnerApplicationResponseBody> {
    return partnerApplicationsApprove(this.#client, body, options);
  }

  /**
   * Rejects a pending application; the partner is told by email, with `rejectionReason` and
   * `rejectionNote`. Safe to retry: a repeat cannot reject twice (the server answers it with
   * `BadRequest`, "no longer pending").
   *
   * @example
   * ```ts
   * await dub.partnerApplications.reject({ partnerId, rejectionReason: "needsMoreDetail", rejectionNote: "Tell us about your audience." });
   * ```
   */
  reject(body: RejectPartnerApplicationRequestBody, options?: RequestOptions): APIPromise<RejectPartnerApplicationResponseBody> {
    return partnerApplicationsReject(this.#client, body, options);
  }
}
