// Turns a respondent's raw answers into normalised answers, or lists every field problem
// (src/domain/README.md: the feedback instrument; *_WITHOUT only when *_AFFECT = yes, else equal to *_NOW).
import { DomainError, err, ok, type FieldProblem, type Result } from '../errors.js'
import { compileInstrument, type ScoreTable } from './compile-instrument.js'
import type { Instrument, InstrumentItem, NormalisedAnswers } from './instrument.js'

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

function normaliseOne (item: InstrumentItem, value: unknown, scores: ScoreTable): string | FieldProblem {
  if (typeof value !== 'string') return { path: item.code, message: 'must be a string' }
  if (item.kind === 'text') {
    const text = value.trim()
    return text.length > item.maxLength
      ? { path: item.code, message: `must be at most ${item.maxLength} characters` }
      : text
  }
  const answer = value.trim()
  if (scores.has(answer)) return answer
  return { path: item.code, message: `not an answer to ${item.code}; expected one of ${[...scores.keys()].join(', ')}` }
}

/**
 * Unanswered questions (absent, null or blank) are left out. Paths in problems are item codes, relative
 * to the answers object. A conditional answer given when its condition does not hold is replaced, not refused,
 * so a form that shows every question without JavaScript never fails on it.
 */
export function normaliseFeedbackAnswers (instrument: Instrument, rawAnswers: unknown): Result<NormalisedAnswers> {
  const { itemsByCode, answerScores, conditional } = compileInstrument(instrument)
  const problems: FieldProblem[] = []
  const answers: NormalisedAnswers = {}
  if (typeof rawAnswers !== 'object' || rawAnswers === null || Array.isArray(rawAnswers)) {
    problems.push({ path: '', message: 'answers must be an object keyed by question code' })
  } else {
    for (const [code, value] of Object.entries(rawAnswers).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const item = itemsByCode.get(code)
      if (item === undefined) {
        problems.push({ path: code, message: 'unknown question' })
        continue
      }
      if (isBlank(value)) continue
      const normalised = normaliseOne(item, value, answerScores(code))
      if (typeof normalised === 'string') answers[code] = normalised
      else problems.push(normalised)
    }
  }
  if (problems.length > 0) {
    return err(
      new DomainError('FEEDBACK_ANSWERS_INVALID', 'invalid', 'Some answers are not valid', { errors: problems })
    )
  }
  for (const { code, askedWhen } of conditional) {
    if (answers[askedWhen.item] === askedWhen.answer) continue
    const same = answers[askedWhen.otherwiseSameAs]
    if (same === undefined) delete answers[code]
    else answers[code] = same
  }
  return ok(answers)
}
