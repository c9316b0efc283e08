// The store of awards (README: Architecture): the only place that queries the awards table. Row locks live here;
// who may change an award is the use case's check.
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { awards } from '../schema/index.js'
import type { AwardLevel } from '../../domain/scheme/enums.js'
import {
  LIVE_AWARD_STATES,
  SUSPENDABLE_AWARD_STATES,
  type AwardState
} from '../../domain/workflow/index.js'
import { one } from './rows.js'

export type AwardRecord = typeof awards.$inferSelect
export type NewAward = typeof awards.$inferInsert

export async function findAward (q: Queryable, id: string): Promise<AwardRecord | undefined> {
  const [row] = await q.select().from(awards).where(eq(awards.id, id))
  return row
}

export async function lockAward (q: Queryable, id: string): Promise<AwardRecord | undefined> {
  const [row] = await q.select().from(awards).where(eq(awards.id, id)).for('update')
  return row
}

/** The provider's live awards (src/domain/workflow/award-states.ts), by id. */
export async function findLiveAwardIds (q: Queryable, providerId: string): Promise<Array<{ id: string }>> {
  return await q
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.providerId, providerId), inArray(awards.status, [...LIVE_AWARD_STATES])))
    .orderBy(awards.id)
}

/** The same, locked in id order (so two transactions superseding them cannot deadlock). */
export async function lockLiveAwardIds (q: Queryable, providerId: string): Promise<Array<{ id: string }>> {
  return await q
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.providerId, providerId), inArray(awards.status, [...LIVE_AWARD_STATES])))
    .orderBy(awards.id)
    .for('update')
}

/** The provider's award a suspension can come from, locked. */
export async function lockSuspendableAward (q: Queryable, providerId: string): Promise<{ id: string } | undefined> {
  const [row] = await q
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.providerId, providerId), inArray(awards.status, [...SUSPENDABLE_AWARD_STATES])))
    .for('update')
  return row
}

export async function insertAward (q: Queryable, values: NewAward): Promise<AwardRecord> {
  return one(await q.insert(awards).values(values).returning(), 'award')
}

export async function updateAwardStatus (
  q: Queryable,
  before: Pick<AwardRecord, 'id' | 'version'>,
  patch: Pick<AwardRecord, 'status' | 'statusReason'>,
  now: Date
): Promise<AwardRecord> {
  return one(
    await q
      .update(awards)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(awards.id, before.id))
      .returning(),
    'award'
  )
}

export interface AwardFilter {
  councilId: string
  providerIds: string[]
  status?: AwardState | undefined
  level?: AwardLevel | undefined
}

const whereOf = (f: AwardFilter): SQL | undefined =>
  and(
    eq(awards.councilId, f.councilId),
    ...f.providerIds.map((id) => eq(awards.providerId, id)),
    ...(f.status === undefined ? [] : [eq(awards.status, f.status)]),
    ...(f.level === undefined ? [] : [eq(awards.level, f.level)])
  )

export async function pageAwards (q: Queryable, f: AwardFilter, limit: number, offset: number) {
  return await q
    .select()
    .from(awards)
    .where(whereOf(f))
    .orderBy(desc(awards.createdAt), desc(awards.id))
    .limit(limit)
    .offset(offset)
}

export async function countAwards (q: Queryable, f: AwardFilter) {
  return await q.select({ n: count() }).from(awards).where(whereOf(f))
}
