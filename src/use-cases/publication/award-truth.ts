// What a badge or verification page states about one award right now: its level, status and dates, the
// provider and council, and the award that replaced it if any (src/domain/README.md: Badge).
import type { Queryable } from '../../db/client.js'
import { findAwardTruth, type Listing, type PublicCouncil } from '../../db/stores/publication.js'
import { notFound } from '../access.js'

export interface AwardTruth {
  listing: Listing
  council: PublicCouncil
  currentAwardId: string
}

export async function loadAwardTruth (q: Queryable, awardId: string): Promise<AwardTruth> {
  const truth = await findAwardTruth(q, awardId)
  if (truth === undefined) throw notFound('Award')
  return truth
}
