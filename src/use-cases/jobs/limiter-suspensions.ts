// Suspends a live award when a limiter item behind it stays lapsed past the grace period (src/domain/README.md: Award,
// "suspended (evidence lapsed past a 14-day grace ...)"; scheme setting gracePeriodDays).
import type { Tx } from '../../db/client.js'
import { lockAwardState } from '../../db/stores/jobs.js'
import { enqueueNotification } from '../../db/stores/notifications.js'
import { findLapsedLimiters } from '../../domain/scoring/index.js'
import { isSuspendable, plannedActionKey, SUSPENDABLE_AWARD_STATES } from '../../domain/workflow/index.js'
import { transitionAward } from '../awards.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import { runAction, type JobResult } from './job-lock.js'
import { listMonitoredAssessments, loadMonitoringBasis, type JobScope } from './monitored-assessments.js'

/**
 * Grace is counted by the scoring engine (findLapsedLimiters: expired on 1 March, grace ends 15 March, suspended
 * from 16 March). The key names the award and the earliest expiry behind it: a suspension happens once per lapse,
 * so a co-ordinator who reinstates the award despite it is not overruled the next night; a new lapse acts again.
 */
export async function suspendLapsedAwards (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const today = isoDate(ctx.now)
  for (const assessment of await listMonitoredAssessments(tx, scope, SUSPENDABLE_AWARD_STATES)) {
    const { scheme, provider, evidence } = await loadMonitoringBasis(tx, assessment, { keeping: true })
    const lapsed = findLapsedLimiters(scheme, provider, evidence, today).filter((l) => l.pastGrace)
    const awardId = assessment.awardId
    // the earliest expiry behind the lapse (a lapsed item past grace always has one)
    const [earliest] = lapsed.flatMap((l) => (l.expiredOn === null ? [] : [l.expiredOn])).sort()
    if (awardId === null || earliest === undefined) continue
    const items = lapsed.map((l) => l.item)
    const key = plannedActionKey('limiter-suspension', awardId, earliest)
    await runAction(tx, deps.log, result, async (sp) => {
      const state = await lockAwardState(sp, awardId)
      if (state === undefined || !isSuspendable(state)) return null
      const inserted = await enqueueNotification(sp, {
        councilId: assessment.councilId,
        kind: 'award_suspended',
        dedupeKey: key,
        recipientProviderId: assessment.providerId,
        // The provider is told which of its own items lapsed, so it can put them right.
        payload: {
          providerId: assessment.providerId,
          awardId,
          reason: 'evidence_lapsed',
          items: lapsed.map((l) => l.message)
        },
        now: ctx.now
      })
      if (!inserted) return null
      await transitionAward(sp, ctx, awardId, 'suspend', `evidence_lapsed: ${items.join(', ')}`)
      return `award ${awardId} suspended: ${items.join(', ')} lapsed past grace`
    })
  }
}
