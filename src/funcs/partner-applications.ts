import { approvePartnerApplication, listPartnerApplications, rejectPartnerApplication } from "../resources/partner-applications-operations.js";
import type {
  ApprovePartnerApplicationRequestBody,
  ApprovePartnerApplicationResponseBody,
  ListPartnerApplicationsQuery,
  PartnerApplication,
  RejectPartnerApplicationRequestBody,
  RejectPartnerApplicationResponseBody,
} from "../models/partner-applications.js";
import { type ListFunction, listFunction, type OperationFunction, operationFunction } from "./operation-function.js";

/** `dub.partnerApplications.list` as a function: await one page, or `for await` every application. */
export const partnerApplicationsList: ListFunction<ListPartnerApplicationsQuery, PartnerApplication> = /* @__PURE__ */ listFunction(listPartnerApplications);

/** `dub.partnerApplications.approve` as a function. */
export const partnerApplicationsApprove: OperationFunction<ApprovePartnerApplicationRequestBody, ApprovePartnerApplicationResponseBody> = /* @__PURE__ */ operationFunction(approvePartnerApplication);

/** `dub.partnerApplications.reject` as a function. */
export const partnerApplicationsReject: OperationFunction<RejectPartnerApplicationRequestBody, RejectPartnerApplicationResponseBody> = /* @__PURE__ */ operationFunction(rejectPartnerApplication);
