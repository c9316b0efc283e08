// What the feedback aggregates and the scorer read (src/use-cases/feedback-aggregates.ts, feedback-instrument.ts):
// responses' answers and moderated comments, never who gave them (there is no such column), and an assessment with
// its council, provider and pinned scheme version.
import { and, desc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { assessments, councils, feedbackResponses, providers, schemeVersions } from '../schema/index.js'

const responseColumns = {
  answers: feedbackResponses.answers,
  comment: feedbackResponses.comment,
  commentStatus: feedbackResponses.commentStatus
}

/** The answers and comments of every response about the assessment. */
export async function listResponsesOfAssessment (q: Queryable, assessmentId: string) {
  return await q.select(responseColumns).from(feedbackResponses).where(eq(feedbackResponses.assessmentId, assessmentId))
}

/** The answers and comments of every response about the provider given with one instrument version. */
export async function listResponsesOfProvider (q: Queryable, providerId: string, instrumentVersion: number) {
  return await q
    .select(responseColumns)
    .from(feedbackResponses)
    .where(and(
      eq(feedbackResponses.providerId, providerId),
      eq(feedbackResponses.instrumentVersion, instrumentVersion)
    ))
}

/** Only the answers of the assessment's responses: nothing else about a response reaches scoring. */
export async function listAnswersOfAssessment (q: Queryable, assessmentId: string) {
  return await q
    .select({ answers: feedbackResponses.answers })
    .from(feedbackResponses)
    .where(eq(feedbackResponses.assessmentId, assessmentId))
}

/** The provider's newest assessment's id, or undefined. */
export async function findLatestAssessmentId (q: Queryable, providerId: string): Promise<string | undefined> {
  const [row] = await q
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.providerId, providerId))
    .orderBy(desc(assessments.createdAt))
    .limit(1)
  return row?.id
}

/** The assessment with its council, provider and pinned scheme version's document, or undefined. */
export async function findAssessmentWithScheme (q: Queryable, assessmentId: string) {
  const [row] = await q
    .select({
      assessmentId: assessments.id,
      assessmentState: assessments.state,
      councilId: assessments.councilId,
      councilName: councils.name,
      councilSlug: councils.slug,
      councilBrandColour: councils.brandColour,
      councilSafeguardingPhone: councils.safeguardingPhone,
      providerId: assessments.providerId,
      providerName: providers.name,
      providerSizeBand: providers.sizeBand,
      openedAt: assessments.createdAt,
      document: schemeVersions.document
    })
    .from(assessments)
    .innerJoin(councils, eq(councils.id, assessments.councilId))
    .innerJoin(providers, eq(providers.id, assessments.providerId))
    .innerJoin(schemeVersions, eq(schemeVersions.id, assessments.schemeVersionId))
    .where(eq(assessments.id, assessmentId))
  return row
}
