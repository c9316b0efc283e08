// "Scheme operations": live awards by level, assessments by state, median days per stage from the audit trail,
// and awards and evidence expiring in the next 30, 60 and 90 days (src/domain/README.md: Reports).
// Counts of awards and assessments are not answers of people: the under-3 rule for responses does not apply.
import { summariseDistribution } from '../../domain/reports/index.js'
import { isItemApplicable } from '../../domain/scheme/applicability.js'
import { computeEvidenceExpiry } from '../../domain/scoring/index.js'
import { AssessmentState, addCalendarDays, calendarDaysBetween } from '../../domain/workflow/index.js'
import { councilName } from '../../db/stores/council-names.js'
import { countAssessmentsByState, listAssessmentStateChanges, listAwardsIn } from '../../db/stores/reports.js'
import { LIVE_AWARD_STATES } from '../awards.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import { listMonitoredAssessments, loadMonitoringBasis } from '../jobs/monitored-assessments.js'
import { requireReportCouncil, resolvePeriod, type PeriodQuery, type ReportPeriod } from './report-scope.js'
import { measureStageStays } from './stage-durations.js'

export const AWARD_LEVELS = ['gold', 'silver', 'bronze'] as const
export const EXPIRY_WINDOWS = [30, 60, 90] as const
/** Stages an assessment leaves: the final states (decided, withdrawn) have no duration. */
export const STAGES = AssessmentState.options.filter((s) => s !== 'decided' && s !== 'withdrawn')

export interface OperationsReport {
  councilId: string
  councilName: string
  /** Today, from which the expiry windows count. */
  asOf: string
  /** The period whose finished stays the stage durations describe. */
  period: ReportPeriod
  awardsByLevel: Array<{ level: (typeof AWARD_LEVELS)[number]; live: number; suspended: number }>
  assessmentsByState: Array<{ state: AssessmentState; count: number }>
  stageDurations: Array<{
    stage: AssessmentState
    stays: number
    medianDays: number | null
    lowerQuartileDays: number | null
    upperQuartileDays: number | null
  }>
  expiring: Array<{ withinDays: number; awards: number; evidence: number }>
}

/**
 * Expiry dates of the evidence that speaks for each applicable item of open assessments and live awards (as the
 * reminder job sees them).
 */
async function listEvidenceExpiries (deps: Deps, councilId: string): Promise<string[]> {
  const dates: string[] = []
  for (const assessment of await listMonitoredAssessments(deps.db, { councilId }, 'open-or-live')) {
    const { scheme, provider, evidence } = await loadMonitoringBasis(deps.db, assessment)
    for (const item of scheme.checklist) {
      const piece = evidence[item.code]
      if (piece?.status !== 'verified' || !isItemApplicable(item, provider.flags)) continue
      const expiresOn = computeEvidenceExpiry(item, piece)
      if (typeof expiresOn === 'string') dates.push(expiresOn)
    }
  }
  return dates
}

async function measureStageDurations (deps: Deps, councilId: string, period: ReportPeriod) {
  const changes = await listAssessmentStateChanges(deps.db, councilId)
  const endedWithin = {
    from: new Date(`${period.from}T00:00:00Z`),
    to: new Date(`${addCalendarDays(period.to, 1)}T00:00:00Z`)
  }
  const stays = measureStageStays(changes, endedWithin)
  return STAGES.map((stage) => {
    const summary = summariseDistribution(stays.filter((s) => s.state === stage).map((s) => s.days))
    return {
      stage,
      stays: summary?.n ?? 0,
      medianDays: summary?.median ?? null,
      lowerQuartileDays: summary?.lowerQuartile ?? null,
      upperQuartileDays: summary?.upperQuartile ?? null
    }
  })
}

export async function reportOperations (deps: Deps, ctx: Ctx, query: PeriodQuery): Promise<OperationsReport> {
  const councilId = requireReportCouncil(ctx)
  const period = resolvePeriod(query, ctx.now)
  const today = isoDate(ctx.now)

  const live = await listAwardsIn(deps.db, councilId, LIVE_AWARD_STATES)
  const states = await countAssessmentsByState(deps.db, councilId)
  const evidenceExpiries = await listEvidenceExpiries(deps, councilId)
  const within = (dates: readonly string[], days: number) =>
    dates.filter((d) => {
      const left = calendarDaysBetween(today, d)
      return left >= 0 && left <= days
    }).length

  return {
    councilId,
    councilName: await councilName(deps.db, councilId),
    asOf: today,
    period,
    awardsByLevel: AWARD_LEVELS.map((level) => ({
      level,
      live: live.filter((a) => a.level === level).length,
      suspended: live.filter((a) => a.level === level && a.status === 'suspended').length
    })),
    assessmentsByState: AssessmentState.options.map((state) => ({
      state,
      count: states.find((s) => s.state === state)?.count ?? 0
    })),
    stageDurations: await measureStageDurations(deps, councilId, period),
    expiring: EXPIRY_WINDOWS.map((withinDays) => ({
      withinDays,
      awards: within(
        live.map((a) => a.validTo),
        withinDays
      ),
      evidence: within(evidenceExpiries, withinDays)
    }))
  }
}
