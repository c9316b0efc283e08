// The store behind the co-ordinator's feedback pages: a council's assessments still collecting feedback, with
// their provider's name and how many responses each has (one query, whatever the number of assessments).
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { AssessmentState } from '../../domain/workflow/index.js'
import type { Queryable } from '../client.js'
import { assessments, feedbackResponses, providers } from '../schema/index.js'

export interface FeedbackCollection {
  assessmentId: string
  state: AssessmentState
  openedAt: Date
  providerName: string
  responses: number
}

export async function listFeedbackCollections (
  q: Queryable,
  councilId: string,
  states: readonly AssessmentState[]
): Promise<FeedbackCollection[]> {
  return await q
    .select({
      assessmentId: assessments.id,
      state: assessments.state,
      openedAt: assessments.createdAt,
      providerName: providers.name,
      responses: count(feedbackResponses.id)
    })
    .from(assessments)
    .innerJoin(providers, eq(providers.id, assessments.providerId))
    .leftJoin(feedbackResponses, eq(feedbackResponses.assessmentId, assessments.id))
    .where(and(eq(assessments.councilId, councilId), inArray(assessments.state, [...states])))
    .groupBy(assessments.id, providers.name)
    .orderBy(asc(providers.name), asc(assessments.createdAt))
}
