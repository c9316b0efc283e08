// The store of released feedback responses (README: Feedback from people who use services): written one at a time
// for interviews and safety worries (held link answers are released by held-feedback.ts), moderated, erased when
// their retention ends.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import type { CommentStatus } from '../../domain/scheme/enums.js'
import type { Queryable } from '../client.js'
import { feedbackResponses } from '../schema/index.js'
import { one } from './rows.js'

export type FeedbackResponseRecord = typeof feedbackResponses.$inferSelect
export type NewFeedbackResponse = typeof feedbackResponses.$inferInsert

export async function insertFeedbackResponse (
  q: Queryable,
  values: NewFeedbackResponse
): Promise<FeedbackResponseRecord> {
  return one(await q.insert(feedbackResponses).values(values).returning(), 'feedback response')
}

/** An assessment's responses, oldest first (ties by id, so the order is stable), optionally by comment status. */
export async function listAssessmentResponses (
  q: Queryable,
  assessmentId: string,
  commentStatus?: CommentStatus | undefined
): Promise<FeedbackResponseRecord[]> {
  return await q
    .select()
    .from(feedbackResponses)
    .where(
      and(
        eq(feedbackResponses.assessmentId, assessmentId),
        commentStatus === undefined ? undefined : eq(feedbackResponses.commentStatus, commentStatus)
      )
    )
    .orderBy(asc(feedbackResponses.receivedOn), asc(feedbackResponses.id))
}

/** The response, locked until the transaction ends (moderation and flagging serialise on it). */
export async function lockFeedbackResponse (q: Queryable, id: string): Promise<FeedbackResponseRecord | undefined> {
  const [row] = await q.select().from(feedbackResponses).where(eq(feedbackResponses.id, id)).for('update')
  return row
}

export async function updateFeedbackResponse (
  q: Queryable,
  id: string,
  patch: Partial<Pick<FeedbackResponseRecord, 'commentStatus' | 'safeguardingFlag'>>
): Promise<FeedbackResponseRecord> {
  return one(
    await q.update(feedbackResponses).set(patch).where(eq(feedbackResponses.id, id)).returning(),
    'feedback response'
  )
}

/**
 * Erases, in one statement, the comments received before `today` minus the retention period of the scheme version
 * each response's assessment is pinned to (its settings' commentRetentionDays). Idempotent.
 */
export async function eraseCommentsPastRetention (
  q: Queryable,
  today: string,
  councilId?: string
): Promise<Array<{ id: string; councilId: string }>> {
  const retentionEnds = sql`(
    select ${today}::date - (s.document->'settings'->>'commentRetentionDays')::int
    from assessments a join scheme_versions s on s.id = a.scheme_version_id
    where a.id = ${feedbackResponses.assessmentId})`
  return await q
    .update(feedbackResponses)
    .set({ comment: null, commentStatus: 'erased' })
    .where(
      and(
        isNotNull(feedbackResponses.comment),
        sql`${feedbackResponses.receivedOn} < ${retentionEnds}`,
        councilId === undefined ? undefined : eq(feedbackResponses.councilId, councilId)
      )
    )
    .returning({ id: feedbackResponses.id, councilId: feedbackResponses.councilId })
}
