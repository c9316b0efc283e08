// The service's own public feed: every award of a council with its provider's public fields, ordered by
// when it last changed, so `modified_after` and the cursor make a change feed that includes withdrawals,
// suspensions and expiries (src/domain/README.md: Publication).
import type { Queryable } from '../../db/client.js'
import {
  findCouncilAward,
  listAwardsByChange,
  type Listing,
  type PublicCouncil
} from '../../db/stores/publication.js'
import { DomainError } from '../../domain/errors.js'
import { notFound } from '../access.js'
import { accreditationSentence, publicStatusOf } from './public-award.js'

export interface ChangeFeedQuery {
  modified_after?: Date | undefined
  cursor?: string | undefined
  limit: number
}

const encodeCursor = (l: Listing) => Buffer.from(`${l.lastModified.toISOString()}|${l.award.id}`).toString('base64url')

function decodeCursor (cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  if (at === undefined || id === undefined || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this feed returned', {
      errors: [{ path: 'cursor', message: 'unknown cursor' }]
    })
  }
  return { at, id }
}

/** The public form of one award and its provider: never the status reason, evidence, feedback or workers. */
export function publicAwardOf (l: Listing, council: PublicCouncil, baseUrl: string) {
  return {
    award: {
      id: l.award.id,
      level: l.award.level,
      status: publicStatusOf(l.award.status),
      validFrom: l.award.validFrom,
      validTo: l.award.validTo,
      smallSample: l.award.smallSample,
      publishedAt: l.award.publishedAt.toISOString(),
      accreditation: accreditationSentence(l, council.name),
      badgeUrl: `${baseUrl}/badges/${l.award.id}.svg`,
      verifyUrl: `${baseUrl}/verify/${l.award.id}`
    },
    provider: {
      id: l.providerId,
      name: l.name,
      description: l.description,
      serviceTypes: l.serviceTypes,
      clientGroups: l.clientGroups,
      area: l.area,
      postcode: l.postcode,
      hourlyPricePence: l.hourlyPricePence,
      contact: l.contact,
      status: l.providerStatus
    },
    lastModified: l.lastModified.toISOString()
  }
}

export type PublicAward = ReturnType<typeof publicAwardOf>

export async function listAwardChanges (q: Queryable, council: PublicCouncil, baseUrl: string, query: ChangeFeedQuery) {
  const rows = await listAwardsByChange(q, council.id, {
    modifiedAfter: query.modified_after,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit + 1
  })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    council: { slug: council.slug, name: council.name },
    items: page.map((l) => publicAwardOf(l, council, baseUrl)),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last) : null
  }
}

export async function getPublicAward (q: Queryable, council: PublicCouncil, baseUrl: string, awardId: string) {
  const row = await findCouncilAward(q, council.id, awardId)
  if (row === undefined) throw notFound('Award')
  return publicAwardOf(row, council, baseUrl)
}
