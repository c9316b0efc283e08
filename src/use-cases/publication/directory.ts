// The council directory's data: providers with a live or suspended mark, filtered by level, offering, client
// group, area and text (src/domain/README.md: Publication; the report's Box 12: "filter services based on their quality
// level").
import type { Queryable } from '../../db/client.js'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import { notFound } from '../access.js'
import { findListing, listDirectoryAreas, listListings, listPastAwards, loadPublicCouncil } from './listings.js'

export const DIRECTORY_PAGE_SIZE = 20

export interface DirectoryQuery {
  q?: string | undefined
  level?: AwardLevel | undefined
  offering?: string | undefined
  group?: string | undefined
  area?: string | undefined
  page: number
}

export async function searchDirectory (q: Queryable, slug: string, query: DirectoryQuery) {
  const council = await loadPublicCouncil(q, slug)
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
        area: query.area
      },
      { page: query.page, perPage: DIRECTORY_PAGE_SIZE }
    ),
    listDirectoryAreas(q, council.id)
  ])
  return { council, items, totalItems, totalPages: Math.max(1, Math.ceil(totalItems / DIRECTORY_PAGE_SIZE)), areas }
}

export async function getDirectoryEntry (q: Queryable, slug: string, providerId: string) {
  const council = await loadPublicCouncil(q, slug)
  const listing = await findListing(q, council.id, providerId, 'directory')
  if (listing === undefined) throw notFound('Service')
  return { council, listing, pastAwards: await listPastAwards(q, council.id, providerId, listing.award.id) }
}
