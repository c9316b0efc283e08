// The council directory's data: providers with a live or suspended mark, filtered by level, offering, client
// group, area, text, room for new people and distance from a postcode (src/domain/README.md: Publication; the report's
// Box 12: "filter services based on their quality level"), and what a provider page says was checked.
import type { Queryable } from '../../db/client.js'
import { findAwardChecks, type AwardChecks } from '../../db/stores/directory-checks.js'
import type { Near } from '../../db/stores/distance.js'
import { EARTH_RADIUS_METRES } from '../../domain/geo/index.js'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import { normalisePostcode } from '../../domain/providers.js'
import { notFound } from '../access.js'
import type { Deps } from '../context.js'
import { lookUpPostcode } from '../postcodes.js'
import { getCurrentPublishedScheme } from '../schemes.js'
import { findListing, listDirectoryAreas, listListings, listPastAwards, loadPublicCouncil } from './listings.js'

export type { AwardChecks }

export const DIRECTORY_PAGE_SIZE = 20
export const METRES_PER_MILE = 1609.344

export interface DirectoryQuery {
  q?: string | undefined
  level?: AwardLevel | undefined
  offering?: string | undefined
  group?: string | undefined
  area?: string | undefined
  /** as typed: the page shows it again, whatever it is */
  postcode?: string | undefined
  /** only with a postcode that could be placed */
  within?: number | undefined
  /** only services that said they are taking new people */
  taking?: boolean | undefined
  page: number
}

/**
 * How the postcode search went: `malformed` is not a UK postcode at all; `unknown` and `terminated` are not in the
 * reference data (or no longer in use); `unavailable` means postcodes cannot be placed now. Only `found` filters.
 */
export type NearStatus = 'none' | 'found' | 'malformed' | 'unknown' | 'terminated' | 'unavailable'

// A postcode without a distance orders every placed service by distance: half the Earth's circumference holds them.
const ANYWHERE_METRES = Math.PI * EARTH_RADIUS_METRES

async function nearOf (deps: Deps, query: DirectoryQuery): Promise<{ status: NearStatus; near?: Near }> {
  if (query.postcode === undefined) return { status: 'none' }
  const postcode = normalisePostcode(query.postcode)
  if (postcode === null) return { status: 'malformed' }
  const found = await lookUpPostcode(deps, deps.db, postcode)
  if (found.status !== 'found') return { status: found.status }
  const radius = query.within === undefined ? ANYWHERE_METRES : query.within * METRES_PER_MILE
  return { status: 'found', near: { centre: found.location, radiusMetres: radius } }
}

export async function searchDirectory (deps: Deps, slug: string, query: DirectoryQuery) {
  const q = deps.db
  const [council, near] = await Promise.all([loadPublicCouncil(q, slug), nearOf(deps, query)])
  const [{ items, totalItems }, areas] = await Promise.all([
    listListings(
      q,
      council.id,
      {
        scope: 'directory',
        search: query.q,
        levels: query.level === undefined ? undefined : [query.level],
        serviceType: query.offering,
        clientGroup: query.group,
        area: query.area,
        takingNewPeople: query.taking,
        near: near.near
      },
      { page: query.page, perPage: DIRECTORY_PAGE_SIZE }
    ),
    listDirectoryAreas(q, council.id)
  ])
  const totalPages = Math.max(1, Math.ceil(totalItems / DIRECTORY_PAGE_SIZE))
  return { council, items, totalItems, totalPages, areas, nearStatus: near.status }
}

export async function getDirectoryEntry (q: Queryable, slug: string, providerId: string) {
  const council = await loadPublicCouncil(q, slug)
  const listing = await findListing(q, council.id, providerId, 'directory')
  if (listing === undefined) throw notFound('Service')
  const [pastAwards, checks] = await Promise.all([
    listPastAwards(q, council.id, providerId, listing.award.id),
    findAwardChecks(q, listing.award.id)
  ])
  return { council, listing, pastAwards, checks }
}

/** A council's public pages about its scheme read the version in force: the one new assessments pin. */
export async function getSchemeInForce (q: Queryable, slug: string) {
  const council = await loadPublicCouncil(q, slug)
  const scheme = await getCurrentPublishedScheme(q, council.id)
  return { council, scheme: scheme.document, schemeNumber: scheme.number }
}
