// Builders for scoring tests: a provider whose evidence is all verified, responses from scores, and an input to tweak.
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'
import type { SchemeDocument } from '../../../src/domain/scheme/index.js'
import type { EvidenceState, ScoringInput } from '../../../src/domain/scoring/index.js'

export const SCORED = [
  'OCC_NOW',
  'CTL_NOW',
  'SAFE',
  'DIGNITY',
  'RELIABLE',
  'CHOICE',
  'CONTINUITY_STAFF',
  'RECOMMEND'
] as const
export const DECISION_DATE = '2026-03-15'

/** The answer value of `code` that scores `score` in the default instrument. */
export function answerFor (code: string, score: number, scheme: SchemeDocument = DEFAULT_SCHEME): string {
  const item = scheme.instrument.items.find((i) => i.code === code)
  if (item === undefined || item.kind !== 'scale') throw new Error(`no scale question ${code}`)
  const answer = scheme.instrument.scales.find((s) => s.code === item.scale)?.answers.find((a) => a.score === score)
  if (answer === undefined) throw new Error(`no answer scoring ${score} for ${code}`)
  return answer.value
}

/** A response answering the scored questions in order with these scores (fewer scores leave the rest unanswered). */
export function respond (
  scores: readonly number[],
  extra: Record<string, string> = {}
): { answers: Record<string, string> } {
  const answers: Record<string, string> = {}
  scores.forEach((score, i) => {
    answers[SCORED[i] as string] = answerFor(SCORED[i] as string, score)
  })
  return { answers: { ...answers, ...extra } }
}

/** A gain of +1 on both pairs: support makes a difference. */
export const WITH_GAIN = { OCC_AFFECT: 'yes', OCC_WITHOUT: 'enough', CTL_AFFECT: 'yes', CTL_WITHOUT: 'adequate' }

export const verifiedEverything = (scheme: SchemeDocument = DEFAULT_SCHEME): Record<string, EvidenceState> =>
  Object.fromEntries(
    scheme.checklist.map((item) => [
      item.code,
      item.validityMonths === null
        ? { status: 'verified', verifiedAt: '2026-01-10' }
        : { status: 'verified', verifiedAt: '2026-01-10', expiresOn: '2026-12-31' }
    ])
  )

/** A gold-worthy input: every item verified, 6 excellent responses with gain, 10 active clients, no concerns. */
export function goldInput (overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    scheme: DEFAULT_SCHEME,
    profile: { flags: { personalCare: true, employsStaff: true }, activeClients: 10 },
    evidence: verifiedEverything(),
    responses: Array.from({ length: 6 }, () => respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN)),
    concerns: [],
    cqcRating: null,
    decisionDate: DECISION_DATE,
    ...overrides
  }
}
