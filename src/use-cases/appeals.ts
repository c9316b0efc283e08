// Appeals: lodged by the provider within the window → acknowledged → heard by an independent reviewer →
// upheld | partly_upheld | dismissed → closed; an upheld appeal applies its outcome (src/domain/README.md: Appeal).
import { and, count, desc, eq, notInArray, type SQL } from 'drizzle-orm'
import type { Queryable, Tx } from '../db/client.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { appeals, assessments, auditEvents, awards } from '../db/schema/index.js'
import { loadPublishedScheme } from './schemes.js'
import { DomainError } from '../domain/errors.js'
import type { AwardLevel, ComputedLevel } from '../domain/scheme/enums.js'
import { rankLevel } from '../domain/scoring/index.js'
import {
  awardValidity,
  checkAppealWindow,
  checkReviewerIndependence,
  transitionAppeal,
  type AppealEvent,
  type AppealState,
  type AppealSubject
} from '../domain/workflow/index.js'
import type { AppealDecision, AppealListQuery, AppealLodge } from '../http/schemas/appeals.js'
import { assertProviderAccess, forbidden, requireStaff } from './access.js'
import { openAssessmentIn } from './assessments.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { issueAward, transitionAward } from './awards.js'
import { assertNoOpenSafeguardingConcern } from './concerns.js'
import { assertVersion } from './concurrency.js'
import { isoDate, type Ctx, type Deps } from './context.js'

export type AppealRow = typeof appeals.$inferSelect
type AssessmentRow = typeof assessments.$inferSelect
type AwardRow = typeof awards.$inferSelect

const present = ({ decisionMakerIds: _makers, lodgedBy: _by, ...visible }: AppealRow) => visible
const uniqueIds = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))]

/**
 * The settings of the scheme version an assessment is pinned to (one reader of pinned versions:
 * src/use-cases/schemes.ts).
 */
const schemeSettings = async (q: Queryable, councilId: string, schemeVersionId: string) =>
  (await loadPublishedScheme(q, councilId, schemeVersionId)).document.settings

// ── What is appealed, when it happened and who decided it ─────────────────────────────────────────────────
interface Subject {
  providerId: string
  councilId: string
  subjectDate: string
  decisionMakerIds: string[]
  schemeVersionId: string
  assessmentId: string | null
  awardId: string | null
}

/** The last time the award entered `state`, from the audit trail: when it happened and who did it. */
async function lastEnteredState (q: Queryable, awardId: string, state: string) {
  const [event] = await q
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'award'), eq(auditEvents.entityId, awardId), eq(auditEvents.toState, state)))
    .orderBy(desc(auditEvents.id))
    .limit(1)
  if (event === undefined) {
    throw new DomainError('APPEAL_SUBJECT_UNKNOWN', 'conflict', `No record of the award becoming ${state}`)
  }
  return event
}

async function resolveSubject (q: Queryable, ctx: Ctx, input: AppealLodge): Promise<Subject> {
  const refuse = (why: string) =>
    new DomainError('APPEAL_SUBJECT_INVALID', 'conflict', why, { details: { subjectType: input.subjectType } })
  if (input.subjectType === 'decision') {
    const [a] = await q.select().from(assessments).where(eq(assessments.id, input.assessmentId!))
    const assessment = assertProviderAccess(ctx.actor, a, 'Assessment')
    if (assessment.state !== 'decided' || assessment.decidedAt === null) {
      throw refuse(`The assessment is ${assessment.state}: only a decided assessment can be appealed`)
    }
    // The decision makers: whoever proposed it and whoever published it (the audit trail agrees with the row).
    return {
      ...common(assessment),
      subjectDate: isoDate(assessment.decidedAt),
      decisionMakerIds: uniqueIds([assessment.proposedBy, assessment.decidedBy]),
      assessmentId: assessment.id,
      awardId: assessment.awardId
    }
  }
  const [w] = await q.select().from(awards).where(eq(awards.id, input.awardId!))
  const award = assertProviderAccess(ctx.actor, w, 'Award')
  const [assessment] = await q.select().from(assessments).where(eq(assessments.id, award.assessmentId))
  const base = { ...common(assessment!), assessmentId: assessment!.id, awardId: award.id }
  if (input.subjectType === 'downgrade') {
    if (!(await isDowngrade(q, award, assessment!))) {
      throw refuse(`The ${award.level} award is neither below the computed level nor below the award it renewed`)
    }
    return {
      ...base,
      subjectDate: isoDate(award.publishedAt),
      decisionMakerIds: uniqueIds([assessment!.proposedBy, assessment!.decidedBy, award.decidedBy])
    }
  }
  const state = input.subjectType === 'suspension' ? 'suspended' : 'revoked'
  if (award.status !== state) throw refuse(`The award is ${award.status}, not ${state}`)
  // A system suspension (lapsed evidence) has no person behind it: any reviewer may hear it.
  const event = await lastEnteredState(q, award.id, state)
  return { ...base, subjectDate: isoDate(event.at), decisionMakerIds: uniqueIds([event.actorUserId]) }
}

const common = (a: AssessmentRow) => ({
  providerId: a.providerId,
  councilId: a.councilId,
  schemeVersionId: a.schemeVersionId
})

/** Lower than the computed level, or lower than the award this assessment renewed. */
async function isDowngrade (q: Queryable, award: AwardRow, assessment: AssessmentRow): Promise<boolean> {
  if (
    assessment.computedLevel !== null &&
    rankLevel(award.level) < rankLevel(assessment.computedLevel as ComputedLevel)
  ) { return true }
  if (assessment.renewsAwardId === null) return false
  const [previous] = await q.select({ level: awards.level }).from(awards).where(eq(awards.id, assessment.renewsAwardId))
  return previous !== undefined && rankLevel(award.level) < rankLevel(previous.level)
}

// ── Lodging and reading ───────────────────────────────────────────────────────────────────────────────────
export async function lodgeAppeal (deps: Deps, ctx: Ctx, input: AppealLodge) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role !== 'provider') throw forbidden('Appeals are lodged by the provider')
  return await deps.db.transaction(async (tx) => {
    const subject = await resolveSubject(tx, ctx, input)
    const { appealWindowDays } = await schemeSettings(tx, subject.councilId, subject.schemeVersionId)
    const inTime = checkAppealWindow(subject.subjectDate, isoDate(ctx.now), appealWindowDays)
    if (!inTime.ok) throw inTime.error
    const sameSubject =
      input.subjectType === 'decision'
        ? eq(appeals.assessmentId, subject.assessmentId!)
        : eq(appeals.awardId, subject.awardId!)
    const [open] = await tx
      .select({ id: appeals.id })
      .from(appeals)
      .where(
        and(eq(appeals.subjectType, input.subjectType), sameSubject, notInArray(appeals.state, ['closed', 'withdrawn']))
      )
    if (open !== undefined) {
      throw new DomainError(
        'APPEAL_ALREADY_OPEN',
        'conflict',
        `An appeal against this ${input.subjectType} is already open (${open.id})`,
        { details: { appealId: open.id } }
      )
    }
    const [row] = await tx
      .insert(appeals)
      .values({
        councilId: subject.councilId,
        providerId: subject.providerId,
        subjectType: input.subjectType,
        assessmentId: input.subjectType === 'decision' ? subject.assessmentId : null,
        awardId: input.subjectType === 'decision' ? null : subject.awardId,
        grounds: input.grounds,
        decisionMakerIds: subject.decisionMakerIds,
        lodgedBy: actor.userId,
        lodgedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now
      })
      .returning()
    await recordAudit(tx, ctx, {
      councilId: subject.councilId,
      entityType: 'appeal',
      entityId: row!.id,
      action: 'lodge',
      toState: 'lodged',
      after: { subjectType: input.subjectType, subjectDate: subject.subjectDate, lastDay: inTime.value.lastDay }
    })
    await enqueueNotification(tx, {
      councilId: subject.councilId,
      kind: 'appeal_acknowledged',
      dedupeKey: `appeal-acknowledged:${row!.id}`,
      recipientProviderId: subject.providerId,
      payload: { providerId: subject.providerId, appealId: row!.id },
      now: ctx.now
    })
    return present(row!)
  })
}

export async function getAppeal (deps: Deps, ctx: Ctx, id: string) {
  const [row] = await deps.db.select().from(appeals).where(eq(appeals.id, id))
  return present(assertProviderAccess(ctx.actor, row, 'Appeal'))
}

export async function listAppeals (deps: Deps, ctx: Ctx, query: AppealListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list appeals')
  const where: SQL[] = [eq(appeals.councilId, actor.councilId)]
  if (actor.role === 'provider') where.push(eq(appeals.providerId, actor.providerId!))
  if (query.state !== undefined) where.push(eq(appeals.state, query.state))
  const page = await fetchPage(
    query,
    async (limit, offset) =>
      await deps.db
        .select()
        .from(appeals)
        .where(and(...where))
        .orderBy(desc(appeals.lodgedAt), desc(appeals.id))
        .limit(limit)
        .offset(offset),
    async () =>
      await deps.db
        .select({ n: count() })
        .from(appeals)
        .where(and(...where))
  )
  return { items: page.items.map(present), meta: page.meta }
}

// ── The lifecycle ─────────────────────────────────────────────────────────────────────────────────────────
async function lockAppeal (tx: Tx, ctx: Ctx, id: string, expectedVersion: number | undefined) {
  const [row] = await tx.select().from(appeals).where(eq(appeals.id, id)).for('update')
  const current = assertProviderAccess(ctx.actor, row, 'Appeal')
  assertVersion(current.version, expectedVersion, 'The appeal')
  return current
}

async function moveAppeal (
  tx: Tx,
  ctx: Ctx,
  current: AppealRow,
  event: AppealEvent,
  patch: Partial<AppealRow>,
  reason?: string,
  after?: unknown
) {
  const next = transitionAppeal(current.state as AppealState, event)
  if (!next.ok) throw next.error
  const [row] = await tx
    .update(appeals)
    .set({ ...patch, state: next.value, updatedAt: ctx.now, version: current.version + 1 })
    .where(eq(appeals.id, current.id))
    .returning()
  await recordAudit(tx, ctx, {
    councilId: current.councilId,
    entityType: 'appeal',
    entityId: current.id,
    action: event,
    fromState: current.state,
    toState: next.value,
    reason,
    after
  })
  return row!
}

export interface AppealAction {
  expectedVersion?: number | undefined
  reason?: string | undefined
}

/** Staff steps that carry only a note: acknowledge and close. */
export async function actOnAppeal (
  deps: Deps,
  ctx: Ctx,
  id: string,
  event: 'acknowledge' | 'close',
  input: AppealAction
) {
  requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) =>
    present(await moveAppeal(tx, ctx, await lockAppeal(tx, ctx, id, input.expectedVersion), event, {}, input.reason))
  )
}

export async function withdrawAppeal (deps: Deps, ctx: Ctx, id: string, input: AppealAction) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'provider') {
    throw forbidden('Only the provider withdraws its appeal')
  }
  return await deps.db.transaction(async (tx) =>
    present(
      await moveAppeal(tx, ctx, await lockAppeal(tx, ctx, id, input.expectedVersion), 'withdraw', {}, input.reason)
    )
  )
}

function requireReviewer (ctx: Ctx) {
  const staff = requireStaff(ctx.actor)
  if (staff.role !== 'reviewer') throw forbidden('Appeals are heard by a reviewer')
  return staff
}

/** A reviewer takes the appeal, never one who made the decision appealed (src/domain/README.md: Glossary, reviewer). */
export async function startAppealReview (deps: Deps, ctx: Ctx, id: string, input: AppealAction) {
  const reviewer = requireReviewer(ctx)
  return await deps.db.transaction(async (tx) => {
    const current = await lockAppeal(tx, ctx, id, input.expectedVersion)
    const independent = checkReviewerIndependence(reviewer.userId, current.decisionMakerIds)
    if (!independent.ok) throw independent.error
    return present(await moveAppeal(tx, ctx, current, 'start_review', { reviewerId: reviewer.userId }, input.reason))
  })
}

const decisionEvents = { upheld: 'uphold', partly_upheld: 'partly_uphold', dismissed: 'dismiss' } as const

/** The reviewer hearing the appeal decides it; the outcome is applied in the same transaction. */
export async function decideAppeal (deps: Deps, ctx: Ctx, id: string, input: AppealDecision & AppealAction) {
  const reviewer = requireReviewer(ctx)
  return await deps.db.transaction(async (tx) => {
    const current = await lockAppeal(tx, ctx, id, input.expectedVersion)
    if (current.reviewerId !== null && current.reviewerId !== reviewer.userId) {
      throw forbidden('Only the reviewer hearing this appeal may decide it')
    }
    const applied = await applyOutcome(tx, ctx, current, input)
    const row = await moveAppeal(
      tx,
      ctx,
      current,
      decisionEvents[input.outcome],
      { outcome: input.outcome, outcomeReason: input.reason, decidedAt: ctx.now },
      input.reason,
      applied
    )
    await enqueueNotification(tx, {
      councilId: row.councilId,
      kind: 'appeal_decided',
      dedupeKey: `appeal-decided:${row.id}`,
      recipientProviderId: row.providerId,
      payload: { providerId: row.providerId, appealId: row.id, outcome: input.outcome, note: input.reason },
      now: ctx.now
    })
    return { appeal: present(row), applied }
  })
}

// ── Applying the outcome ──────────────────────────────────────────────────────────────────────────────────
// Kept simple on purpose:
// - upheld against a suspension → the award is reinstated (refused while a safeguarding concern is open);
//   upheld against a revocation → reinstated on appeal;
// - upheld or partly upheld against a decision or downgrade with a `level` → a new award at that level (never
//   above the computed level), issued through issueAward on a 'reassessment' recorded as decided by the
//   reviewer; it supersedes the live award and keeps its end date (an appeal corrects, it does not extend);
// - upheld against a decision or downgrade without a level → a reassessment opens for a fresh decision;
// - anything else (dismissed, or partly upheld against a suspension/revocation) changes nothing automatically:
//   the reviewer's reason says what the co-ordinator should do.
type Applied = {
  action: 'none' | 'award_reinstated' | 'award_issued' | 'reassessment_opened'
  awardId: string | null
  assessmentId: string | null
}

async function applyOutcome (tx: Tx, ctx: Ctx, appeal: AppealRow, input: AppealDecision): Promise<Applied> {
  const none: Applied = { action: 'none', awardId: null, assessmentId: null }
  const subject = appeal.subjectType as AppealSubject
  if (
    input.level !== undefined &&
    (subject === 'suspension' || subject === 'revocation' || input.outcome === 'dismissed')
  ) {
    throw new DomainError(
      'APPEAL_LEVEL_NOT_APPLICABLE',
      'invalid',
      'A level is set only when upholding an appeal against a decision or a downgrade',
      { errors: [{ path: 'body.level', message: 'not applicable here' }] }
    )
  }
  if (input.outcome === 'dismissed') return none
  if (subject === 'suspension' || subject === 'revocation') {
    if (input.outcome !== 'upheld') return none
    await assertNoOpenSafeguardingConcern(tx, appeal.providerId)
    await transitionAward(
      tx,
      ctx,
      appeal.awardId!,
      subject === 'suspension' ? 'reinstate' : 'reinstate_on_appeal',
      `appeal ${appeal.id} upheld`
    )
    return { action: 'award_reinstated', awardId: appeal.awardId, assessmentId: null }
  }
  const original = await loadAppealedAssessment(tx, appeal)
  if (input.level !== undefined) return await issueAwardOnAppeal(tx, ctx, appeal, original, input.level, input.reason)
  if (input.outcome !== 'upheld') return none
  const reassessment = await openAssessmentIn(tx, ctx, { providerId: appeal.providerId, kind: 'reassessment' })
  return { action: 'reassessment_opened', awardId: null, assessmentId: reassessment.id }
}

async function loadAppealedAssessment (tx: Tx, appeal: AppealRow): Promise<AssessmentRow> {
  const assessmentId =
    appeal.assessmentId ??
    (await tx.select({ id: awards.assessmentId }).from(awards).where(eq(awards.id, appeal.awardId!)))[0]!.id
  return (await tx.select().from(assessments).where(eq(assessments.id, assessmentId)))[0]!
}

async function issueAwardOnAppeal (
  tx: Tx,
  ctx: Ctx,
  appeal: AppealRow,
  original: AssessmentRow,
  level: AwardLevel,
  reason: string
): Promise<Applied> {
  const computed = (original.computedLevel ?? 'none') as ComputedLevel
  if (rankLevel(level) > rankLevel(computed)) {
    throw new DomainError(
      'APPEAL_LEVEL_ABOVE_COMPUTED',
      'invalid',
      `An appeal cannot award ${level}: the computed level was ${computed}`,
      { errors: [{ path: 'body.level', message: `must be ${computed} or lower` }], details: { computed, level } }
    )
  }
  const [previous] =
    original.awardId === null ? [] : await tx.select().from(awards).where(eq(awards.id, original.awardId))
  const today = isoDate(ctx.now)
  const validTo =
    previous?.validTo ??
    awardValidity(today, (await schemeSettings(tx, original.councilId, original.schemeVersionId)).awardValidityMonths)
  const reviewerId = ctx.actor.kind === 'user' ? ctx.actor.userId : null
  // The appeal's decision, recorded as a decided reassessment so the award has its own assessment and reasons.
  const [decided] = await tx
    .insert(assessments)
    .values({
      councilId: original.councilId,
      providerId: original.providerId,
      kind: 'reassessment',
      state: 'decided',
      schemeVersionId: original.schemeVersionId,
      openedBy: reviewerId,
      renewsAwardId: previous?.id ?? null,
      computedLevel: original.computedLevel,
      proposedLevel: level,
      decisionReason: `On appeal ${appeal.id}: ${reason}`,
      scoreSnapshot: original.scoreSnapshot,
      proposedBy: reviewerId,
      proposedAt: ctx.now,
      outcome: 'awarded',
      decidedBy: reviewerId,
      decidedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now
    })
    .returning()
  await recordAudit(tx, ctx, {
    councilId: original.councilId,
    entityType: 'assessment',
    entityId: decided!.id,
    action: 'decide_on_appeal',
    toState: 'decided',
    reason,
    after: { appealId: appeal.id, level }
  })
  const award = await issueAward(tx, ctx, {
    assessment: decided!,
    level,
    validFrom: today,
    validTo,
    feedback: {
      n: previous?.feedbackN ?? 0,
      q: previous?.feedbackQ ?? null,
      g: previous?.feedbackG ?? null,
      smallSample: previous?.smallSample ?? false
    }
  })
  await tx.update(assessments).set({ awardId: award.id }).where(eq(assessments.id, decided!.id))
  return { action: 'award_issued', awardId: award.id, assessmentId: decided!.id }
}
