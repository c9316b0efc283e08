// Anonymous feedback aggregates per assessment and per provider (README: Feedback from people who use services): answer
// counts, means, Q, G and n from the domain's aggregateFeedback — the same implementation the scorer uses. Providers
// see aggregates of their own, never single responses, and nothing at all for a group of fewer than 3
// (src/domain/README.md: reports never reveal a group < 3).
import type { Queryable } from '../db/client.js'
import {
  findLatestAssessmentId,
  listAnswersOfAssessment,
  listResponsesOfAssessment,
  listResponsesOfProvider
} from '../db/stores/feedback-aggregates.js'
import { findProvider } from '../db/stores/providers.js'
import { aggregateFeedback, type FeedbackResponse, type Instrument } from '../domain/feedback/index.js'
import { assertProviderAccess } from './access.js'
import type { Actor, Ctx, Deps } from './context.js'
import { loadFeedbackTarget, requireFeedbackTarget } from './feedback-instrument.js'

/** src/domain/README.md: "reports never reveal a group smaller than 3 responses". */
export const MIN_VISIBLE_GROUP = 3
export const HIDDEN_REASON = 'fewer than 3 responses: hidden to protect anonymity'

const isStaff = (actor: Actor) => actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'reviewer')

interface Scope {
  scope: 'assessment' | 'provider'
  assessmentId: string | null
  providerId: string
}
type AggregateRow = Awaited<ReturnType<typeof listResponsesOfAssessment>>[number]

export function presentAggregate (
  actor: Actor,
  instrument: Instrument | null,
  rows: readonly AggregateRow[],
  scope: Scope
) {
  const smallGroup = rows.length < MIN_VISIBLE_GROUP
  const base = { ...scope, instrumentVersion: instrument?.version ?? null, smallGroup }
  if (smallGroup && !isStaff(actor)) {
    return {
      ...base,
      hidden: true,
      hiddenReason: HIDDEN_REASON,
      responses: null,
      n: null,
      q: null,
      g: null,
      items: [],
      comments: []
    }
  }
  const { quality, items } =
    instrument === null
      ? { quality: { responses: 0, n: 0, q: null, g: null }, items: [] }
      : aggregateFeedback(
        instrument,
        rows.map((r) => ({ answers: r.answers }))
      )
  // Approved comments only, and only from a visible group; sorted so their order says nothing about arrival.
  const comments = smallGroup
    ? []
    : rows.flatMap((r) => (r.commentStatus === 'approved' && r.comment !== null ? [r.comment] : [])).sort()
  return {
    ...base,
    hidden: false,
    hiddenReason: null,
    responses: quality.responses,
    n: quality.n,
    q: quality.q,
    g: quality.g,
    items: items.map((i) => ({ ...i, counts: [...i.counts] })),
    comments
  }
}

export async function getAssessmentFeedbackAggregate (deps: Deps, ctx: Ctx, assessmentId: string) {
  const target = assertProviderAccess(ctx.actor, await loadFeedbackTarget(deps.db, assessmentId), 'Assessment')
  const rows = await listResponsesOfAssessment(deps.db, assessmentId)
  return presentAggregate(ctx.actor, target.instrument, rows, {
    scope: 'assessment',
    assessmentId,
    providerId: target.providerId
  })
}

/**
 * Every response about the provider given with the instrument version of its latest assessment (answers to another
 * instrument version do not mean the same and are not mixed in).
 */
export async function getProviderFeedbackAggregate (deps: Deps, ctx: Ctx, providerId: string) {
  const provider = await findProvider(deps.db, providerId)
  assertProviderAccess(ctx.actor, provider === undefined ? undefined : { ...provider, providerId }, 'Provider')
  const scope: Scope = { scope: 'provider', assessmentId: null, providerId }
  const latest = await findLatestAssessmentId(deps.db, providerId)
  if (latest === undefined) return presentAggregate(ctx.actor, null, [], scope)
  const { instrument } = await requireFeedbackTarget(deps.db, latest)
  const rows = await listResponsesOfProvider(deps.db, providerId, instrument.version)
  return presentAggregate(ctx.actor, instrument, rows, scope)
}

/** The responses the scorer reads for an assessment (answers only: nothing else about a response reaches scoring). */
export async function loadFeedbackForScoring (q: Queryable, assessmentId: string): Promise<FeedbackResponse[]> {
  return await listAnswersOfAssessment(q, assessmentId)
}
