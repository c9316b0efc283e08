// The store of requests to join the scheme (README: For providers, Apply to join).
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { interests, type InterestState } from '../schema/index.js'

export type InterestRecord = typeof interests.$inferSelect
export type NewInterest = typeof interests.$inferInsert

export async function insertInterest (q: Queryable, values: NewInterest): Promise<InterestRecord> {
  const [row] = await q.insert(interests).values(values).returning()
  if (row === undefined) throw new Error('insert returned no interest')
  return row
}

export async function findInterest (q: Queryable, id: string): Promise<InterestRecord | undefined> {
  const [row] = await q.select().from(interests).where(eq(interests.id, id))
  return row
}

/** Locks the request until the transaction ends, so two co-ordinators cannot answer it twice. */
export async function lockInterest (q: Queryable, id: string): Promise<InterestRecord | undefined> {
  const [row] = await q.select().from(interests).where(eq(interests.id, id)).for('update')
  return row
}

/** A council's requests in one state: waiting ones oldest first, answered ones newest first. */
export async function listInterestsOf (q: Queryable, councilId: string, state: InterestState, limit: number) {
  return await q
    .select()
    .from(interests)
    .where(and(eq(interests.councilId, councilId), eq(interests.state, state)))
    .orderBy(state === 'received' ? asc(interests.createdAt) : desc(interests.decidedAt), asc(interests.id))
    .limit(limit)
}

export async function answerInterestRow (
  q: Queryable,
  before: InterestRecord,
  answer: Pick<InterestRecord, 'state' | 'reason' | 'decidedBy' | 'decidedAt' | 'providerId'>
): Promise<InterestRecord> {
  const [row] = await q
    .update(interests)
    .set({ ...answer, updatedAt: answer.decidedAt ?? before.updatedAt, version: before.version + 1 })
    .where(eq(interests.id, before.id))
    .returning()
  if (row === undefined) throw new Error('update returned no interest')
  return row
}
