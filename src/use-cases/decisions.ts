// Decisions: the live score, a proposed level (computed or lower, never higher), the provider's factual-accuracy
// comment or acceptance, and publication that issues the award (src/domain/README.md: Scoring, Assessment).
import type { Queryable } from '../db/client.js'
import { findAssessment, listFeedbackAnswers } from '../db/stores/assessments.js'
import { listConcernsAbout } from '../db/stores/concerns.js'
import { enqueueNotification } from '../db/stores/notifications.js'
import { DomainError } from '../domain/errors.js'
import type { ComputedLevel, ConcernSeverity } from '../domain/scheme/enums.js'
import type { SchemeDocument } from '../domain/scheme/index.js'
import {
  isLevelAllowed,
  scoreAssessment,
  type ConcernInput,
  type EvidenceState,
  type ScoringResult
} from '../domain/scoring/index.js'
import {
  awardValidity,
  checkDecisionLevel,
  checkDecisionPublishable,
  checkFactualAccuracyComment,
  factualAccuracyEndsOn,
  transitionAssessment
} from '../domain/workflow/index.js'
import { assertProviderAccess, notFound, requireStaff } from './access.js'
import { applyAssessmentEvent, lockAssessment, type AssessmentRow } from './assessments.js'
import { issueAward } from './awards.js'
import { actorUserId, isoDate, type Ctx, type Deps } from './context.js'
import { collectScoringEvidence, loadAssessmentBasis } from './evidence.js'

// An untriaged safeguarding report already counts as one: the limiter must not wait for triage (src/domain/README.md:
// limiters).
const concernSeverity = (c: { severity: ConcernSeverity | null; source: string }): ConcernSeverity =>
  c.severity ?? (c.source === 'safeguarding' ? 'safeguarding' : 'low')

/**
 * Scores an assessment on a date: its pinned scheme (or `under`, another version's document, for the scheme's
 * what-if), verified evidence, feedback, the provider's concerns and CQC rating.
 */
export async function scoreAssessmentOn (
  q: Queryable,
  assessment: AssessmentRow,
  decisionDate: string,
  assumeVerified: readonly string[] = [],
  under?: SchemeDocument
) {
  const [{ scheme: pinned, provider }, given, responses, concernRows] = await Promise.all([
    loadAssessmentBasis(q, assessment),
    collectScoringEvidence(q, assessment.id),
    listFeedbackAnswers(q, assessment.id),
    listConcernsAbout(q, assessment.providerId)
  ])
  const scheme = under ?? pinned
  const concernInputs: ConcernInput[] = concernRows.map((c) => ({
    severity: concernSeverity(c),
    status: c.state === 'closed' ? 'closed' : 'open',
    outcome: c.outcome,
    raisedOn: c.raisedOn,
    closedOn: c.closedOn
  }))
  const evidence = assumingVerified(given, assumeVerified, decisionDate)
  const result = scoreAssessment({
    scheme,
    profile: { flags: provider.flags, activeClients: provider.activeClients },
    evidence,
    responses: responses.map((r) => ({ answers: r.answers })),
    concerns: concernInputs,
    cqcRating: provider.cqcRating,
    decisionDate
  })
  return { scheme, result }
}

/**
 * What-if on the live score: the named items as if verified on the decision date, keeping the dates the provider
 * gave (an item with none is taken as issued that day).
 */
function assumingVerified (
  evidence: Record<string, EvidenceState>,
  codes: readonly string[],
  on: string
): Record<string, EvidenceState> {
  const out = { ...evidence }
  for (const code of codes) {
    const e = evidence[code]
    const dated = e?.issuedOn != null || e?.expiresOn != null
    out[code] = {
      status: 'verified',
      verifiedAt: on,
      issuedOn: dated ? e?.issuedOn : on,
      expiresOn: e?.expiresOn,
      noExpiry: e?.noExpiry
    }
  }
  return out
}

/** The day a decision was proposed: a proposed assessment always records when (propose_decision sets it). */
function proposedOn (a: AssessmentRow): string {
  if (a.proposedAt === null) throw new Error(`assessment ${a.id} is ${a.state} without proposedAt`)
  return isoDate(a.proposedAt)
}

/**
 * The co-ordinator's live view: the score and its reasons as of today; with `assumeVerified`, what it would be were
 * those items verified (the what-if on an assessment).
 */
export async function getLiveScore (
  deps: Deps,
  ctx: Ctx,
  id: string,
  assumeVerified: readonly string[] = []
): Promise<ScoringResult> {
  const staff = requireStaff(ctx.actor)
  const row = await findAssessment(deps.db, id)
  if (row === undefined || row.councilId !== staff.councilId) throw notFound('Assessment')
  return (await scoreAssessmentOn(deps.db, row, isoDate(ctx.now), assumeVerified)).result
}

/** Publishes a proposed decision: awarded (the award is issued, superseding a live one) or not awarded. */
async function publishIn (
  tx: Queryable,
  ctx: Ctx,
  before: AssessmentRow,
  reason: string | null
): Promise<AssessmentRow> {
  const refused = transitionAssessment(before.state, 'publish_decision')
  if (!refused.ok) throw refused.error
  const today = isoDate(ctx.now)
  const { scheme, result } = await scoreAssessmentOn(tx, before, today)
  // Early publication only with the provider's acceptance (README: Assessments, evidence, decisions and awards).
  if (before.providerAcceptedAt === null) {
    const publishable = checkDecisionPublishable(
      proposedOn(before),
      today,
      scheme.settings.factualAccuracyDays
    )
    if (!publishable.ok) throw publishable.error
  }
  const level = before.proposedLevel
  if (level === null) throw new Error(`assessment ${before.id} is ${before.state} without a proposed level`)
  // Evidence may have lapsed or a safeguarding concern opened since the proposal: never publish above today's score.
  if (!isLevelAllowed(result, level)) {
    throw new DomainError(
      'DECISION_NO_LONGER_SUPPORTED',
      'conflict',
      `${level} was proposed but today's score is ${result.computedLevel}; reopen the review and propose again`,
      { details: { proposed: level, computed: result.computedLevel } }
    )
  }
  const award =
    level === 'none'
      ? null
      : await issueAward(tx, ctx, {
        assessment: before,
        level,
        validFrom: today,
        validTo: awardValidity(today, scheme.settings.awardValidityMonths),
        feedback: {
          n: result.feedback.n,
          q: result.feedback.q,
          g: result.feedback.g,
          smallSample: result.feedback.smallSample
        }
      })
  return await applyAssessmentEvent(tx, ctx, before, 'publish_decision', reason, {
    outcome: award === null ? 'not_awarded' : 'awarded',
    decidedBy: actorUserId(ctx.actor),
    decidedAt: ctx.now,
    awardId: award?.id ?? null
  })
}

/**
 * Proposes the computed level or a lower one with a reason (checkDecisionLevel), keeping the score it rests on.
 * With a factual-accuracy window of 0 days the decision is published at once.
 */
export async function proposeDecision (
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number | undefined,
  input: { level: ComputedLevel; reason?: string | undefined }
) {
  requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const before = await lockAssessment(tx, ctx, id, expectedVersion)
    const refused = transitionAssessment(before.state, 'propose_decision')
    if (!refused.ok) throw refused.error
    const today = isoDate(ctx.now)
    const { scheme, result } = await scoreAssessmentOn(tx, before, today)
    const checked = checkDecisionLevel(result.computedLevel, input.level, input.reason)
    if (!checked.ok) throw checked.error
    const windowDays = scheme.settings.factualAccuracyDays
    const proposed = await applyAssessmentEvent(tx, ctx, before, 'propose_decision', checked.value.reason, {
      computedLevel: result.computedLevel,
      proposedLevel: checked.value.level,
      decisionReason: checked.value.reason,
      scoreSnapshot: result,
      proposedBy: actorUserId(ctx.actor),
      proposedAt: ctx.now,
      factualAccuracyEndsOn: factualAccuracyEndsOn(today, windowDays),
      providerComment: null,
      providerAcceptedAt: null
    })
    // src/domain/README.md: the window is configurable and may be 0 — then there is nothing to wait for.
    if (windowDays === 0) return await publishIn(tx, ctx, proposed, 'published at once: no factual-accuracy window')
    await enqueueNotification(tx, {
      councilId: proposed.councilId,
      kind: 'decision_proposed',
      dedupeKey: `decision-proposed:${proposed.id}:v${proposed.version}`,
      recipientProviderId: proposed.providerId,
      payload: {
        providerId: proposed.providerId,
        assessmentId: proposed.id,
        level: checked.value.level,
        deadline: proposed.factualAccuracyEndsOn,
        note: checked.value.reason ?? undefined
      },
      now: ctx.now
    })
    return proposed
  })
}

export async function publishDecision (deps: Deps, ctx: Ctx, id: string, expectedVersion: number | undefined) {
  requireStaff(ctx.actor)
  return await deps.db.transaction(
    async (tx) => await publishIn(tx, ctx, await lockAssessment(tx, ctx, id, expectedVersion), null)
  )
}

/** The provider's factual-accuracy comment, while the window is open. */
export async function commentOnDecision (
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number | undefined,
  comment: string
) {
  return await deps.db.transaction(async (tx) => {
    const before = await lockAssessment(tx, ctx, id, expectedVersion)
    const refused = transitionAssessment(before.state, 'comment')
    if (!refused.ok) throw refused.error
    const { scheme } = await loadAssessmentBasis(tx, before)
    const open = checkFactualAccuracyComment(
      proposedOn(before),
      isoDate(ctx.now),
      scheme.settings.factualAccuracyDays
    )
    if (!open.ok) throw open.error
    return await applyAssessmentEvent(tx, ctx, before, 'comment', comment, { providerComment: comment })
  })
}

/** The provider accepts the proposal as accurate, so it may be published before the window closes. */
export async function acceptDecision (deps: Deps, ctx: Ctx, id: string, expectedVersion: number | undefined) {
  return await deps.db.transaction(async (tx) => {
    const before = await lockAssessment(tx, ctx, id, expectedVersion)
    // Accepting is the provider's answer to the proposal, allowed exactly when a comment is.
    const refused = transitionAssessment(before.state, 'comment')
    if (!refused.ok) throw refused.error
    return await applyAssessmentEvent(tx, ctx, before, 'comment', 'accepted as factually accurate', {
      providerAcceptedAt: ctx.now
    })
  })
}

/** Why: the proposal or decision and the reasons behind it, for the provider and staff alike. */
export async function getDecision (deps: Deps, ctx: Ctx, id: string) {
  const row = await findAssessment(deps.db, id)
  const a = assertProviderAccess(ctx.actor, row, 'Assessment')
  const snapshot = a.scoreSnapshot
  const isProvider = ctx.actor.kind === 'user' && ctx.actor.role === 'provider'
  return {
    assessmentId: a.id,
    state: a.state,
    computedLevel: a.computedLevel,
    proposedLevel: a.proposedLevel,
    decisionReason: a.decisionReason,
    proposedAt: a.proposedAt,
    factualAccuracyEndsOn: a.factualAccuracyEndsOn,
    providerComment: a.providerComment,
    providerAcceptedAt: a.providerAcceptedAt,
    outcome: a.outcome,
    decidedAt: a.decidedAt,
    awardId: a.awardId,
    // Providers never see raw feedback (src/domain/README.md: roles): per-question means over a handful of people come
    // close.
    score:
      snapshot === null
        ? null
        : isProvider
          ? { ...snapshot, feedback: { ...snapshot.feedback, itemMeans: {} } }
          : snapshot
  }
}
