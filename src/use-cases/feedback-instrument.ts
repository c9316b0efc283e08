// What every feedback use case shares: the assessment with its pinned scheme's instrument, whether it still
// collects feedback, the day-only clock for anonymous records, and checking answers against the instrument.
import type { Queryable } from '../db/client.js'
import { findAssessmentWithScheme } from '../db/stores/feedback-aggregates.js'
import { DomainError, err, ok, type FieldProblem, type Result } from '../domain/errors.js'
import {
  compileInstrument,
  normaliseFeedbackAnswers,
  type Instrument,
  type NormalisedAnswers
} from '../domain/feedback/index.js'
import type { SizeBand } from '../domain/providers.js'
import { notFound } from './access.js'
import { isoDate, type Ctx } from './context.js'

/**
 * src/domain/README.md: feedback collection runs in parallel with the review, and stops once a decision is proposed.
 */
export const FEEDBACK_OPEN_STATES: readonly string[] = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'ready_for_decision'
]

export interface FeedbackTarget {
  assessmentId: string
  assessmentState: string
  councilId: string
  councilName: string
  councilSlug: string
  councilBrandColour: string | null
  /** The council's adult safeguarding team, shown by the form's worry box (README: Pages, council pages). */
  councilSafeguardingPhone: string | null
  providerId: string
  providerName: string
  /** The provider's size band now: kept on each response received, so reports use the band it had then. */
  providerSizeBand: SizeBand
  /** The day the assessment was opened: no answers can have been given before it. */
  openedOn: string
  /**
   * The instrument of the scheme version the assessment is pinned to (src/domain/README.md: assessments are pinned).
   */
  instrument: Instrument
  commentRetentionDays: number
}

/** The assessment, its provider and council, and its pinned instrument; undefined when there is no such assessment. */
export async function loadFeedbackTarget (q: Queryable, assessmentId: string): Promise<FeedbackTarget | undefined> {
  const row = await findAssessmentWithScheme(q, assessmentId)
  if (row === undefined) return undefined
  const { document, openedAt, ...rest } = row
  return {
    ...rest,
    openedOn: isoDate(openedAt),
    instrument: document.instrument,
    commentRetentionDays: document.settings.commentRetentionDays
  }
}

export async function requireFeedbackTarget (q: Queryable, assessmentId: string): Promise<FeedbackTarget> {
  return (
    (await loadFeedbackTarget(q, assessmentId)) ??
    (() => {
      throw notFound('Assessment')
    })()
  )
}

export const isCollectingFeedback = (target: FeedbackTarget): boolean =>
  FEEDBACK_OPEN_STATES.includes(target.assessmentState)

export function assertCollectingFeedback (target: FeedbackTarget): void {
  if (!isCollectingFeedback(target)) {
    throw new DomainError(
      'FEEDBACK_CLOSED',
      'conflict',
      `The assessment is ${target.assessmentState}: it no longer collects feedback`
    )
  }
}

/**
 * Midnight UTC of ctx.now: anonymous records carry the day only, so a time can never tie a response to a visit
 * (src/domain/README.md: privacy).
 */
export const dayOnly = (now: Date): Date => new Date(`${isoDate(now)}T00:00:00.000Z`)

/** The context for writes a respondent causes: the day only and no request id (logs carry times). */
export const respondentCtx = (councilId: string, now: Date): Ctx => ({
  actor: { kind: 'respondent', councilId },
  now: dayOnly(now)
})

export interface CheckedFeedback {
  /** Scale answers only, normalised (*_WITHOUT equal to *_NOW when the support makes no difference). */
  answers: NormalisedAnswers
  /** The free-text answers, held apart for moderation; null when none was given. */
  comment: string | null
}

/**
 * Only known questions and answers (the domain's normaliseFeedbackAnswers). With `requireAsked` (the web form) every
 * question the respondent was asked must be answered; the conditional ones only when their condition holds.
 * Problem paths are question codes.
 */
export function checkFeedbackAnswers (
  instrument: Instrument,
  raw: unknown,
  opts: { requireAsked: boolean }
): Result<CheckedFeedback> {
  const normalised = normaliseFeedbackAnswers(instrument, raw)
  const problems: FieldProblem[] = normalised.ok ? [] : [...(normalised.error.errors ?? [])]
  const refused = new Set(problems.map((p) => p.path))
  if (!normalised.ok && refused.has('')) return normalised
  // On refused answers, normalise the rest too, so one pass names every problem (missing ones as well).
  const valid = normalised.ok
    ? normalised
    : normaliseFeedbackAnswers(
      instrument,
      Object.fromEntries(Object.entries(typeof raw === 'object' && raw !== null ? raw : {})
        .filter(([code]) => !refused.has(code)))
    )
  const all = valid.ok ? valid.value : {}
  const { conditional } = compileInstrument(instrument)
  const conditionOf = new Map(conditional.map((c) => [c.code, c.askedWhen]))
  const answers: NormalisedAnswers = {}
  const texts: string[] = []
  for (const item of instrument.items) {
    const value = all[item.code]
    if (item.kind === 'text') {
      if (value !== undefined && value !== '') texts.push(value)
      continue
    }
    if (value !== undefined) answers[item.code] = value
    const when = conditionOf.get(item.code)
    const asked = when === undefined || all[when.item] === when.answer
    if (opts.requireAsked && asked && value === undefined && !refused.has(item.code)) {
      problems.push({ path: item.code, message: 'answer this question' })
    }
  }
  if (!opts.requireAsked && problems.length === 0 && Object.keys(answers).length === 0) {
    problems.push({ path: '', message: 'give at least one answer' })
  }
  if (problems.length > 0) {
    return err(
      new DomainError('FEEDBACK_ANSWERS_INVALID', 'invalid', 'Some answers are missing or not valid', {
        errors: problems
      })
    )
  }
  return ok({ answers, comment: texts.length === 0 ? null : texts.join('\n\n') })
}
