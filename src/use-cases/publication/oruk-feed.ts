// The Open Referral UK feed of one council (src/domain/README.md: Publication): filters combined with AND,
// every provider that ever held the mark listed so a lost mark shows as a change, never a disappearance.
import type { Queryable } from '../../db/client.js'
import { notFound } from '../access.js'
import { organizationIdOf } from './ids.js'
import { findListing, listListedProviderIds, listListings, type ListingFilter, type PublicCouncil } from './listings.js'
import {
  orukContextOf,
  orukPage,
  orukServiceOf,
  orukServiceSummaryOf,
  orukTaxonomy,
  orukTerm,
  type OrukContext
} from './oruk-mapping.js'
import { taxonomiesOf } from './vocabulary.js'

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
}

async function filterOf (q: Queryable, ctx: OrukContext, query: OrukServiceQuery): Promise<ListingFilter> {
  const filter: ListingFilter = { scope: 'all', search: query.search, modifiedAfter: query.modified_after }
  if (query.taxonomy_term_id !== undefined) {
    const term = ctx.terms.find((t) => t.id === query.taxonomy_term_id)
    if (term === undefined) filter.none = true
    else if (term.kind === 'level') filter.levels = [term.code as 'gold' | 'silver' | 'bronze']
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
  const map = query.full === true ? orukServiceOf : orukServiceSummaryOf
  return orukPage(
    items.map((l) => map(l, ctx)),
    totalItems,
    query.page,
    query.per_page
  )
}

export async function getOrukService (q: Queryable, council: PublicCouncil, baseUrl: string, id: string) {
  const listing = await findListing(q, council.id, id)
  if (listing === undefined) throw notFound('Service')
  return orukServiceOf(listing, orukContextOf(council, baseUrl))
}

export interface OrukListQuery {
  page: number
  per_page: number
  search?: string | undefined
  taxonomy_id?: string | undefined
}

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
    all.map((t) => orukTaxonomy(t, baseUrl)),
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
    all.map((t) => orukTerm(t, baseUrl)),
    query
  )
}

export function getOrukTerm (council: PublicCouncil, baseUrl: string, id: string) {
  const t = orukContextOf(council, baseUrl).terms.find((x) => x.id === id)
  if (t === undefined) throw notFound('Taxonomy term')
  return orukTerm(t, baseUrl)
}
