import { recordEvent } from "./webhooks/record.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import type { PartnerApplication, PartnerApplicationAnswer } from "../../operations/partner-applications/list.js";
import { buildPartner } from "./partner-records.js";
import { createId, type RandomSource } from "./random.js";
import type { ApplicationRecord, FakeState } from "./state.js";

/** A partner who applied to the program, for `fake.seedApplication`. Only `email` is required. */
export interface ApplicationSeed {
  /** The applicant's email; no partner of the fake may have it yet. */
  readonly email: string;
  /** The applicant's name. Default: the email. */
  readonly name?: string;
  /** The applicant's company, when they apply as one. Default `null`. */
  readonly companyName?: string | null;
  /** 2-letter country code. Default `null`. */
  readonly country?: string | null;
  /** The group they applied to. Default: the program's default group. */
  readonly groupId?: string;
  /** Their ID in your system. Default `null`. */
  readonly tenantId?: string | null;
  /** A description of the applicant. Default `null`. */
  readonly description?: string | null;
  /** Their website. Default `null`. */
  readonly website?: string | null;
  /** Their answers to the application form. Default: none (`[]`). */
  readonly applicationFormData?: PartnerApplicationAnswer[] | null;
}

/** Stores a pending partner with an application (nothing else: links come with the approval). */
export function seedApplication(state: FakeState, seed: ApplicationSeed, now: number, random: RandomSource): CreatePartnerResponseBody {
  if (typeof seed?.email !== "string" || !seed.email.includes("@")) throw new TypeError("seedApplication needs an email");
  if (state.partnerByEmail(seed.email)) throw new Error(`a partner with the email ${seed.email} already exists`);
  if (seed.tenantId && state.partnerByTenant(seed.tenantId)) throw new Error(`a partner with the tenantId ${seed.tenantId} already exists`);
  const base = buildPartner({ email: seed.email, name: seed.name }, now, random);
  const partner: CreatePartnerResponseBody = {
    ...base,
    status: "pending",
    companyName: seed.companyName ?? null,
    country: seed.country ?? null,
    groupId: seed.groupId ?? base.groupId,
    tenantId: seed.tenantId ?? null,
    description: seed.description ?? null,
    website: seed.website ?? null,
  };
  const application: ApplicationRecord = {
    id: createId("pgapp_", now, random),
    createdAt: new Date(now).toISOString(),
    applicationFormData: seed.applicationFormData === undefined ? [] : seed.applicationFormData,
    review: { rejectionReason: null, rejectionNote: null, reviewedAt: null },
  };
  state.putPartner(partner);
  state.applications.set(partner.id, application);
  recordEvent(state, "partner.application_submitted", applicationView(partner, application), now, random);
  return state.partnerView(partner);
}

/** An application as `GET /partners/applications` lists it. */
export function applicationView(partner: CreatePartnerResponseBody, application: ApplicationRecord): PartnerApplication {
  const { id, name, companyName, email, image, description, country, groupId, status, website, youtube, twitter, linkedin, instagram, tiktok } = partner;
  return {
    id: application.id,
    createdAt: application.createdAt,
    partner: { id, name, companyName, email, image, description, country, groupId, status, website, youtube, twitter, linkedin, instagram, tiktok },
    applicationFormData: application.applicationFormData,
  };
}
