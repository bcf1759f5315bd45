import type { LinkSchema, LinkTag } from "../../models/link.js";
import type { CreatePartnerResponseBody, PartnerApplicationReview } from "../../models/partner.js";
import type { PartnerApplicationAnswer } from "../../operations/partner-applications/list.js";
import { partnerLinkSummary } from "../fixtures.js";
import type { BountySubmissionRecord, DiscountCodeRecord, FakeBounty, FakeDiscount } from "./catalog-records.js";
import type { FakeEmbedToken } from "./embed-token-records.js";
import { ProgramState } from "./program-records.js";

/** A webhook event the fake's state changes produced (`{ id, event, createdAt, data }`, as Dub sends it). */
export interface FakeEvent {
  /** `evt_…`: the same on every delivery of the event. */
  readonly id: string;
  /** The trigger (`partner.enrolled`, `sale.created`, ...). */
  readonly event: string;
  /** When the event happened (ISO 8601). */
  readonly createdAt: string;
  /** The event's payload. */
  readonly data: object;
}

/** A partner's application to the program: the answers, and the review once there is one. */
export interface ApplicationRecord {
  readonly id: string;
  /** When the application was submitted (ISO 8601). */
  readonly createdAt: string;
  readonly applicationFormData: PartnerApplicationAnswer[] | null;
  readonly review: PartnerApplicationReview;
}

/**
 * The fake's data: partners and links with the indexes the real server's unique constraints
 * imply. Records are replaced, never mutated, so {@link FakeState.clone} can copy the maps only.
 */
export class FakeState {
  /** Partners by id, in creation order. Their `links` are filled in by {@link FakeState.partnerView}. */
  partners = new Map<string, CreatePartnerResponseBody>();
  /** Links by id, in creation order. */
  links = new Map<string, LinkSchema>();
  /** Lower-cased email → partner id: the upsert key of `POST /partners`. */
  #byEmail = new Map<string, string>();
  /** tenantId → partner id. */
  #byTenant = new Map<string, string>();
  /** `domain/key`, lower-cased → link id; keys compare case-insensitively, as in the real database. */
  #byKey = new Map<string, string>();
  /** externalId → link id; unique across the workspace. */
  #byExternalId = new Map<string, string>();
  /** Partner id → their link ids, oldest first: a partner's links without scanning every link. */
  #byPartner = new Map<string, string[]>();
  /** Lower-cased tag name → tag; tag names are case-insensitive on the server. */
  tags = new Map<string, LinkTag>();
  /** Partner id → their application (partners who applied; a pending one is what the applications routes list). */
  applications = new Map<string, ApplicationRecord>();
  /**
   * The webhook events of the state changes so far, oldest first. Part of the state, so that a
   * request answered without effect (an injected fault) leaves no event behind.
   */
  events: FakeEvent[] = [];
  /** Discounts by id (`fake.seedDiscount`), each of a partner group. */
  discounts = new Map<string, FakeDiscount>();
  /** Discount codes by id, in creation order. */
  discountCodes = new Map<string, DiscountCodeRecord>();
  /** Referral embed tokens by public token, in issue order. */
  embedTokens = new Map<string, FakeEmbedToken>();
  /** Bounties by id (`fake.seedBounty`). */
  bounties = new Map<string, FakeBounty>();
  /** Bounty submissions by id, in creation order. */
  bountySubmissions = new Map<string, BountySubmissionRecord>();
  /** Clicks, customers, leads, commissions and payouts of the program. */
  program = new ProgramState();

  partnerByEmail(email: string): CreatePartnerResponseBody | undefined {
    const id = this.#byEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.partners.get(id);
  }

  partnerByTenant(tenantId: string): CreatePartnerResponseBody | undefined {
    const id = this.#byTenant.get(tenantId);
    return id === undefined ? undefined : this.partners.get(id);
  }

  linkByKey(domain: string, key: string): LinkSchema | undefined {
    const id = this.#byKey.get(keyIndex(domain, key));
    return id === undefined ? undefined : this.links.get(id);
  }

  linkByExternalId(externalId: string): LinkSchema | undefined {
    const id = this.#byExternalId.get(externalId);
    return id === undefined ? undefined : this.links.get(id);
  }

  /** The partner's links, oldest first. */
  linksOf(partnerId: string): LinkSchema[] {
    return (this.#byPartner.get(partnerId) ?? []).map((id) => this.links.get(id)!);
  }

  /** Stores `partner`, replacing the record with the same id and its index entries. */
  putPartner(partner: CreatePartnerResponseBody): void {
    const old = this.partners.get(partner.id);
    if (old?.email) this.#byEmail.delete(old.email.toLowerCase());
    if (old?.tenantId) this.#byTenant.delete(old.tenantId);
    this.partners.set(partner.id, partner);
    if (partner.email) this.#byEmail.set(partner.email.toLowerCase(), partner.id);
    if (partner.tenantId) this.#byTenant.set(partner.tenantId, partner.id);
  }

  /** Removes the partner's enrollment (and application); their links stay, as the server keeps them. */
  removePartner(partnerId: string): void {
    const old = this.partners.get(partnerId);
    if (!old) return;
    if (old.email) this.#byEmail.delete(old.email.toLowerCase());
    if (old.tenantId) this.#byTenant.delete(old.tenantId);
    this.partners.delete(partnerId);
    this.applications.delete(partnerId);
  }

  /** Stores `link`, replacing the record with the same id and its index entries. */
  putLink(link: LinkSchema): void {
    const old = this.links.get(link.id);
    if (old) {
      this.#byKey.delete(keyIndex(old.domain, old.key));
      if (old.externalId) this.#byExternalId.delete(old.externalId);
    }
    if (old?.partnerId !== link.partnerId) {
      // A new link, or one moved to another partner (an upsert by tenantId can move one).
      if (old?.partnerId) {
        const ids = this.#byPartner.get(old.partnerId)!;
        ids.splice(ids.indexOf(link.id), 1);
      }
      if (link.partnerId) {
        const ids = this.#byPartner.get(link.partnerId);
        if (ids) ids.push(link.id);
        else this.#byPartner.set(link.partnerId, [link.id]);
      }
    }
    this.links.set(link.id, link);
    this.#byKey.set(keyIndex(link.domain, link.key), link.id);
    if (link.externalId) this.#byExternalId.set(link.externalId, link.id);
  }

  /**
   * The partner as the API returns it: with the summaries of its links, the totals and ratios
   * those links add up to, and the review of their application when they applied.
   */
  partnerView(partner: CreatePartnerResponseBody): CreatePartnerResponseBody {
    const links = this.linksOf(partner.id);
    const sum = (field: "clicks" | "leads" | "conversions" | "sales" | "saleAmount") => links.reduce((total, link) => total + link[field], 0);
    const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
    const [clicks, leads, conversions, sales, revenue] = [sum("clicks"), sum("leads"), sum("conversions"), sum("sales"), sum("saleAmount")];
    const commissions = partner.totalCommissions;
    const application = this.applications.get(partner.id);
    return {
      ...partner,
      links: links.map(partnerLinkSummary),
      totalClicks: clicks,
      totalLeads: leads,
      totalConversions: conversions,
      totalSales: sales,
      totalSaleAmount: revenue,
      netRevenue: revenue - commissions,
      earningsPerClick: ratio(revenue, clicks),
      averageLifetimeValue: ratio(revenue, conversions),
      clickToLeadRate: ratio(leads, clicks),
      clickToConversionRate: ratio(conversions, clicks),
      leadToConversionRate: ratio(conversions, leads),
      returnOnAdSpend: ratio(revenue, commissions),
      ...(application && { applicationId: application.id, application: application.review }),
    };
  }

  /** An independent copy (records are shared: they are never mutated). */
  clone(): FakeState {
    const copy = new FakeState();
    copy.partners = new Map(this.partners);
    copy.links = new Map(this.links);
    copy.#byEmail = new Map(this.#byEmail);
    copy.#byTenant = new Map(this.#byTenant);
    copy.#byKey = new Map(this.#byKey);
    copy.#byExternalId = new Map(this.#byExternalId);
    copy.#byPartner = new Map([...this.#byPartner].map(([partnerId, ids]) => [partnerId, [...ids]]));
    copy.tags = new Map(this.tags);
    copy.applications = new Map(this.applications);
    copy.events = [...this.events];
    copy.discounts = new Map(this.discounts);
    copy.discountCodes = new Map(this.discountCodes);
    copy.embedTokens = new Map(this.embedTokens);
    copy.bounties = new Map(this.bounties);
    copy.bountySubmissions = new Map(this.bountySubmissions);
    copy.program = this.program.clone();
    return copy;
  }
}

function keyIndex(domain: string, key: string): string {
  return `${domain}/${key}`.toLowerCase();
}
