// Test helpers for the reports: rows inserted straight into the tables (providers through the foundation's
// fixture), so the report tests depend on no other feature's API. Answer sets are built per score for hand sums.
import { and, desc, eq } from 'drizzle-orm'
import {
  assessments,
  auditEvents,
  awards,
  evidence,
  feedbackResponses,
  providers,
  schemeVersions
} from '../../src/db/schema/index.js'
import type { StoredEvidenceStatus } from '../../src/domain/evidence/evidence-rules.js'
import type { SizeBand } from '../../src/domain/providers.js'
import type { AssessmentState, AwardState } from '../../src/domain/workflow/index.js'
import type { CouncilFixture, TestApp } from './app.js'

/**
 * The research report's appendix Table 1 (src/domain/README.md: Reports), counts as derived in
 * test/domain/reports/published-table.test.ts: "Do you do things you enjoy and value with your time?" micro
 * 29/19/10/0 (n=58) versus others 8/17/11/1 (n=37), Chi-sq(3) = 8.9; "Does the support affect how you spend your
 * time?" micro 54 yes / 4 no versus others 31 / 6, Fisher p = 0.18.
 */
export const OCC_LEVELS = ['as_i_want', 'enough', 'some_not_enough', 'nothing'] as const
export const PUBLISHED_TIME_USE = { micro: [29, 19, 10, 0], others: [8, 17, 11, 1] } as const
export const PUBLISHED_AFFECT = { micro: { yes: 54, no: 4 }, others: { yes: 31, no: 6 } } as const

/** One answer per scored item at the same score (3 best … 0 worst), "without" answers equal to "now" unless given. */
export function answersAtScore (score: 0 | 1 | 2 | 3, over: Record<string, string> = {}): Record<string, string> {
  const pick = (levels: readonly string[]) => levels[3 - score] as string
  const occ = pick(OCC_LEVELS)
  const ctl = pick(['as_much_as_i_want', 'adequate', 'some_not_enough', 'none'])
  return {
    OCC_NOW: occ,
    OCC_AFFECT: 'no',
    OCC_WITHOUT: occ,
    CTL_NOW: ctl,
    CTL_AFFECT: 'no',
    CTL_WITHOUT: ctl,
    SAFE: pick(['as_safe_as_i_want', 'adequately', 'less_than_i_want', 'not_at_all']),
    DIGNITY: pick(['better_about_myself', 'no_different', 'sometimes_worse', 'much_worse']),
    RELIABLE: pick(['always', 'usually', 'sometimes', 'rarely']),
    CHOICE: pick(['always', 'usually', 'sometimes', 'never']),
    CONTINUITY_STAFF: pick(['always', 'usually', 'sometimes', 'rarely']),
    RECOMMEND: pick(['definitely', 'probably', 'not_sure', 'no']),
    ...over
  }
}

async function publishedSchemeId (h: TestApp, council: CouncilFixture): Promise<string> {
  const [scheme] = await h.db.db
    .select({ id: schemeVersions.id })
    .from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, council.id), eq(schemeVersions.status, 'published')))
    .orderBy(desc(schemeVersions.number))
    .limit(1)
  if (scheme === undefined) throw new Error('the council has no published scheme')
  return scheme.id
}

export async function insertAssessment (
  h: TestApp,
  council: CouncilFixture,
  providerId: string,
  state: AssessmentState = 'under_review'
): Promise<string> {
  const [row] = await h.db.db
    .insert(assessments)
    .values({
      councilId: council.id,
      providerId,
      kind: 'initial',
      state,
      schemeVersionId: await publishedSchemeId(h, council),
      createdAt: h.clock.now
    })
    .returning({ id: assessments.id })
  return row!.id
}

/**
 * Anonymous responses about one provider, as the feedback use cases store them (normalised answers, the day only,
 * the provider's size band as it is now).
 */
export async function insertResponses (
  h: TestApp,
  council: CouncilFixture,
  providerId: string,
  answerSets: Array<Record<string, string>>,
  receivedOn: string
): Promise<void> {
  if (answerSets.length === 0) return
  const assessmentId = await insertAssessment(h, council, providerId)
  const [provider] = await h.db.db
    .select({ sizeBand: providers.sizeBand })
    .from(providers)
    .where(eq(providers.id, providerId))
  const sizeBand = provider!.sizeBand as SizeBand
  await h.db.db.insert(feedbackResponses).values(
    answerSets.map((answers) => ({
      councilId: council.id,
      assessmentId,
      providerId,
      respondentType: 'person' as const,
      mode: 'interview' as const,
      instrumentVersion: 1,
      sizeBand,
      answers,
      receivedOn
    }))
  )
}

export async function insertAward (
  h: TestApp,
  council: CouncilFixture,
  providerId: string,
  a: { level: 'gold' | 'silver' | 'bronze'; status: AwardState; validTo: string }
): Promise<void> {
  const assessmentId = await insertAssessment(h, council, providerId, 'decided')
  await h.db.db
    .insert(awards)
    .values({
      councilId: council.id,
      providerId,
      assessmentId,
      level: a.level,
      status: a.status,
      validFrom: '2025-06-01',
      validTo: a.validTo
    })
}

/** State changes of one assessment as the audit trail records them: [from, to, at]. */
export async function insertStateChanges (
  h: TestApp,
  council: CouncilFixture,
  assessmentId: string,
  changes: Array<[string | null, string, string]>
): Promise<void> {
  await h.db.db.insert(auditEvents).values(
    changes.map(([fromState, toState, at]) => ({
      councilId: council.id,
      actorRole: 'coordinator' as const,
      entityType: 'assessment',
      entityId: assessmentId,
      action: 'transition',
      fromState,
      toState,
      at: new Date(at)
    }))
  )
}

export async function insertEvidence (
  h: TestApp,
  council: CouncilFixture,
  assessmentId: string,
  providerId: string,
  e: { itemCode: string; status: StoredEvidenceStatus; expiresOn: string }
): Promise<void> {
  await h.db.db
    .insert(evidence)
    .values({
      councilId: council.id,
      assessmentId,
      providerId,
      itemCode: e.itemCode,
      kind: 'document',
      status: e.status,
      issuedOn: '2025-01-01',
      expiresOn: e.expiresOn,
      reviewedAt: new Date('2025-01-02T00:00:00Z')
    })
}
