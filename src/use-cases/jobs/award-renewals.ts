// Opens renewals 60 days before an award ends and expires awards past their end (src/domain/README.md: Award, "active →
// renewal_due (60 days before expiry, a renewal assessment opens) → ... expired"; scheme setting renewalLeadDays).
import type { Tx } from '../../db/client.js'
import { findLiveAwardsWithLeadTime, lockAwardState, type JobScope, type WatchedAward } from '../../db/stores/jobs.js'
import { enqueueNotification } from '../../db/stores/notifications.js'
import { isDomainError } from '../../domain/errors.js'
import { planAwardTransitions, type PlannedAwardTransition } from '../../domain/workflow/index.js'
import { openAssessmentIn } from '../assessments.js'
import { transitionAward } from '../awards.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import { runAction, type JobResult } from './job-lock.js'

export async function renewAndExpireAwards (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const today = isoDate(ctx.now)
  // Each award follows the lead time of the scheme version it was decided under.
  for (const award of await findLiveAwardsWithLeadTime(tx, scope)) {
    const [plan] = planAwardTransitions(
      [{ awardId: award.awardId, state: award.state, validTo: award.validTo }],
      today,
      award.leadDays
    )
    if (plan === undefined) continue
    await runAction(tx, deps.log, result, async (sp) => await applyPlan(sp, ctx, award, plan))
  }
}

/** Idempotent by the state check under the row lock; the notification's key keeps it to one message per award end. */
async function applyPlan (
  sp: Tx,
  ctx: Ctx,
  award: WatchedAward,
  plan: PlannedAwardTransition
): Promise<string | null> {
  if ((await lockAwardState(sp, award.awardId)) !== plan.from) return null
  await transitionAward(
    sp,
    ctx,
    award.awardId,
    plan.event,
    plan.event === 'expire' ? `ended on ${award.validTo}` : `renewal due: ends on ${award.validTo}`
  )
  const renewal = plan.event === 'open_renewal' ? await openRenewal(sp, ctx, award.providerId) : null
  await enqueueNotification(sp, {
    councilId: award.councilId,
    kind: plan.event === 'expire' ? 'award_expired' : 'renewal_due',
    dedupeKey: plan.key,
    recipientProviderId: award.providerId,
    payload: {
      providerId: award.providerId,
      awardId: award.awardId,
      validTo: award.validTo,
      renewalAssessmentId: renewal
    },
    now: ctx.now
  })
  return `award ${award.awardId} ${plan.to}${renewal !== null ? `, renewal assessment ${renewal} opened` : ''}`
}

/** The renewal assessment, through the assessment use case; a provider already mid-assessment keeps that one. */
async function openRenewal (sp: Tx, ctx: Ctx, providerId: string): Promise<string | null> {
  try {
    return (await openAssessmentIn(sp, ctx, { providerId, kind: 'renewal' })).id
  } catch (error) {
    if (isDomainError(error) && error.code === 'ASSESSMENT_ALREADY_OPEN') {
      const open = error.details?.assessmentId
      return typeof open === 'string' ? open : null
    }
    throw error
  }
}
