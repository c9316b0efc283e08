// A worked example end to end, checked by hand: a small domiciliary care provider that reaches silver, and why not
// gold.
import t from 'tap'
import { normaliseFeedbackAnswers } from '../../../src/domain/feedback/index.js'
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'
import { scoreAssessment } from '../../../src/domain/scoring/index.js'
import { respond, verifiedEverything, WITH_GAIN } from './scoring-fixtures.js'

// Sunrise Home Care: personal care, medication, two staff, 8 people supported; decision on 2026-05-01.
const evidence = verifiedEverything()
delete evidence.PEER_NETWORK // G: not done
evidence.STORY = { status: 'submitted' } // G: waiting for the co-ordinator
evidence.FIRST_AID = { status: 'verified', expiresOn: '2026-05-01' } // S: expires on the decision date, still valid
evidence.DBS_ENH = { status: 'verified', issuedOn: '2019-06-01', noExpiry: true } // on the update service

const raw = [
  respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN), // mean 3
  respond([2, 3, 3, 3, 2, 3, 2, 3], WITH_GAIN), // mean 2.625
  respond([2, 2, 2, 3, 3, 2, 2, 2]), // mean 2.25, no gain (not affected: WITHOUT = NOW)
  respond([3, 2, 3, 2, 3, 3, 2, 3], {
    OCC_AFFECT: 'no',
    OCC_WITHOUT: 'as_i_want',
    CTL_AFFECT: 'no',
    CTL_WITHOUT: 'adequate'
  }), // 2.625
  respond([3, 3, 3]) // only 3 answered: not counted
]
// As stored: normalised, so an unaffected respondent's WITHOUT answers equal their NOW answers.
const responses = raw.map(({ answers }) => {
  const normalised = normaliseFeedbackAnswers(DEFAULT_SCHEME.instrument, answers)
  if (!normalised.ok) throw normalised.error
  return { answers: normalised.value }
})

const result = scoreAssessment({
  scheme: DEFAULT_SCHEME,
  profile: { flags: { personalCare: true, medication: true, employsStaff: true }, activeClients: 8 },
  evidence,
  responses,
  concerns: [],
  cqcRating: 'good',
  decisionDate: '2026-05-01'
})

t.test('compliance: silver, two of four G items', async (t) => {
  t.equal(result.complianceLevel, 'silver')
  const applicable = result.itemResults.filter((r) => r.applicable)
  t.equal(applicable.length, 35) // 39 items less INS_MOTOR, FOOD_HYG, MONEY and LONE_WORK
  t.equal(result.compliancePercent, Math.round((33 / 35) * 10000) / 100)
  t.match(
    result.itemResults.find((r) => r.code === 'FIRST_AID'),
    { met: true, expiresOn: '2026-05-01' }
  )
  t.match(
    result.itemResults.find((r) => r.code === 'DBS_ENH'),
    { met: true, expiresOn: null }
  )
})

t.test('feedback: Q, G, n, n_min', async (t) => {
  // Q = (3 + 2.625 + 2.25 + 2.625) / 4 / 3 × 100 = 87.5
  t.equal(result.feedback.q, 87.5)
  // Gains: (1 + 1) / 2 = 1, (0 + 1) / 2 = 0.5, (0 + 0) / 2 = 0, (0 + 0) / 2 = 0 → G = 1.5 / 4 = 0.375 → 0.38
  t.equal(result.feedback.g, 0.38)
  t.equal(result.feedback.n, 4)
  t.equal(result.feedback.responses, 5)
  // n_min = max(2, min(floor, ceil(share × 8))): bronze min(2, 4) = 2, silver min(3, 4) = 3, gold min(5, 5) = 5
  t.same(result.feedback.nMin, { bronze: 2, silver: 3, gold: 5 })
  t.equal(result.feedback.meanSafe, 2.75)
  t.equal(result.feedback.meanDignity, 2.75)
  t.equal(result.feedback.feedbackLevel, 'silver')
})

t.test('level and reasons a provider can act on', async (t) => {
  t.equal(result.computedLevel, 'silver')
  t.same(result.limitersApplied, [])
  t.same(result.reasons, [
    {
      level: 'gold',
      code: 'GOLD_SHARE_BELOW',
      message: 'gold items met 50% of their weight < 80% (not met: STORY, PEER_NETWORK)',
      items: ['STORY', 'PEER_NETWORK'],
      actual: 0.5,
      required: 0.8
    },
    { level: 'gold', code: 'SAMPLE_TOO_SMALL', actual: 4, required: 5, message: 'n 4 < 5' }
  ])
  t.equal(result.feedback.smallSample, false, 'silver rests on 4 ≥ its floor of 3')
})
