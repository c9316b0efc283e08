// What a badge or verification page states about one award right now: its level, status and dates, the
// provider and council, and the award that replaced it if any (src/domain/README.md: Badge).
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.js'
import { awards, councils, providers, publicationVersions } from '../../db/schema/index.js'
import { notFound } from '../access.js'
import { listingColumns, type Listing, type PublicCouncil } from './listings.js'

export interface AwardTruth {
  listing: Listing
  council: PublicCouncil
  currentAwardId: string
}

export async function loadAwardTruth (q: Queryable, awardId: string): Promise<AwardTruth> {
  const [row] = await q
    .select({
      ...listingColumns,
      council: {
        id: councils.id,
        slug: councils.slug,
        name: councils.name,
        contactEmail: councils.contactEmail,
        brandColour: councils.brandColour,
        version: sql<number>`coalesce(${publicationVersions.version}, 0)`.mapWith(Number)
      }
    })
    .from(awards)
    .innerJoin(providers, eq(providers.id, awards.providerId))
    .innerJoin(councils, eq(councils.id, awards.councilId))
    .leftJoin(publicationVersions, eq(publicationVersions.councilId, councils.id))
    .where(eq(awards.id, awardId))
  if (row === undefined) throw notFound('Award')
  const [latest] = await q
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.providerId, row.providerId), eq(awards.councilId, row.council.id)))
    .orderBy(desc(awards.publishedAt), desc(awards.id))
    .limit(1)
  const { council, ...listing } = row
  return { listing: listing as Listing, council, currentAwardId: latest?.id ?? awardId }
}
