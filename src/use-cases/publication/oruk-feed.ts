// The Open Referral UK feed of one council (src/domain/README.md: Publication): filters combined with AND,
// every provider that ever held the mark listed so a lost mark shows as a change, never a disappearance.
import type { Queryable } from '../../db/client.js'
import { notFound } from '../access.js'
import { organizationIdOf } from './ids.js'
import { loadOrukDetails } from '../../db/stores/oruk-locations.js'
import {
  findListing,
  listListedProviderIds,
  listListings,
  type Listing,
  type ListingFilter,
  type PublicCouncil
} from './listings.js'
import {
  orukContextOf,
  orukPage,
  orukServiceMinimalOf,
  orukServiceOf,
  orukServiceSummaryOf,
  orukTaxonomy,
  orukTerm,
  type OrukContext
} from './oruk-mapping.js'
import { taxonomiesOf } from './vocabulary.js'
import { AWARD_LEVELS } from '../../domain/scheme/enums.js'

export const ORUK_API_DETAILS = {
  version: 'HSDS-UK-3.0',
  profile: 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md',
  // The standard's own OpenAPI: validators read it to know which version this feed claims to follow.
  openapi_url: 'https://docs.openreferraluk.org/en/latest/openapi30.json'
}

export interface OrukServiceQuery {
  page: number
  per_page: number
  search?: string | undefined
  taxonomy_term_id?: string | undefined
  taxonomy_id?: string | undefined
  organization_id?: string | undefined
  modified_after?: Date | undefined
  /** ORUK `full`: fully nested services in the page (default: summaries; GET /services/{id} is always full). */
  full?: boolean | undefined
  /** ORUK `minimal`: only what identifies a service and when it changed */
  minimal?: boolean | undefined
}

/** The filters the ORUK lists share (validator open_api.json: components/parameters). */
export type OrukFilterQuery = Pick<
  OrukServiceQuery,
  'search' | 'taxonomy_term_id' | 'taxonomy_id' | 'organization_id' | 'modified_after'
>

export async function filterOf (q: Queryable, ctx: OrukContext, query: OrukFilterQuery): Promise<ListingFilter> {
  const filter: ListingFilter = { scope: 'all', search: query.search, modifiedAfter: query.modified_after }
  if (query.taxonomy_term_id !== undefined) {
    const term = ctx.terms.find((t) => t.id === query.taxonomy_term_id)
    if (term === undefined) filter.none = true
    else if (term.kind === 'level') filter.levels = AWARD_LEVELS.filter((level) => level === term.code)
    else if (term.kind === 'service_type') filter.serviceType = term.code
    else filter.clientGroup = term.code
  }
  if (query.taxonomy_id !== undefined) {
    const taxonomy = taxonomiesOf(ctx.council).find((t) => t.id === query.taxonomy_id)
    if (taxonomy === undefined) filter.none = true
    else filter.hasAnyOf = taxonomy.kind
  }
  if (query.organization_id !== undefined) {
    // Organization ids are name-based hashes of provider ids: resolve by hashing the council's listed providers.
    const ids = await listListedProviderIds(q, ctx.council.id)
    filter.providerIds = ids.filter((id) => organizationIdOf(id) === query.organization_id)
  }
  return filter
}

export async function listOrukServices (
  q: Queryable,
  council: PublicCouncil,
  baseUrl: string,
  query: OrukServiceQuery
) {
  const ctx = orukContextOf(council, baseUrl)
  const { items, totalItems } = await listListings(q, council.id, await filterOf(q, ctx, query), {
    page: query.page,
    perPage: query.per_page
  })
  const details = query.full === true ? await loadOrukDetails(q, items.map((l) => l.providerId)) : new Map()
  const map = (l: Listing) =>
    query.minimal === true
      ? orukServiceMinimalOf(l)
      : query.full === true
        ? orukServiceOf(l, ctx, details.get(l.providerId))
        : orukServiceSummaryOf(l, ctx)
  return orukPage(
    items.map(map),
    totalItems,
    query.page,
    query.per_page
  )
}

export async function getOrukService (q: Queryable, council: PublicCouncil, baseUrl: string, id: string) {
  const listing = await findListing(q, council.id, id)
  if (listing === undefined) throw notFound('Service')
  const details = await loadOrukDetails(q, [listing.providerId])
  return orukServiceOf(listing, orukContextOf(council, baseUrl), details.get(listing.providerId))
}

export interface OrukListQuery {
  page: number
  per_page: number
  search?: string | undefined
  taxonomy_id?: string | undefined
  minimal?: boolean | undefined
}

// `minimal` on the vocabulary lists: what the schemas require of a taxonomy or term, nothing more.
const brief = <T extends { id: string; name: string; description: string }>(x: T, query: OrukListQuery) =>
  query.minimal === true ? { id: x.id, name: x.name, description: x.description } : x

const pageOf = <T>(all: T[], query: OrukListQuery) =>
  orukPage(
    all.slice((query.page - 1) * query.per_page, query.page * query.per_page),
    all.length,
    query.page,
    query.per_page
  )

const matchesSearch = (search: string | undefined, ...texts: string[]) =>
  search === undefined || texts.some((t) => t.toLowerCase().includes(search.trim().toLowerCase()))

export function listOrukTaxonomies (council: PublicCouncil, baseUrl: string, query: OrukListQuery) {
  const all = taxonomiesOf(council).filter((t) => matchesSearch(query.search, t.name, t.description))
  return pageOf(
    all.map((t) => brief(orukTaxonomy(t, baseUrl), query)),
    query
  )
}

export function getOrukTaxonomy (council: PublicCouncil, baseUrl: string, id: string) {
  const t = taxonomiesOf(council).find((x) => x.id === id)
  if (t === undefined) throw notFound('Taxonomy')
  return orukTaxonomy(t, baseUrl)
}

export function listOrukTerms (council: PublicCouncil, baseUrl: string, query: OrukListQuery) {
  const all = orukContextOf(council, baseUrl).terms.filter(
    (t) =>
      (query.taxonomy_id === undefined || t.taxonomyId === query.taxonomy_id) &&
      matchesSearch(query.search, t.name, t.description, t.code)
  )
  return pageOf(
    all.map((t) => brief(orukTerm(t, baseUrl), query)),
    query
  )
}

export function getOrukTerm (council: PublicCouncil, baseUrl: string, id: string) {
  const t = orukContextOf(council, baseUrl).terms.find((x) => x.id === id)
  if (t === undefined) throw notFound('Taxonomy term')
  return orukTerm(t, baseUrl)
}
