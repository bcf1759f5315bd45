import type { LinkSchema, LinkTag } from "../../models/link.js";
import type { LinkProps } from "../../models/link-props.js";
import type { CreatePartnerResponseBody } from "../../models/partner.js";
import { exampleLink } from "../fixtures.js";
import { FakeApiError } from "./api-error.js";
import { createId, randomKey, type RandomSource } from "./random.js";
import type { FakeState } from "./state.js";

/** What a request says about a link: the fields shared by createLink, upsertLink and a partner's default link. */
export interface LinkInput {
  url?: string | null;
  key?: string;
  comments?: string | null;
  linkProps?: LinkProps;
}

/** The parts of the fake a link builder reads. */
export interface LinkContext {
  readonly state: FakeState;
  readonly random: RandomSource;
  /** Epoch milliseconds of the request. */
  readonly now: number;
  readonly domain: string;
  readonly programUrl: string;
  /** Records the webhook event of a state change (`partner.enrolled`, `sale.created`, ...): the fake delivers it to its receivers. */
  readonly emit: (event: string, data: object) => void;
}

/** Link fields stored as sent (`linkProps` name → link field). */
const PLAIN_PROPS = [
  "externalId",
  "archived",
  "expiresAt",
  "expiredUrl",
  "password",
  "proxy",
  "title",
  "description",
  "image",
  "video",
  "rewrite",
  "ios",
  "android",
  "doIndex",
  "testVariants",
  "testStartedAt",
  "testCompletedAt",
] as const satisfies readonly (keyof LinkProps & keyof LinkSchema)[];

const TAG_COLORS = ["red", "yellow", "green", "blue", "purple", "brown", "gray", "pink"] as const;

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The tags named by `tagIds` and `tagNames`. A new name creates the tag (names are
 * case-insensitive); an unknown id is refused, since ids can only come from an existing tag.
 */
function resolveTags(props: LinkProps, ctx: LinkContext): LinkTag[] {
  const tags = new Map<string, LinkTag>();
  const known = [...ctx.state.tags.values()];
  const unknownIds = asList(props.tagIds).filter((id) => {
    const tag = known.find((t) => t.id === id);
    if (tag) tags.set(tag.id, tag);
    return !tag;
  });
  if (unknownIds.length) throw new FakeApiError("unprocessable_entity", `Invalid tagIds detected: ${unknownIds.join(", ")}`);
  for (const name of asList(props.tagNames)) {
    let tag = ctx.state.tags.get(name.toLowerCase());
    if (!tag) {
      tag = { id: createId("tag_", ctx.now, ctx.random), name, color: TAG_COLORS[Math.floor(ctx.random() * TAG_COLORS.length)]! };
      ctx.state.tags.set(name.toLowerCase(), tag);
    }
    tags.set(tag.id, tag);
  }
  return [...tags.values()];
}

/** `example.com` from `https://www.shop.example.com/x`: the last two labels (no public-suffix list; enough for a fake). */
function apexDomain(hostname: string): string {
  return hostname.replace(/^www\./, "").split(".").slice(-2).join(".").toLowerCase();
}

/**
 * The destination URL, normalized as the server does (`https://` added when no scheme is given),
 * and refused when its domain is not the program's: the real server answers 400 to that.
 */
export function checkDestination(url: string, programUrl: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new FakeApiError("unprocessable_entity", `url: must be a valid URL`);
  }
  const programDomain = apexDomain(new URL(programUrl).hostname);
  if (apexDomain(parsed.hostname) !== programDomain) {
    throw new FakeApiError(
      "bad_request",
      `The provided URL domain (${apexDomain(parsed.hostname)}) does not match the program's domain (${programDomain}).`,
    );
  }
  return withScheme;
}

/**
 * The link fields `input` sets, and only those: createLink fills the rest with defaults, upsert
 * compares exactly these with the existing link. Top-level `comments` wins over `linkProps.comments`.
 */
export function linkFieldsFrom(input: LinkInput, ctx: LinkContext): Partial<LinkSchema> {
  const props = input.linkProps ?? {};
  // The response schema types expiredUrl as a URI, so the server cannot store anything else.
  if (props.expiredUrl && !URL.canParse(props.expiredUrl)) throw new FakeApiError("unprocessable_entity", "linkProps.expiredUrl: must be a valid URL");
  const fields: Record<string, unknown> = {};
  for (const name of PLAIN_PROPS) if (props[name] !== undefined) fields[name] = props[name];
  if (props.tenantId !== undefined) fields.tenantId = props.tenantId;
  if (props.comments !== undefined) fields.comments = props.comments;
  if (input.comments !== undefined) fields.comments = input.comments;
  if (props.tagIds !== undefined || props.tagNames !== undefined) fields.tags = resolveTags(props, ctx);
  if (input.key !== undefined) fields.key = input.key;
  return fields as Partial<LinkSchema>;
}

/** Recomputes the fields derived from domain and key. */
export function withDerived(link: LinkSchema): LinkSchema {
  const derived = exampleLink({ domain: link.domain, key: link.key });
  return { ...link, shortLink: derived.shortLink, qrCode: derived.qrCode };
}

/** Refuses a key or an externalId another link holds (409, as the database's unique constraints do). */
export function checkUnique(link: LinkSchema, state: FakeState): void {
  const sameKey = state.linkByKey(link.domain, link.key);
  if (sameKey && sameKey.id !== link.id) throw new FakeApiError("conflict", `Duplicate key: This short link already exists (${link.domain}/${link.key}).`);
  const sameExternal = link.externalId ? state.linkByExternalId(link.externalId) : undefined;
  if (sameExternal && sameExternal.id !== link.id) throw new FakeApiError("conflict", `A link with externalId ${link.externalId} already exists in this workspace.`);
}

/** A random 7-character key free on the domain. */
export function freeRandomKey(ctx: LinkContext): string {
  let key = randomKey(ctx.random);
  while (ctx.state.linkByKey(ctx.domain, key)) key = randomKey(ctx.random);
  return key;
}

/** A new link of `partner` (not stored): the request's fields over the server's defaults. */
export function buildLink(partner: CreatePartnerResponseBody, input: LinkInput, key: string, ctx: LinkContext): LinkSchema {
  const at = new Date(ctx.now).toISOString();
  const url = checkDestination(input.url ?? ctx.programUrl, ctx.programUrl);
  return withDerived(
    exampleLink({
      id: createId("link_", ctx.now, ctx.random),
      domain: ctx.domain,
      key,
      url,
      partnerId: partner.id,
      tenantId: partner.tenantId,
      tags: [],
      testVariants: null,
      testStartedAt: null,
      testCompletedAt: null,
      createdAt: at,
      updatedAt: at,
      ...linkFieldsFrom({ ...input, key }, ctx),
    }),
  );
}

/** The partner a link request names: `partnerId` first, else `tenantId`; 404 when there is none. */
export function findPartner(state: FakeState, body: { partnerId?: string | null; tenantId?: string | null }): CreatePartnerResponseBody {
  const partner = body.partnerId ? state.partners.get(body.partnerId) : body.tenantId ? state.partnerByTenant(body.tenantId) : undefined;
  if (!partner) {
    throw new FakeApiError("not_found", body.partnerId ? `Partner ${body.partnerId} not found.` : `Partner with tenantId ${body.tenantId} not found.`);
  }
  return partner;
}
