// What a provider's public page says was checked for its current award (src/domain/README.md: Publication, "what was
// checked"): the checklist items the council verified and when, and how many people gave feedback over what period.
// Item codes, days and counts only: never an evidence file, narrative, note or answer.
import { and, count, eq, max, min, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { assessments, awards, evidence, feedbackResponses, schemeVersions } from '../schema/index.js'
import type { SchemeDocument } from '../../domain/scheme/index.js'

export interface VerifiedCheck {
  itemCode: string
  /** the day the council last verified evidence for the item in this assessment */
  verifiedOn: string
}

export interface FeedbackGathered {
  people: number
  /** first and last day responses were received (released responses carry their release day) */
  from: string | null
  to: string | null
}

export interface AwardChecks {
  scheme: SchemeDocument
  checks: VerifiedCheck[]
  feedback: FeedbackGathered
}

const dayOf = (column: unknown) => sql<string>`to_char(${column}, 'YYYY-MM-DD')`

/** The checks behind one award, from the assessment that granted it and the scheme version it was pinned to. */
export async function findAwardChecks (q: Queryable, awardId: string): Promise<AwardChecks | undefined> {
  const [award] = await q
    .select({ assessmentId: awards.assessmentId, scheme: schemeVersions.document })
    .from(awards)
    .innerJoin(assessments, eq(assessments.id, awards.assessmentId))
    .innerJoin(schemeVersions, eq(schemeVersions.id, assessments.schemeVersionId))
    .where(eq(awards.id, awardId))
  if (award === undefined) return undefined
  const verifiedAt = max(evidence.reviewedAt)
  const [checks, [feedback]] = await Promise.all([
    q
      .select({ itemCode: evidence.itemCode, verifiedOn: dayOf(verifiedAt) })
      .from(evidence)
      .where(and(eq(evidence.assessmentId, award.assessmentId), eq(evidence.status, 'verified')))
      .groupBy(evidence.itemCode)
      .having(sql`${verifiedAt} is not null`),
    q
      .select({
        people: count(),
        from: min(feedbackResponses.receivedOn),
        to: max(feedbackResponses.receivedOn)
      })
      .from(feedbackResponses)
      .where(eq(feedbackResponses.assessmentId, award.assessmentId))
  ])
  return { scheme: award.scheme, checks, feedback: feedback ?? { people: 0, from: null, to: null } }
}
