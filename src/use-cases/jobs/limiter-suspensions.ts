// Suspends a live award when a limiter item behind it stays lapsed past the grace period (src/domain/README.md: Award,
// "suspended (evidence lapsed past a 14-day grace ...)"; scheme setting gracePeriodDays).
import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { awards, outbox } from '../../db/schema/index.js'
import { findLapsedLimiters } from '../../domain/scoring/index.js'
import { plannedActionKey } from '../../domain/workflow/index.js'
import { transitionAward } from '../awards.js'
import { SUSPENDABLE_AWARD_STATES } from '../concerns.js'
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
    const { scheme, provider, evidence } = await loadMonitoringBasis(tx, assessment)
    const lapsed = findLapsedLimiters(scheme, provider, evidence, today).filter((l) => l.pastGrace)
    if (lapsed.length === 0) continue
    const awardId = assessment.awardId!
    const items = lapsed.map((l) => l.item)
    const key = plannedActionKey('limiter-suspension', awardId, lapsed.map((l) => l.expiredOn!).sort()[0]!)
    await runAction(tx, deps.log, result, async (sp) => {
      const [award] = await sp
        .select({ status: awards.status })
        .from(awards)
        .where(eq(awards.id, awardId))
        .for('update')
      if (award === undefined || !(SUSPENDABLE_AWARD_STATES as readonly string[]).includes(award.status)) return null
      const inserted = await sp
        .insert(outbox)
        .values({
          councilId: assessment.councilId,
          topic: 'notification.award_suspended',
          dedupeKey: key,
          recipientProviderId: assessment.providerId,
          // The provider is told which of its own items lapsed, so it can put them right.
          payload: {
            providerId: assessment.providerId,
            awardId,
            reason: 'evidence_lapsed',
            items: lapsed.map((l) => l.message)
          },
          createdAt: ctx.now,
          nextAttemptAt: ctx.now
        })
        .onConflictDoNothing()
        .returning({ id: outbox.id })
      if (inserted.length === 0) return null
      await transitionAward(sp, ctx, awardId, 'suspend', `evidence_lapsed: ${items.join(', ')}`)
      return `award ${awardId} suspended: ${items.join(', ')} lapsed past grace`
    })
  }
}
