// A provider's records as the co-ordinator's provider page reads them (README: For co-ordinators): its awards,
// assessments, appeals and people, each one query, newest first; and the live award of each provider on a list page.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { appeals, assessments, awards, users } from '../schema/index.js'
import { LIVE_AWARD_STATES } from '../../domain/workflow/index.js'

export async function awardsOfProvider (q: Queryable, providerId: string) {
  return await q
    .select()
    .from(awards)
    .where(eq(awards.providerId, providerId))
    .orderBy(desc(awards.validFrom), desc(awards.id))
}

export async function assessmentsOfProvider (q: Queryable, providerId: string) {
  return await q
    .select({
      id: assessments.id,
      kind: assessments.kind,
      state: assessments.state,
      outcome: assessments.outcome,
      proposedLevel: assessments.proposedLevel,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt
    })
    .from(assessments)
    .where(eq(assessments.providerId, providerId))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
}

export async function appealsOfProvider (q: Queryable, providerId: string) {
  return await q
    .select({ id: appeals.id, subjectType: appeals.subjectType, state: appeals.state, lodgedAt: appeals.lodgedAt })
    .from(appeals)
    .where(eq(appeals.providerId, providerId))
    .orderBy(desc(appeals.lodgedAt), desc(appeals.id))
}

/** The provider's own people (provider users), without their contact details beyond whether an email is set. */
export async function peopleOfProvider (q: Queryable, providerId: string) {
  return await q
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.providerId, providerId), eq(users.role, 'provider')))
    .orderBy(users.createdAt, users.id)
}

/** The live award (if any) of each of the given providers, in one query. */
export async function liveAwardsOf (q: Queryable, providerIds: readonly string[]) {
  if (providerIds.length === 0) return []
  return await q
    .select({ providerId: awards.providerId, level: awards.level, status: awards.status, validTo: awards.validTo })
    .from(awards)
    .where(and(inArray(awards.providerId, [...providerIds]), inArray(awards.status, [...LIVE_AWARD_STATES])))
}
