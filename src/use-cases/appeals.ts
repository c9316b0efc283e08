// Appeals: lodged by the provider within the window → acknowledged → heard by an independent reviewer →
// upheld | partly_upheld | dismissed → closed; an upheld appeal applies its outcome (src/domain/README.md: Appeal).
import type { Queryable, Tx } from '../db/client.js'
import * as store from '../db/stores/appeals.js'
import type { AppealPatch, AppealRecord } from '../db/stores/appeals.js'
import { findAssessment, insertAssessment, linkAward, type AssessmentRecord } from '../db/stores/assessments.js'
import { findAward, type AwardRecord } from '../db/stores/awards.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { loadPublishedScheme } from './schemes.js'
import { DomainError } from '../domain/errors.js'
import type { AwardLevel } from '../domain/scheme/enums.js'
import { rankLevel } from '../domain/scoring/index.js'
import {
  awardValidity,
  checkAppealLevel,
  checkAppealWindow,
  checkReviewerIndependence,
  planAppealOutcome,
  transitionAppeal,
  type AppealEvent,
  type AppealOutcome,
  type AppealState,
  type AppealSubject
} from '../domain/workflow/index.js'
import { assertProviderAccess, forbidden, notFound, requireStaff, scopedProviderIds } from './access.js'
import { openAssessmentIn } from './assessments.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { issueAward, transitionAward } from './awards.js'
import { assertNoOpenSafeguardingConcern } from './concerns.js'
import { assertVersion } from './concurrency.js'
import { isoDate, type Ctx, type Deps } from './context.js'

export type AppealRow = AppealRecord
type AssessmentRow = AssessmentRecord
type AwardRow = AwardRecord

/** What a provider lodges (the API's AppealLodge schema is declared against this). */
export interface AppealLodge {
  subjectType: AppealSubject
  /** for a decision: the decided assessment */
  assessmentId?: string | undefined
  /** for a downgrade, suspension or revocation: the award */
  awardId?: string | undefined
  grounds: string
}

/** How long the grounds of an appeal may be, in characters once trimmed (the API and the portal both check it). */
export const APPEAL_GROUNDS_LENGTH = { min: 10, max: 8000 } as const
/** The length of a note on an appeal's step (a withdrawal's reason, a co-ordinator's note). */
export const APPEAL_NOTE_LENGTH = { min: 3, max: 4000 } as const

export interface AppealDecision {
  outcome: AppealOutcome
  reason: string
  level?: AwardLevel | undefined
}

export interface AppealListQuery {
  page: number
  perPage: number
  state?: AppealState | undefined
}

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
  const event = await store.findLastAwardEntry(q, awardId, state)
  if (event === undefined) {
    throw new DomainError('APPEAL_SUBJECT_UNKNOWN', 'conflict', `No record of the award becoming ${state}`)
  }
  return event
}

async function resolveSubject (q: Queryable, ctx: Ctx, input: Omit<AppealLodge, 'grounds'>): Promise<Subject> {
  const refuse = (why: string) =>
    new DomainError('APPEAL_SUBJECT_INVALID', 'conflict', why, { details: { subjectType: input.subjectType } })
  if (input.subjectType === 'decision') {
    // the schema's refinement: a decision appeal names its assessment
    const a = input.assessmentId === undefined ? undefined : await findAssessment(q, input.assessmentId)
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
  const w = input.awardId === undefined ? undefined : await findAward(q, input.awardId)
  const award = assertProviderAccess(ctx.actor, w, 'Award')
  const assessment = await assessmentOfAward(q, award)
  const base = { ...common(assessment), assessmentId: assessment.id, awardId: award.id }
  if (input.subjectType === 'downgrade') {
    if (!(await isDowngrade(q, award, assessment))) {
      throw refuse(`The ${award.level} award is neither below the computed level nor below the award it renewed`)
    }
    return {
      ...base,
      subjectDate: isoDate(award.publishedAt),
      decisionMakerIds: uniqueIds([assessment.proposedBy, assessment.decidedBy, award.decidedBy])
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

/** Every award is issued by an assessment (awards.assessment_id references assessments). */
async function assessmentOfAward (q: Queryable, award: AwardRow): Promise<AssessmentRow> {
  const assessment = await findAssessment(q, award.assessmentId)
  if (assessment === undefined) throw notFound('Assessment')
  return assessment
}

/** Lower than the computed level, or lower than the award this assessment renewed. */
async function isDowngrade (q: Queryable, award: AwardRow, assessment: AssessmentRow): Promise<boolean> {
  if (assessment.computedLevel !== null && rankLevel(award.level) < rankLevel(assessment.computedLevel)) return true
  if (assessment.renewsAwardId === null) return false
  const previous = await findAward(q, assessment.renewsAwardId)
  return previous !== undefined && rankLevel(award.level) < rankLevel(previous.level)
}

// ── Lodging and reading ───────────────────────────────────────────────────────────────────────────────────
type AppealTarget = Omit<AppealLodge, 'grounds'>

/** The subject, if it may be appealed today: within its window and without an open appeal (else the domain error). */
async function admitAppeal (q: Queryable, ctx: Ctx, input: AppealTarget) {
  const subject = await resolveSubject(q, ctx, input)
  const { appealWindowDays } = await schemeSettings(q, subject.councilId, subject.schemeVersionId)
  const inTime = checkAppealWindow(subject.subjectDate, isoDate(ctx.now), appealWindowDays)
  if (!inTime.ok) throw inTime.error
  const open = await store.findOpenAppeal(q, input.subjectType, subjectKey(input.subjectType, subject))
  if (open !== undefined) {
    throw new DomainError(
      'APPEAL_ALREADY_OPEN',
      'conflict',
      `An appeal against this ${input.subjectType} is already open (${open.id})`,
      { details: { appealId: open.id } }
    )
  }
  return { subject, lastDay: inTime.value.lastDay }
}

/**
 * Whether the provider could lodge this appeal today, with the same checks lodgeAppeal makes: its last day, or the
 * domain error that would refuse it (window closed, already open, not appealable).
 */
export async function checkAppealable (deps: Deps, ctx: Ctx, input: AppealTarget) {
  try {
    return { ok: true as const, lastDay: (await admitAppeal(deps.db, ctx, input)).lastDay }
  } catch (e) {
    if (e instanceof DomainError && e.code.startsWith('APPEAL_')) return { ok: false as const, error: e }
    throw e
  }
}

export async function lodgeAppeal (deps: Deps, ctx: Ctx, input: AppealLodge) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role !== 'provider') throw forbidden('Appeals are lodged by the provider')
  return await deps.db.transaction(async (tx) => {
    const { subject, lastDay } = await admitAppeal(tx, ctx, input)
    const row = await store.insertAppeal(tx, {
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
    await recordAudit(tx, ctx, {
      councilId: subject.councilId,
      entityType: 'appeal',
      entityId: row.id,
      action: 'lodge',
      toState: 'lodged',
      after: { subjectType: input.subjectType, subjectDate: subject.subjectDate, lastDay }
    })
    await enqueueNotification(tx, {
      councilId: subject.councilId,
      kind: 'appeal_acknowledged',
      dedupeKey: `appeal-acknowledged:${row.id}`,
      recipientProviderId: subject.providerId,
      payload: { providerId: subject.providerId, appealId: row.id },
      now: ctx.now
    })
    return present(row)
  })
}

/** A decision is appealed by its assessment, anything else by its award. */
function subjectKey (type: AppealSubject, subject: Subject): { assessmentId: string } | { awardId: string } {
  const key = type === 'decision' ? subject.assessmentId : subject.awardId
  if (key === null) throw new Error(`an appeal subject of type ${type} without its id`)
  return type === 'decision' ? { assessmentId: key } : { awardId: key }
}

export async function getAppeal (deps: Deps, ctx: Ctx, id: string) {
  const row = await store.findAppeal(deps.db, id)
  return present(assertProviderAccess(ctx.actor, row, 'Appeal'))
}

export async function listAppeals (deps: Deps, ctx: Ctx, query: AppealListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list appeals')
  const filter = { councilId: actor.councilId, providerIds: scopedProviderIds(actor, undefined), state: query.state }
  const page = await fetchPage(
    query,
    async (limit, offset) => await store.pageAppeals(deps.db, filter, limit, offset),
    async () => await store.countAppeals(deps.db, filter)
  )
  return { items: page.items.map(present), meta: page.meta }
}

// ── The lifecycle ─────────────────────────────────────────────────────────────────────────────────────────
async function lockAppeal (tx: Tx, ctx: Ctx, id: string, expectedVersion: number | undefined) {
  const current = assertProviderAccess(ctx.actor, await store.lockAppealRow(tx, id), 'Appeal')
  assertVersion(current.version, expectedVersion, 'The appeal')
  return current
}

async function moveAppeal (
  tx: Tx,
  ctx: Ctx,
  current: AppealRow,
  event: AppealEvent,
  patch: AppealPatch,
  reason?: string,
  after?: unknown
) {
  const next = transitionAppeal(current.state, event)
  if (!next.ok) throw next.error
  const row = await store.updateAppeal(tx, current, { ...patch, state: next.value }, ctx.now)
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
  return row
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

/**
 * Why the actor may not hear this appeal, or null when they may: only a reviewer, and never one who made the
 * decision appealed (shown on the co-ordinator's appeal page before anyone tries).
 */
export async function whyCannotHearAppeal (deps: Deps, ctx: Ctx, id: string): Promise<string | null> {
  const staff = requireStaff(ctx.actor)
  const row = assertProviderAccess(ctx.actor, await store.findAppeal(deps.db, id), 'Appeal')
  if (staff.role !== 'reviewer') {
    return 'Appeals are heard only by a reviewer, who took no part in the decision appealed. ' +
      'You are a co-ordinator, so you cannot hear it.'
  }
  const independent = checkReviewerIndependence(staff.userId, row.decisionMakerIds)
  return independent.ok ? null : 'You took part in the decision under appeal, so another reviewer must hear it.'
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

// ── Applying the outcome (the plan is the domain's: src/domain/workflow/appeal-outcome.ts) ─────────────────
type Applied = {
  action: 'none' | 'award_reinstated' | 'award_issued' | 'reassessment_opened'
  awardId: string | null
  assessmentId: string | null
}

async function applyOutcome (tx: Tx, ctx: Ctx, appeal: AppealRow, input: AppealDecision): Promise<Applied> {
  const planned = planAppealOutcome(appeal.subjectType, input.outcome, input.level)
  if (!planned.ok) throw planned.error
  const plan = planned.value
  switch (plan.action) {
    case 'none':
      return { action: 'none', awardId: null, assessmentId: null }
    case 'reinstate_award': {
      await assertNoOpenSafeguardingConcern(tx, appeal.providerId)
      const awardId = appealedAwardId(appeal)
      await transitionAward(tx, ctx, awardId, plan.event, `appeal ${appeal.id} upheld`)
      return { action: 'award_reinstated', awardId, assessmentId: null }
    }
    case 'issue_award': {
      const original = await loadAppealedAssessment(tx, appeal)
      return await issueAwardOnAppeal(tx, ctx, appeal, original, plan.level, input.reason)
    }
    case 'open_reassessment': {
      const reassessment = await openAssessmentIn(tx, ctx, { providerId: appeal.providerId, kind: 'reassessment' })
      return { action: 'reassessment_opened', awardId: null, assessmentId: reassessment.id }
    }
  }
}

/** Appeals against a suspension, revocation or downgrade name the award (appeals_subject rules at lodging). */
function appealedAwardId (appeal: AppealRow): string {
  if (appeal.awardId === null) throw new Error(`appeal ${appeal.id} against a ${appeal.subjectType} has no award`)
  return appeal.awardId
}

async function loadAppealedAssessment (tx: Tx, appeal: AppealRow): Promise<AssessmentRow> {
  if (appeal.assessmentId !== null) {
    const assessment = await findAssessment(tx, appeal.assessmentId)
    if (assessment === undefined) throw notFound('Assessment')
    return assessment
  }
  const award = await findAward(tx, appealedAwardId(appeal))
  if (award === undefined) throw notFound('Award')
  return await assessmentOfAward(tx, award)
}

async function issueAwardOnAppeal (
  tx: Tx,
  ctx: Ctx,
  appeal: AppealRow,
  original: AssessmentRow,
  level: AwardLevel,
  reason: string
): Promise<Applied> {
  const allowed = checkAppealLevel(level, original.computedLevel ?? 'none')
  if (!allowed.ok) throw allowed.error
  const previous = original.awardId === null ? undefined : await findAward(tx, original.awardId)
  const today = isoDate(ctx.now)
  const validTo =
    previous?.validTo ??
    awardValidity(today, (await schemeSettings(tx, original.councilId, original.schemeVersionId)).awardValidityMonths)
  const reviewerId = ctx.actor.kind === 'user' ? ctx.actor.userId : null
  // The appeal's decision, recorded as a decided reassessment so the award has its own assessment and reasons.
  const decided = await insertAssessment(tx, {
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
  await recordAudit(tx, ctx, {
    councilId: original.councilId,
    entityType: 'assessment',
    entityId: decided.id,
    action: 'decide_on_appeal',
    toState: 'decided',
    reason,
    after: { appealId: appeal.id, level }
  })
  const award = await issueAward(tx, ctx, {
    assessment: decided,
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
  await linkAward(tx, decided.id, award.id)
  return { action: 'award_issued', awardId: award.id, assessmentId: decided.id }
}
