import type { APIPromise } from "../core/api-promise.js";
import type { ClientContext } from "../core/client-config.js";
import type { RequestOptions } from "../core/options.js";
import type { PagePromise } from "../core/pagination.js";
import { callOperation } from "../core/pipeline.js";
import type {
  ApprovePartnerApplicationRequestBody,
  ApprovePartnerApplicationResponseBody,
  ListPartnerApplicationsQuery,
  PartnerApplication,
  RejectPartnerApplicationRequestBody,
  RejectPartnerApplicationResponseBody,
} from "../models/partner-applications.js";
import { listPages } from "./list-pages.js";
import { approvePartnerApplication, listPartnerApplications, rejectPartnerApplication } from "./partner-applications-operations.js";

/** The `dub.partnerApplications` namespace: applications to join your program, and their review. */
export class PartnerApplications {
  readonly #ctx: ClientContext;

  /** @internal Built by {@link Dub}. */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
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
    return listPages(this.#ctx, listPartnerApplications, query, options);
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
    return callOperation(this.#ctx, approvePartnerApplication, body, options);
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
    return callOperation(this.#ctx, rejectPartnerApplication, body, options);
  }
}
