import type { CreatePartnerRequestBody } from "../../operations/partners/create.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import { examplePartner } from "../fixtures.js";
import { createId, randomSuffix, type RandomSource } from "./random.js";
import type { FakeState } from "./state.js";

/** The request body of `POST /partners` after validation (legacy program fields dropped). */
export type PartnerInput = Omit<CreatePartnerRequestBody, "programId" | "program_id">;

/** Partner fields a request may set, copied as sent; `null` clears the nullable ones. */
const UPDATABLE = ["username", "image", "tenantId", "groupId", "country", "description"] as const;

/** A new enrolled partner (not stored), on the fixtures' defaults. */
export function buildPartner(input: PartnerInput, now: number, random: RandomSource): CreatePartnerResponseBody {
  const id = createId("pn_", now, random);
  const base = examplePartner({ id, partnerId: id, email: input.email, name: input.name || input.email, username: null, country: null });
  return { ...applyPartnerInput(base, input), createdAt: new Date(now).toISOString(), links: [] };
}

/** `partner` with the fields `input` sends; the upsert path of `POST /partners` for a known email. */
export function applyPartnerInput(partner: CreatePartnerResponseBody, input: PartnerInput): CreatePartnerResponseBody {
  const next: Record<string, unknown> = { ...partner };
  if (input.name) next.name = input.name;
  for (const field of UPDATABLE) if (input[field] !== undefined) next[field] = input[field];
  return next as unknown as CreatePartnerResponseBody;
}

/** Lower-case, URL-friendly: `Kim Lee` → `kim-lee`, `kim@example.com` → `kim-example-com`. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}

/**
 * The key of a new partner's default link: their username (or a slug of name, else email),
 * under the optional `linkProps.prefix`, with a short random suffix when that key is taken
 * (the real server also makes default keys unique rather than failing the enrollment).
 */
export function defaultLinkKey(partner: CreatePartnerResponseBody, prefix: string | undefined, domain: string, state: FakeState, random: RandomSource): string | undefined {
  const identity = slugify(partner.username ?? partner.name ?? partner.email ?? "");
  if (!identity) return undefined;
  const trimmed = prefix?.replace(/^\/+|\/+$/g, "") ?? "";
  const head = trimmed ? `${trimmed}/` : "";
  let key = `${head}${identity}`;
  while (state.linkByKey(domain, key)) key = `${head}${identity}-${randomSuffix(random)}`;
  return key;
}
