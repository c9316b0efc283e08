// Per-question answer counts and means over a set of responses, plus Q, G and n (src/domain/README.md: reports,
// scoring).
import { compileInstrument } from './compile-instrument.js'
import { measureFeedbackQuality, roundScore, type FeedbackQuality } from './feedback-quality.js'
import type { FeedbackResponse, Instrument } from './instrument.js'

export interface ItemAggregate {
  readonly code: string
  readonly kind: 'scale' | 'text'
  /** Responses that answered this question. */
  readonly answered: number
  /** Scale questions: how many chose each answer, in the scale's order (best first). */
  readonly counts: ReadonlyArray<{ readonly value: string; readonly score: number | null; readonly count: number }>
  /** Mean score over every response that answered (not only counted ones); null when unscored or unanswered. */
  readonly mean: number | null
}

export interface FeedbackAggregate {
  readonly quality: FeedbackQuality
  readonly items: readonly ItemAggregate[]
}

export function aggregateFeedback (instrument: Instrument, responses: readonly FeedbackResponse[]): FeedbackAggregate {
  const { answerScores } = compileInstrument(instrument)
  const scales = new Map(instrument.scales.map((scale) => [scale.code, scale]))
  const items = instrument.items.map((item): ItemAggregate => {
    const given = responses.map((r) => r.answers[item.code]).filter((a): a is string => a !== undefined)
    if (item.kind === 'text') return { code: item.code, kind: 'text', answered: given.length, counts: [], mean: null }
    const table = answerScores(item.code)
    const known = given.filter((a) => table.has(a))
    const counts = (scales.get(item.scale)?.answers ?? []).map((answer) => ({
      value: answer.value,
      score: answer.score,
      count: known.filter((a) => a === answer.value).length
    }))
    const scores = known.map((a) => table.get(a)).filter((s): s is number => typeof s === 'number')
    const mean = scores.length === 0 ? null : roundScore(scores.reduce((sum, s) => sum + s, 0) / scores.length)
    return { code: item.code, kind: 'scale', answered: known.length, counts, mean }
  })
  return { quality: measureFeedbackQuality(instrument, responses), items }
}
