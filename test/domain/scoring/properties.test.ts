// Property tests (fast-check): verifying more never lowers the level, better answers never lower Q or the level,
// scores stay in range, and the result does not depend on input order (README: Tests).
import fc from 'fast-check'
import t from 'tap'
import { DEFAULT_SCHEME, OFFERING_FLAGS, type ComputedLevel } from '../../../src/domain/scheme/index.js'
import { rankLevel, scoreAssessment, type EvidenceState, type ScoringInput } from '../../../src/domain/scoring/index.js'
import { answerFor, DECISION_DATE, SCORED } from './scoring-fixtures.js'

const CODES = DEFAULT_SCHEME.checklist.map((i) => i.code)
const date = fc.integer({ min: 0, max: 1200 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10))

const evidenceState: fc.Arbitrary<EvidenceState> = fc.oneof(
  fc.constant<EvidenceState>({ status: 'missing' }),
  fc.constantFrom<EvidenceState['status']>('submitted', 'rejected', 'info_requested').map((status) => ({ status })),
  fc.record({ status: fc.constant('verified' as const), expiresOn: date }),
  fc.record({ status: fc.constant('verified' as const), issuedOn: date, noExpiry: fc.boolean() })
)

const scoredAnswers = fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), {
  minLength: 8,
  maxLength: 8
})
const response = fc.record({
  scores: scoredAnswers,
  occWithout: fc.integer({ min: 0, max: 3 }),
  ctlWithout: fc.integer({ min: 0, max: 3 })
})

type ResponseSpec = { scores: Array<number | undefined>; occWithout: number; ctlWithout: number }
const toResponse = ({ scores, occWithout, ctlWithout }: ResponseSpec): { answers: Record<string, string> } => {
  const answers: Record<string, string> = {}
  scores.forEach((score, i) => {
    if (score !== undefined) answers[SCORED[i] as string] = answerFor(SCORED[i] as string, score)
  })
  answers.OCC_WITHOUT = answerFor('OCC_NOW', occWithout)
  answers.CTL_WITHOUT = answerFor('CTL_NOW', ctlWithout)
  return { answers }
}

const input = fc
  .record({
    flags: fc.subarray([...OFFERING_FLAGS]).map((flags) => Object.fromEntries(flags.map((f) => [f, true]))),
    activeClients: fc.integer({ min: 0, max: 40 }),
    evidence: fc.dictionary(fc.constantFrom(...CODES), evidenceState),
    responses: fc.array(response, { maxLength: 12 }),
    cqcRating: fc.constantFrom(null, 'outstanding', 'good', 'requires_improvement', 'inadequate' as const),
    concerns: fc.array(
      fc.record({
        severity: fc.constantFrom('low', 'medium', 'high', 'safeguarding' as const),
        status: fc.constantFrom('open', 'closed' as const),
        outcome: fc.constantFrom(null, 'upheld', 'partly_upheld', 'not_upheld' as const),
        raisedOn: date,
        closedOn: fc.option(date, { nil: null })
      }),
      { maxLength: 3 }
    )
  })
  .map((spec) => ({
    spec,
    scoring: {
      scheme: DEFAULT_SCHEME,
      profile: { flags: spec.flags, activeClients: spec.activeClients },
      evidence: spec.evidence,
      responses: spec.responses.map(toResponse),
      concerns: spec.concerns,
      cqcRating: spec.cqcRating,
      decisionDate: DECISION_DATE
    } satisfies ScoringInput
  }))

const atLeast = (a: ComputedLevel, b: ComputedLevel): boolean => rankLevel(a) >= rankLevel(b)

t.test('verifying one more item never lowers the level', async (t) => {
  fc.assert(
    fc.property(input, fc.constantFrom(...CODES), ({ scoring }, code) => {
      const before = scoreAssessment(scoring)
      const after = scoreAssessment({
        ...scoring,
        evidence: {
          ...scoring.evidence,
          [code]: { status: 'verified' as const, noExpiry: true, expiresOn: '2030-01-01' }
        }
      })
      return atLeast(after.computedLevel, before.computedLevel) && after.compliancePercent >= before.compliancePercent
    })
  )
  t.pass('property held')
})

t.test('a better answer never lowers Q or the level', async (t) => {
  fc.assert(
    fc.property(input, fc.nat(), fc.nat(), ({ spec, scoring }, r, q) => {
      if (spec.responses.length === 0) return true
      const responses = structuredClone(spec.responses)
      const target = responses[r % responses.length] as ResponseSpec
      const answered = target.scores.flatMap((s, i) => (s !== undefined && s < 3 ? [i] : []))
      if (answered.length === 0) return true
      const index = answered[q % answered.length] as number
      target.scores[index] = (target.scores[index] as number) + 1
      const before = scoreAssessment(scoring)
      const after = scoreAssessment({ ...scoring, responses: responses.map(toResponse) })
      return (
        (before.feedback.q === null || (after.feedback.q as number) >= before.feedback.q) &&
        atLeast(after.computedLevel, before.computedLevel)
      )
    })
  )
  t.pass('property held')
})

t.test('scores stay in range and the result is consistent', async (t) => {
  fc.assert(
    fc.property(input, ({ scoring }) => {
      const result = scoreAssessment(scoring)
      const { q, g, n, meanSafe } = result.feedback
      return (
        (q === null || (q >= 0 && q <= 100)) &&
        (g === null || (g >= -3 && g <= 3)) &&
        (meanSafe === null || (meanSafe >= 0 && meanSafe <= 3)) &&
        n <= scoring.responses.length &&
        result.compliancePercent >= 0 &&
        result.compliancePercent <= 100 &&
        rankLevel(result.computedLevel) <= rankLevel(result.complianceLevel) &&
        rankLevel(result.computedLevel) <= rankLevel(result.feedback.feedbackLevel) &&
        // every level above the one reached has at least one reason; none at or below it
        ['bronze', 'silver', 'gold'].every(
          (level) =>
            result.reasons.some((r) => r.level === level) ===
            (rankLevel(level as ComputedLevel) > rankLevel(result.computedLevel))
        )
      )
    })
  )
  t.pass('property held')
})

t.test('the result is independent of input order', async (t) => {
  fc.assert(
    fc.property(input, fc.nat(), ({ scoring }, seed) => {
      const rotate = <T>(list: T[]): T[] =>
        list.length === 0 ? list : [...list.slice(seed % list.length), ...list.slice(0, seed % list.length)].reverse()
      const shuffled: ScoringInput = {
        ...scoring,
        evidence: Object.fromEntries(rotate(Object.entries(scoring.evidence))),
        responses: rotate(
          scoring.responses.map((r) => ({ answers: Object.fromEntries(rotate(Object.entries(r.answers))) }))
        ),
        concerns: rotate(scoring.concerns)
      }
      t.same(scoreAssessment(shuffled), scoreAssessment(scoring))
      return true
    }),
    { numRuns: 200 }
  )
})
