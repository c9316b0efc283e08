// The store behind unlinkable link feedback (README: Security and privacy): spend records keyed by a hash of the
// link's token, answers held per assessment, and their release into feedback_responses in the order given.
import { count, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { feedbackHeld, feedbackResponses, feedbackSpends } from '../schema/index.js'

export type HeldAnswers = Omit<typeof feedbackHeld.$inferInsert, 'id'>
export type HeldRow = typeof feedbackHeld.$inferSelect

export async function recordSpend (q: Queryable, keyHash: string): Promise<void> {
  await q.insert(feedbackSpends).values({ keyHash })
}

export async function hasSpend (q: Queryable, keyHash: string): Promise<boolean> {
  const [row] = await q.select().from(feedbackSpends).where(eq(feedbackSpends.keyHash, keyHash))
  return row !== undefined
}

/** Deletes the spend record; false when there was none (already redeemed by a concurrent post). */
export async function redeemSpend (q: Queryable, keyHash: string): Promise<boolean> {
  const gone = await q.delete(feedbackSpends).where(eq(feedbackSpends.keyHash, keyHash)).returning()
  return gone.length > 0
}

/** Serialises holding and releasing for one assessment until the transaction ends (both drivers). */
export async function lockHeldFeedback (q: Queryable, assessmentId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${assessmentId}))`)
}

export async function holdAnswers (q: Queryable, answers: HeldAnswers): Promise<void> {
  await q.insert(feedbackHeld).values(answers)
}

export async function heldCount (q: Queryable, assessmentId: string): Promise<number> {
  const [row] = await q.select({ n: count() }).from(feedbackHeld).where(eq(feedbackHeld.assessmentId, assessmentId))
  return row?.n ?? 0
}

export async function takeHeld (q: Queryable, assessmentId: string): Promise<HeldRow[]> {
  return await q.delete(feedbackHeld).where(eq(feedbackHeld.assessmentId, assessmentId)).returning()
}

/** One multi-row insert, rows written in the order given; each gets a new random id. */
export async function insertReleased (q: Queryable, rows: HeldRow[], receivedOn: string): Promise<void> {
  await q.insert(feedbackResponses).values(
    rows.map(({ id: _held, ...r }) => ({
      ...r,
      commentStatus: r.comment === null ? null : ('pending' as const),
      receivedOn
    }))
  )
}
