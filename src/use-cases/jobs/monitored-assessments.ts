// The assessments the monitoring jobs watch, with their pinned scheme, the provider and the evidence that
// speaks for each item: open assessments and those behind a live award (src/domain/README.md: Scheduled work).
import { and, eq, inArray, notInArray, or, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Queryable } from '../../db/client.js'
import { assessments, awards } from '../../db/schema/index.js'
import { LIVE_AWARD_STATES, type AwardState } from '../../domain/workflow/index.js'
import { collectScoringEvidence, loadAssessmentBasis } from '../evidence.js'

/** Restricts a job to one council (a co-ordinator's "run now"); undefined = every council (the scheduler). */
export type JobScope = { councilId?: string | undefined }

export const inScope = (column: AnyPgColumn, scope: JobScope): SQL | undefined =>
  scope.councilId === undefined ? undefined : eq(column, scope.councilId)

export interface MonitoredAssessment {
  id: string
  councilId: string
  providerId: string
  schemeVersionId: string
  awardId: string | null
  awardStatus: string | null
}

/** 'open-or-live' for reminders; a list of award states for the awards a lapse can suspend. */
export async function listMonitoredAssessments (
  q: Queryable,
  scope: JobScope,
  awardStates: readonly AwardState[] | 'open-or-live'
): Promise<MonitoredAssessment[]> {
  const condition =
    awardStates === 'open-or-live'
      ? or(notInArray(assessments.state, ['decided', 'withdrawn']), inArray(awards.status, [...LIVE_AWARD_STATES]))
      : inArray(awards.status, [...awardStates])
  return await q
    .select({
      id: assessments.id,
      councilId: assessments.councilId,
      providerId: assessments.providerId,
      schemeVersionId: assessments.schemeVersionId,
      awardId: awards.id,
      awardStatus: awards.status
    })
    .from(assessments)
    .leftJoin(awards, eq(awards.assessmentId, assessments.id))
    .where(and(condition, inScope(assessments.councilId, scope)))
    .orderBy(assessments.id)
}

/** The pinned scheme, the provider's offering flags and the evidence per item of one assessment. */
export async function loadMonitoringBasis (q: Queryable, a: MonitoredAssessment) {
  const [{ scheme, provider }, evidence] = await Promise.all([
    loadAssessmentBasis(q, a),
    collectScoringEvidence(q, a.id)
  ])
  return { scheme, provider, evidence }
}
