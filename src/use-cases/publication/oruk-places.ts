// The Open Referral UK lists beyond services (README: Open Referral UK feed): services at their locations, searchable
// by a postcode and a proximity in metres (nearest first), and the organizations that run them. One listing is one
// service at one location of one organization, so every record here derives from a listing and its provider.
import type { Queryable } from '../../db/client.js'
import type { Near } from '../../db/stores/distance.js'
import { loadOrukDetails } from '../../db/stores/oruk-locations.js'
import { DomainError } from '../../domain/errors.js'
import { EARTH_RADIUS_METRES } from '../../domain/geo/index.js'
import { notFound } from '../access.js'
import type { Deps } from '../context.js'
import { lookUpPostcode } from '../postcodes.js'
import { organizationIdOf } from './ids.js'
import { findListing, listListedProviderIds, listListings, type Listing, type PublicCouncil } from './listings.js'
import { filterOf, type OrukFilterQuery } from './oruk-feed.js'
import {
  NO_DETAILS,
  orukContextOf,
  orukOrganizationOf,
  orukPage,
  orukServiceAtLocationOf,
  orukServiceOf,
  orukServiceSummaryOf,
  serviceAtLocationIdOf
} from './oruk-mapping.js'

interface Paging {
  page: number
  per_page: number
}

export interface OrukServiceAtLocationQuery extends OrukFilterQuery, Paging {
  /** normalised (upper case, one space) by the HTTP schema */
  postcode?: string | undefined
  /** metres from the postcode's centre; only with a postcode */
  proximity?: number | undefined
  full?: boolean | undefined
  minimal?: boolean | undefined
}

// A postcode without a proximity orders every placed service by distance: half the Earth's circumference holds them.
const ANYWHERE_METRES = Math.PI * EARTH_RADIUS_METRES

/**
 * Where to search from. A postcode the reference data does not know (or one no longer in use) is in no service's
 * area, so it matches nothing: an empty page, as the profile's only answer is a page (validator open_api.json).
 */
async function nearOf (
  deps: Deps,
  q: Queryable,
  query: OrukServiceAtLocationQuery
): Promise<Near | 'nowhere' | undefined> {
  if (query.postcode === undefined) return undefined
  const found = await lookUpPostcode(deps, q, query.postcode)
  if (found.status === 'found') return { centre: found.location, radiusMetres: query.proximity ?? ANYWHERE_METRES }
  if (found.status !== 'unavailable') return 'nowhere'
  // Never an empty page that would be cached as the answer: the client may retry.
  const message = 'Postcodes cannot be placed now; try again later'
  throw new DomainError('POSTCODE_LOOKUP_UNAVAILABLE', 'unavailable', message, {
    errors: [{ path: 'querystring.postcode', message: 'cannot be placed now' }]
  })
}

async function detailsOf (q: Queryable, items: Listing[]) {
  return await loadOrukDetails(
    q,
    items.map((l) => l.providerId)
  )
}

export async function listOrukServiceAtLocations (
  deps: Deps,
  q: Queryable,
  council: PublicCouncil,
  baseUrl: string,
  query: OrukServiceAtLocationQuery
) {
  const ctx = orukContextOf(council, baseUrl)
  const [filter, near] = await Promise.all([filterOf(q, ctx, query), nearOf(deps, q, query)])
  if (near === 'nowhere') filter.none = true
  else filter.near = near
  const { items, totalItems } = await listListings(q, council.id, filter, { page: query.page, perPage: query.per_page })
  const details = await detailsOf(q, items)
  const shape = query.minimal === true ? 'minimal' : query.full === true ? 'full' : 'summary'
  return orukPage(
    items.map((l) => orukServiceAtLocationOf(l, ctx, details.get(l.providerId) ?? NO_DETAILS, shape)),
    totalItems,
    query.page,
    query.per_page
  )
}

/** The listing whose derived id (service at location, organization) is `id`, or a 404. */
async function listingByDerivedId (
  q: Queryable,
  council: PublicCouncil,
  id: string,
  idOf: (providerId: string) => string,
  what: string
): Promise<Listing> {
  const providerId = (await listListedProviderIds(q, council.id)).find((p) => idOf(p) === id)
  const listing = providerId === undefined ? undefined : await findListing(q, council.id, providerId)
  if (listing === undefined) throw notFound(what)
  return listing
}

export async function getOrukServiceAtLocation (q: Queryable, council: PublicCouncil, baseUrl: string, id: string) {
  const listing = await listingByDerivedId(q, council, id, serviceAtLocationIdOf, 'Service at location')
  const details = await detailsOf(q, [listing])
  const d = details.get(listing.providerId) ?? NO_DETAILS
  return orukServiceAtLocationOf(listing, orukContextOf(council, baseUrl), d, 'full')
}

export interface OrukOrganizationQuery extends Paging {
  search?: string | undefined
  modified_after?: Date | undefined
  /** services in summary */
  full?: boolean | undefined
  /** services fully nested */
  full_service?: boolean | undefined
  minimal?: boolean | undefined
}

function organizationWithServices (
  l: Listing,
  council: PublicCouncil,
  baseUrl: string,
  details: Awaited<ReturnType<typeof detailsOf>>,
  services: 'none' | 'summary' | 'full'
) {
  const d = details.get(l.providerId) ?? NO_DETAILS
  const organization = orukOrganizationOf(l, d)
  if (services === 'none') return organization
  const ctx = orukContextOf(council, baseUrl)
  return { ...organization, services: [services === 'full' ? orukServiceOf(l, ctx, d) : orukServiceSummaryOf(l, ctx)] }
}

export async function listOrukOrganizations (
  q: Queryable,
  council: PublicCouncil,
  baseUrl: string,
  query: OrukOrganizationQuery
) {
  const ctx = orukContextOf(council, baseUrl)
  const filter = await filterOf(q, ctx, { search: query.search, modified_after: query.modified_after })
  const { items, totalItems } = await listListings(q, council.id, filter, { page: query.page, perPage: query.per_page })
  const details = await detailsOf(q, items)
  const services = query.full_service === true ? 'full' : query.full === true ? 'summary' : 'none'
  const contents = items.map((l) =>
    query.minimal === true
      ? (({ id, name, description }) => ({ id, name, description }))(orukOrganizationOf(l, NO_DETAILS))
      : organizationWithServices(l, council, baseUrl, details, services)
  )
  return orukPage(contents, totalItems, query.page, query.per_page)
}

export async function getOrukOrganization (
  q: Queryable,
  council: PublicCouncil,
  baseUrl: string,
  id: string,
  fullService: boolean
) {
  const listing = await listingByDerivedId(q, council, id, organizationIdOf, 'Organization')
  const details = await detailsOf(q, [listing])
  return organizationWithServices(listing, council, baseUrl, details, fullService ? 'full' : 'summary')
}
