// Opens renewals 60 days before an award ends and expires awards past their end (src/domain/README.md: Award, "active →
// renewal_due (60 days before expiry, a renewal assessment opens) → ... expired"; scheme setting renewalLeadDays).
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { assessments, awards, outbox, schemeVersions } from '../../db/schema/index.js'
import { isDomainError } from '../../domain/errors.js'
import { planAwardTransitions, type AwardState, type PlannedAwardTransition } from '../../domain/workflow/index.js'
import { openAssessmentIn } from '../assessments.js'
import { LIVE_AWARD_STATES, transitionAward } from '../awards.js'
import { isoDate, type Ctx, type Deps } from '../context.js'
import { runAction, type JobResult } from './job-lock.js'
import { inScope, type JobScope } from './monitored-assessments.js'

export async function renewAndExpireAwards (
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  scope: JobScope,
  result: JobResult
): Promise<void> {
  const today = isoDate(ctx.now)
  // Each award follows the lead time of the scheme version it was decided under.
  const live = await tx
    .select({
      awardId: awards.id,
      state: awards.status,
      validTo: awards.validTo,
      councilId: awards.councilId,
      providerId: awards.providerId,
      leadDays: sql<number>`(${schemeVersions.document}->'settings'->>'renewalLeadDays')::int`
    })
    .from(awards)
    .innerJoin(assessments, eq(assessments.id, awards.assessmentId))
    .innerJoin(schemeVersions, eq(schemeVersions.id, assessments.schemeVersionId))
    .where(and(inArray(awards.status, [...LIVE_AWARD_STATES]), inScope(awards.councilId, scope)))
    .orderBy(awards.id)
  for (const award of live) {
    const [plan] = planAwardTransitions(
      [{ awardId: award.awardId, state: award.state as AwardState, validTo: award.validTo }],
      today,
      Number(award.leadDays)
    )
    if (plan === undefined) continue
    await runAction(tx, deps.log, result, async (sp) => await applyPlan(sp, ctx, award, plan))
  }
}

/** Idempotent by the state check under the row lock; the notification's key keeps it to one message per award end. */
async function applyPlan (
  sp: Tx,
  ctx: Ctx,
  award: { awardId: string; councilId: string; providerId: string; validTo: string },
  plan: PlannedAwardTransition
): Promise<string | null> {
  const [current] = await sp
    .select({ status: awards.status })
    .from(awards)
    .where(eq(awards.id, award.awardId))
    .for('update')
  if (current?.status !== plan.from) return null
  await transitionAward(
    sp,
    ctx,
    award.awardId,
    plan.event,
    plan.event === 'expire' ? `ended on ${award.validTo}` : `renewal due: ends on ${award.validTo}`
  )
  const renewal = plan.event === 'open_renewal' ? await openRenewal(sp, ctx, award.providerId) : null
  await sp
    .insert(outbox)
    .values({
      councilId: award.councilId,
      topic: plan.event === 'expire' ? 'notification.award_expired' : 'notification.renewal_due',
      dedupeKey: plan.key,
      recipientProviderId: award.providerId,
      payload: {
        providerId: award.providerId,
        awardId: award.awardId,
        validTo: award.validTo,
        renewalAssessmentId: renewal
      },
      createdAt: ctx.now,
      nextAttemptAt: ctx.now
    })
    .onConflictDoNothing()
  return `award ${award.awardId} ${plan.to}${renewal !== null ? `, renewal assessment ${renewal} opened` : ''}`
}

/** The renewal assessment, through the assessment use case; a provider already mid-assessment keeps that one. */
async function openRenewal (sp: Tx, ctx: Ctx, providerId: string): Promise<string | null> {
  try {
    return (await openAssessmentIn(sp, ctx, { providerId, kind: 'renewal' })).id
  } catch (error) {
    if (isDomainError(error) && error.code === 'ASSESSMENT_ALREADY_OPEN') {
      return (error.details?.assessmentId as string | undefined) ?? null
    }
    throw error
  }
}
