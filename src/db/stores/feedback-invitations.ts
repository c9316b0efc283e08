// The store of single-use feedback invitations (README: Feedback from people who use services): only a hash of each
// link's token is kept.
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { feedbackInvitations } from '../schema/index.js'
import { one } from './rows.js'

export type InvitationRecord = typeof feedbackInvitations.$inferSelect
export type NewInvitation = typeof feedbackInvitations.$inferInsert

/** One multi-row insert; the records come back in the order given. */
export async function insertInvitations (q: Queryable, values: NewInvitation[]): Promise<InvitationRecord[]> {
  return await q.insert(feedbackInvitations).values(values).returning()
}

export async function listAssessmentInvitations (q: Queryable, assessmentId: string): Promise<InvitationRecord[]> {
  return await q
    .select()
    .from(feedbackInvitations)
    .where(eq(feedbackInvitations.assessmentId, assessmentId))
    .orderBy(asc(feedbackInvitations.createdAt), asc(feedbackInvitations.id))
}

export async function lockInvitation (q: Queryable, id: string): Promise<InvitationRecord | undefined> {
  const [row] = await q.select().from(feedbackInvitations).where(eq(feedbackInvitations.id, id)).for('update')
  return row
}

/** The invitation a token's hash belongs to; locked when the caller is about to spend it. */
export async function findInvitationByTokenHash (
  q: Queryable,
  tokenHash: string,
  opts: { lock: boolean }
): Promise<InvitationRecord | undefined> {
  const query = q.select().from(feedbackInvitations).where(eq(feedbackInvitations.tokenHash, tokenHash))
  const [row] = opts.lock ? await query.for('update') : await query
  return row
}

export async function updateInvitation (
  q: Queryable,
  id: string,
  patch: Partial<Pick<InvitationRecord, 'usedAt' | 'revokedAt'>>
): Promise<InvitationRecord> {
  return one(
    await q.update(feedbackInvitations).set(patch).where(eq(feedbackInvitations.id, id)).returning(),
    'feedback invitation'
  )
}
