// Feedback responses (README: Feedback from people who use services): answers sent through a single-use link, or
// entered by a co-ordinator after an interview; held anonymously (no name, contact, IP address, user agent or time of
// day), comments moderated, a safeguarding flag opening a concern.
import { randomInt } from 'node:crypto'
import type { Queryable, Tx } from '../db/client.js'
import {
  eraseCommentsPastRetention,
  insertFeedbackResponse,
  listAssessmentResponses,
  lockFeedbackResponse,
  updateFeedbackResponse,
  type FeedbackResponseRecord
} from '../db/stores/feedback-responses.js'
import { updateInvitation } from '../db/stores/feedback-invitations.js'
import {
  heldCount,
  holdAnswers,
  insertReleased,
  lockHeldFeedback,
  recordSpend,
  redeemSpend,
  takeHeld
} from '../db/stores/held-feedback.js'
import { DomainError } from '../domain/errors.js'
import type { CommentStatus, FeedbackMode, RespondentType } from '../domain/scheme/index.js'
import { assertStaffAccess } from './access.js'
import { recordAudit } from './audit.js'
import { openConcernFromFeedback } from './concerns.js'
import { actorUserId, isoDate, type Ctx, type Deps } from './context.js'
import { openFeedbackInvitation, spendKeyOf } from './feedback-invitations.js'
import {
  assertCollectingFeedback,
  checkFeedbackAnswers,
  loadFeedbackTarget,
  respondentCtx,
  type CheckedFeedback,
  type FeedbackTarget
} from './feedback-instrument.js'

export type ResponseRow = FeedbackResponseRecord
export type { CommentStatus }

// Written for the concern's handlers; it never repeats the comment (a comment may identify the person).
const SAFEGUARDING_SUMMARY =
  "A person giving feedback asked to tell someone about a worry for their safety or someone else's. " +
  'Read the feedback response and its comment.'

/** What the person wrote about their worry goes to the concern's handlers only (never to the provider). */
export const SAFEGUARDING_DETAIL_MAX = 1000
const summaryWith = (detail: string | undefined): string =>
  detail === undefined || detail.trim() === ''
    ? SAFEGUARDING_SUMMARY
    : `${SAFEGUARDING_SUMMARY}\n\nIn their words: ${detail.trim().slice(0, SAFEGUARDING_DETAIL_MAX)}`

interface NewResponse {
  respondentType: RespondentType
  mode: FeedbackMode
  feedback: CheckedFeedback
  safeguarding: boolean
  /** what the person wrote about their worry, if anything */
  safeguardingDetail?: string | undefined
  receivedOn: string
  enteredBy: string | null
}

/** One insert, its audit event and, when flagged, the concern: all in the caller's transaction. */
async function receiveResponse (tx: Tx, ctx: Ctx, target: FeedbackTarget, r: NewResponse): Promise<ResponseRow> {
  const row = await insertFeedbackResponse(tx, {
    councilId: target.councilId,
    assessmentId: target.assessmentId,
    providerId: target.providerId,
    respondentType: r.respondentType,
    mode: r.mode,
    instrumentVersion: target.instrument.version,
    sizeBand: target.providerSizeBand,
    answers: r.feedback.answers,
    comment: r.feedback.comment,
    commentStatus: r.feedback.comment === null ? null : 'pending',
    safeguardingFlag: r.safeguarding,
    receivedOn: r.receivedOn,
    enteredBy: r.enteredBy
  })
  await recordAudit(tx, ctx, {
    councilId: target.councilId,
    entityType: 'feedback_response',
    entityId: row.id,
    action: 'receive',
    after: { assessmentId: target.assessmentId, mode: r.mode, safeguardingFlag: r.safeguarding }
  })
  if (r.safeguarding) {
    await openConcernFromFeedback(tx, ctx, {
      councilId: target.councilId,
      providerId: target.providerId,
      feedbackResponseId: row.id,
      summary: summaryWith(r.safeguardingDetail)
    })
  }
  return row
}

export interface LinkSubmission {
  feedback: CheckedFeedback
  safeguarding: boolean
  /** what the person wrote in the worry box; kept with the concern, not the response */
  safeguardingDetail?: string | undefined
  easyRead: boolean
}

/**
 * Records the answers sent through a link, once, so that nothing links them to the link (README: Security and
 * privacy, feedback). Two transactions:
 * 1. the invitation is locked and marked used (the day only) with a spend record keyed by a hash of the token;
 * 2. the spend record is deleted and the answers are held, in their own transaction (no shared xmin); when
 *    FEEDBACK_RELEASE_BATCH answers are held for the assessment they are released together (releaseHeldFeedback).
 * A failure between the two leaves the spend record: the same link can send its answers again, and only once
 * (two posts at once: one deletes the spend record, the other gets 410). A worry about safety is not held: the
 * person asked to be heard, so the response is recorded at once and opens a concern.
 */
export async function recordFeedbackFromLink (
  deps: Deps,
  token: string,
  input: LinkSubmission
): Promise<{ councilSlug: string }> {
  const now = deps.clock()
  const { target, respondentType } = await deps.db.transaction(async (tx) => {
    const { invitation, target, spent } = await openFeedbackInvitation(tx, token, now, { lock: true })
    if (!spent) {
      const day = respondentCtx(target.councilId, now).now
      await updateInvitation(tx, invitation.id, { usedAt: day })
      await recordSpend(tx, spendKeyOf(token))
    }
    return { target, respondentType: invitation.respondentType }
  })
  await deps.db.transaction(async (tx) => {
    const ctx = respondentCtx(target.councilId, now)
    await lockHeldFeedback(tx, target.assessmentId)
    if (!(await redeemSpend(tx, spendKeyOf(token)))) {
      throw new DomainError('FEEDBACK_LINK_USED', 'gone', 'This feedback link has been used')
    }
    const mode = input.easyRead ? 'easy_read' : 'self'
    if (input.safeguarding) {
      const feedback = input.feedback
      const receivedOn = isoDate(ctx.now)
      await receiveResponse(tx, ctx, target, {
        respondentType,
        mode,
        feedback,
        safeguarding: true,
        safeguardingDetail: input.safeguardingDetail,
        receivedOn,
        enteredBy: null
      })
      return
    }
    await holdAnswers(tx, {
      councilId: target.councilId,
      assessmentId: target.assessmentId,
      providerId: target.providerId,
      respondentType,
      mode,
      instrumentVersion: target.instrument.version,
      sizeBand: target.providerSizeBand,
      answers: input.feedback.answers,
      comment: input.feedback.comment
    })
    await releaseHeldFeedback(tx, ctx, target.assessmentId, deps.config.FEEDBACK_RELEASE_BATCH)
  })
  return { councilSlug: target.councilSlug }
}

/** Fisher–Yates with a cryptographic source: the order rows are written in says nothing about arrival. */
function shuffled<T> (items: T[]): T[] {
  // Each next one drawn uniformly from those left (a Fisher–Yates shuffle, drawn out rather than swapped in place).
  const left = [...items]
  const out: T[] = []
  while (left.length > 0) out.push(...left.splice(randomInt(left.length), 1))
  return out
}

/**
 * Once at least `batch` answers are held for an assessment, all of them become feedback responses in one
 * statement: new random ids, random physical order, one transaction (one xmin), the release's day as their
 * day, and one audit event for the batch — never one per response.
 */
export async function releaseHeldFeedback (tx: Tx, ctx: Ctx, assessmentId: string, batch: number): Promise<number> {
  if ((await heldCount(tx, assessmentId)) < batch) return 0
  const held = await takeHeld(tx, assessmentId)
  // A release running at the same time may have taken them since they were counted: then there is nothing to do.
  const [first] = held
  if (first === undefined) return 0
  await insertReleased(tx, shuffled(held), isoDate(ctx.now))
  await recordAudit(tx, ctx, {
    councilId: first.councilId,
    entityType: 'assessment',
    entityId: assessmentId,
    action: 'release_feedback',
    after: { responses: held.length }
  })
  return held.length
}

export interface InterviewInput {
  respondentType: RespondentType
  mode: 'interview' | 'assisted' | 'easy_read'
  answers: Record<string, unknown>
  safeguarding: boolean
  receivedOn?: string | undefined
}

/** An interview's day lies between the assessment's opening and today, both included. */
const receivedOnProblems = (receivedOn: string, openedOn: string, today: string) =>
  receivedOn > today
    ? [{ path: 'body.receivedOn', message: 'must not be in the future' }]
    : receivedOn < openedOn
      ? [{ path: 'body.receivedOn', message: `must not be before the assessment was opened (${openedOn})` }]
      : []

/** A co-ordinator records answers gathered in an interview or with assistance: same checks, the mode recorded. */
export async function recordInterviewFeedback (deps: Deps, ctx: Ctx, assessmentId: string, input: InterviewInput) {
  return await deps.db.transaction(async (tx) => {
    const target = assertStaffAccess(ctx.actor, await loadFeedbackTarget(tx, assessmentId), 'Assessment')
    assertCollectingFeedback(target)
    const receivedOn = input.receivedOn ?? isoDate(ctx.now)
    const problems = [
      ...(target.instrument.respondentTypes.includes(input.respondentType)
        ? []
        : [
            {
              path: 'body.respondentType',
              message: `this instrument asks ${target.instrument.respondentTypes.join(', ')}`
            }
          ]),
      ...(target.instrument.modes.some((m) => m === input.mode)
        ? []
        : [{ path: 'body.mode', message: `this instrument offers ${target.instrument.modes.join(', ')}` }]),
      ...receivedOnProblems(receivedOn, target.openedOn, isoDate(ctx.now))
    ]
    const checked = checkFeedbackAnswers(target.instrument, input.answers, { requireAsked: false })
    if (!checked.ok) {
      problems.push(
        ...(checked.error.errors ?? []).map((p) => ({
          path: ['body', 'answers', p.path].filter(Boolean).join('.'),
          message: p.message
        }))
      )
    }
    if (problems.length > 0 || !checked.ok) {
      throw new DomainError('FEEDBACK_ANSWERS_INVALID', 'invalid', 'Some answers are not valid', { errors: problems })
    }
    const row = await receiveResponse(tx, ctx, target, {
      respondentType: input.respondentType,
      mode: input.mode,
      feedback: checked.value,
      safeguarding: input.safeguarding,
      receivedOn,
      enteredBy: actorUserId(ctx.actor)
    })
    return presentResponse(row)
  })
}

/** For co-ordinators only: providers never see single responses (src/domain/README.md: roles). */
export const presentResponse = (row: ResponseRow) => ({
  id: row.id,
  assessmentId: row.assessmentId,
  providerId: row.providerId,
  respondentType: row.respondentType,
  mode: row.mode,
  instrumentVersion: row.instrumentVersion,
  answers: row.answers,
  comment: row.comment,
  commentStatus: row.commentStatus,
  safeguardingFlag: row.safeguardingFlag,
  receivedOn: row.receivedOn,
  enteredByCoordinator: row.enteredBy !== null
})

export async function listFeedbackResponses (
  deps: Deps,
  ctx: Ctx,
  assessmentId: string,
  query: { commentStatus?: CommentStatus | undefined } = {}
) {
  assertStaffAccess(ctx.actor, await loadFeedbackTarget(deps.db, assessmentId), 'Assessment')
  const rows = await listAssessmentResponses(deps.db, assessmentId, query.commentStatus)
  return { items: rows.map(presentResponse), waiting: await heldCount(deps.db, assessmentId) }
}

async function lockResponse (tx: Tx, ctx: Ctx, responseId: string): Promise<ResponseRow> {
  return assertStaffAccess(ctx.actor, await lockFeedbackResponse(tx, responseId), 'Feedback response')
}

/**
 * src/domain/README.md: a comment is moderated before anyone but co-ordinators sees it; pending → approved | hidden
 * (and back).
 */
export async function moderateFeedbackComment (
  deps: Deps,
  ctx: Ctx,
  responseId: string,
  input: { status: 'approved' | 'hidden'; reason?: string | undefined }
) {
  return await deps.db.transaction(async (tx) => {
    const row = await lockResponse(tx, ctx, responseId)
    if (row.comment === null) {
      throw new DomainError(
        'FEEDBACK_NO_COMMENT',
        'conflict',
        row.commentStatus === 'erased'
          ? 'The comment has been erased after its retention period'
          : 'This response has no comment to moderate'
      )
    }
    const after = await updateFeedbackResponse(tx, row.id, { commentStatus: input.status })
    await recordAudit(tx, ctx, {
      councilId: row.councilId,
      entityType: 'feedback_response',
      entityId: row.id,
      action: 'moderate_comment',
      fromState: row.commentStatus,
      toState: input.status,
      reason: input.reason
    })
    return presentResponse(after)
  })
}

/** src/domain/README.md: the safeguarding flag may also be set by a co-ordinator; it opens a concern (once). */
export async function flagFeedbackSafeguarding (deps: Deps, ctx: Ctx, responseId: string, input: { summary: string }) {
  return await deps.db.transaction(async (tx) => {
    const row = await lockResponse(tx, ctx, responseId)
    const after = await updateFeedbackResponse(tx, row.id, { safeguardingFlag: true })
    const concern = await openConcernFromFeedback(tx, ctx, {
      councilId: row.councilId,
      providerId: row.providerId,
      feedbackResponseId: row.id,
      summary: input.summary
    })
    if (!row.safeguardingFlag) {
      await recordAudit(tx, ctx, {
        councilId: row.councilId,
        entityType: 'feedback_response',
        entityId: row.id,
        action: 'flag_safeguarding',
        after: { concernId: concern.id }
      })
    }
    return { response: presentResponse(after), concernId: concern.id }
  })
}

/**
 * Erases comment text older than the retention period of the scheme version its assessment is pinned to
 * (scheme setting commentRetentionDays — the period the form promises the respondent; src/domain/README.md: "free text
 * kept for a configurable retention then erased"). A comment received on day D is kept through D + retention.
 * Idempotent, one statement: the monitoring job runs it on any number of instances. Returns what it erased.
 */
export async function eraseExpiredFeedbackComments (
  q: Queryable,
  ctx: Ctx,
  councilId?: string
): Promise<Array<{ id: string; councilId: string }>> {
  return await eraseCommentsPastRetention(q, isoDate(ctx.now), councilId)
}
