// A table test per scoring rule of src/domain/README.md ("Scoring"): tiers, applicability, thresholds at their edges,
// limiters, reasons.
import t from 'tap'
import { createDefaultSchemeDocument, type ComputedLevel } from '../../../src/domain/scheme/index.js'
import {
  isLevelAllowed,
  scoreAssessment,
  type ConcernInput,
  type ScoringInput
} from '../../../src/domain/scoring/index.js'
import { goldInput, respond, verifiedEverything, WITH_GAIN } from './scoring-fixtures.js'

const without = (codes: string[]): ScoringInput['evidence'] => {
  const evidence = verifiedEverything()
  for (const code of codes) delete evidence[code]
  return evidence
}
const excellent = (count: number) => Array.from({ length: count }, () => respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN))

t.test('compliance tiers', async (t) => {
  const cases: Array<[string, string[], ComputedLevel]> = [
    ['everything met: gold', [], 'gold'],
    ['a B item missing: none', ['SG_POLICY'], 'none'],
    ['a B limiter missing: none', ['INS_PL'], 'none'],
    ['an S item missing: bronze', ['INS_PI'], 'bronze'],
    ['one of four G items missing (75% < 80%): silver', ['STORY'], 'silver'],
    ['all G items missing: silver', ['CPD', 'REVIEWS', 'STORY', 'PEER_NETWORK'], 'silver'],
    ['a not-applicable item missing changes nothing', ['INS_MOTOR', 'MEDS', 'FOOD_HYG', 'MONEY', 'LONE_WORK'], 'gold']
  ]
  for (const [name, missing, level] of cases) {
    const result = scoreAssessment(goldInput({ evidence: without(missing) }))
    t.equal(result.complianceLevel, level, name)
    t.equal(result.computedLevel, level, name)
  }
})

t.test('the gold share is a share of applicable G weight (≥ 80 %)', async (t) => {
  const scheme = createDefaultSchemeDocument()
  for (const item of scheme.checklist) if (item.code === 'CPD') item.weight = 4 // CPD 4 of 7 G weight
  const result = (missing: string[]) =>
    scoreAssessment(goldInput({ scheme, evidence: without(missing) })).complianceLevel
  t.equal(result(['STORY']), 'gold', '6/7 = 86 %')
  t.equal(result(['STORY', 'REVIEWS']), 'silver', '5/7 = 71 %')
  const share = scoreAssessment(goldInput({ scheme, evidence: without(['CPD']) }))
  t.match(share.reasons, [
    {
      level: 'gold',
      code: 'GOLD_SHARE_BELOW',
      items: ['CPD'],
      message: 'gold items met 42.9% of their weight < 80% (not met: CPD)'
    }
  ])
})

t.test('applicability follows the offering flags', async (t) => {
  const noStaff = scoreAssessment(
    goldInput({
      profile: { flags: {}, activeClients: 10 },
      evidence: without(['INS_EL', 'REFS', 'WHISTLE', 'CQC_REG', 'IPC', 'MOVING', 'CARE_CERT'])
    })
  )
  t.equal(noStaff.computedLevel, 'gold')
  const insEl = noStaff.itemResults.find((r) => r.code === 'INS_EL')
  t.match(insEl, { applicable: false, met: false, reasonCode: 'NOT_APPLICABLE', reason: 'not applicable' })
  const staff = scoreAssessment(goldInput({ evidence: without(['INS_EL']) }))
  t.equal(staff.computedLevel, 'none')
  t.match(staff.reasons[0], { level: 'bronze', code: 'ITEM_NOT_MET', item: 'INS_EL', message: 'INS_EL no evidence' })
})

t.test('expiry on the decision date still counts; the day after does not', async (t) => {
  const evidence = verifiedEverything()
  evidence.INS_PI = { status: 'verified', expiresOn: '2026-03-15' }
  t.equal(scoreAssessment(goldInput({ evidence })).computedLevel, 'gold')
  t.equal(scoreAssessment(goldInput({ evidence, decisionDate: '2026-03-16' })).computedLevel, 'bronze')
  const reason = scoreAssessment(goldInput({ evidence, decisionDate: '2026-03-16' })).reasons[0]
  t.match(reason, { level: 'silver', code: 'ITEM_NOT_MET', item: 'INS_PI', message: 'INS_PI expired on 2026-03-15' })
})

t.test('compliance percent and categories', async (t) => {
  const result = scoreAssessment(goldInput({ evidence: without(['STORY', 'INS_PI']) }))
  const applicable = result.itemResults.filter((r) => r.applicable).length
  t.equal(result.compliancePercent, Math.round(((applicable - 2) / applicable) * 10000) / 100)
  t.match(
    result.categories.find((c) => c.code === 'insurance'),
    { applicable: 3, met: 2, applicableWeight: 3, metWeight: 2 }
  )
  t.match(
    result.categories.find((c) => c.code === 'quality'),
    { applicable: 4, met: 3 }
  )
})

t.test('feedback thresholds at their edges', async (t) => {
  // Four responses with means 3, 3, 2.2 and 2 → Q = 10.2 / 4 / 3 × 100 = 85 exactly.
  const q85 = [
    respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN),
    respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN),
    respond([3, 2, 2, 2, 2], WITH_GAIN),
    respond([2, 2, 2, 2, 2, 2, 2, 2], WITH_GAIN)
  ]
  const lowered = [...q85.slice(0, 3), respond([2, 2, 2, 2, 2, 2, 2, 1], WITH_GAIN)]
  // Means 2.2 and 2.0 → Q 70; all 1.5 → Q 50.
  const q70 = [respond([3, 2, 2, 2, 2]), respond([2, 2, 2, 2, 2, 2, 2, 2])]
  const q50 = [respond([2, 2, 2, 2, 1, 1, 1, 1]), respond([1, 1, 2, 2, 1, 1, 2, 2])]
  const clients = { flags: { personalCare: true, employsStaff: true }, activeClients: 4 } // n_min 2 / 2 / 3
  const cases: Array<[string, ScoringInput['responses'], ComputedLevel, number | null]> = [
    ['Q = 85: gold', q85, 'gold', 85],
    ['Q just under 85: silver', lowered, 'silver', 83.96],
    ['Q = 70: silver', q70, 'silver', 70],
    ['Q = 50: bronze', q50, 'bronze', 50],
    ['Q just under 50: none', [respond([2, 2, 2, 1, 1, 1, 1, 1]), respond([1, 1, 2, 2, 1, 1, 2, 2])], 'none', 47.92]
  ]
  for (const [name, responses, level, q] of cases) {
    const result = scoreAssessment(goldInput({ responses, profile: clients }))
    t.equal(result.feedback.q, q, name)
    t.equal(result.feedback.feedbackLevel, level, name)
  }
})

t.test('G must be above 0 for gold', async (t) => {
  const noGain = Array.from({ length: 6 }, () =>
    respond([3, 3, 3, 3, 3, 3, 3, 3], {
      OCC_AFFECT: 'no',
      OCC_WITHOUT: 'as_i_want',
      CTL_AFFECT: 'no',
      CTL_WITHOUT: 'as_much_as_i_want'
    })
  )
  const result = scoreAssessment(goldInput({ responses: noGain }))
  t.equal(result.feedback.g, 0)
  t.equal(result.computedLevel, 'silver')
  t.match(result.reasons, [{ level: 'gold', code: 'GAIN_NOT_ABOVE', message: 'G 0 is not > 0' }])
  const noPairs = scoreAssessment(
    goldInput({
      responses: Array.from({ length: 6 }, () => ({
        answers: {
          ...respond([3, 3, 3, 3, 3, 3, 3, 3]).answers,
          OCC_NOW: undefined as unknown as string,
          CTL_NOW: undefined as unknown as string
        }
      }))
    })
  )
  t.equal(noPairs.feedback.g, null)
  t.match(noPairs.reasons, [{ code: 'GAIN_NOT_ABOVE', message: 'no gain answers (G must be > 0)' }])
})

t.test('mean SAFE and DIGNITY minima', async (t) => {
  // SAFE is the 3rd scored answer: five responses at 2 and one at 1 → mean 1.83.
  const safe = (scores: number[]) => scores.map((s) => respond([3, 3, s, 3, 3, 3, 3, 3], WITH_GAIN))
  t.equal(
    scoreAssessment(goldInput({ responses: safe([2, 2, 2, 2, 2, 2]) })).computedLevel,
    'gold',
    'mean SAFE 2: gold'
  )
  const low = scoreAssessment(goldInput({ responses: safe([2, 2, 2, 2, 2, 1]) }))
  t.equal(low.feedback.meanSafe, 1.83)
  t.equal(low.computedLevel, 'bronze', 'mean SAFE below 2: not silver either')
  t.match(
    low.reasons.filter((r) => r.code === 'ITEM_MEAN_BELOW'),
    [
      { level: 'silver', item: 'SAFE', message: 'mean SAFE 1.83 < 2' },
      { level: 'gold', item: 'SAFE' }
    ]
  )
  const dignity = scoreAssessment(
    goldInput({ responses: [2, 2, 2, 2, 2, 1].map((s) => respond([3, 3, 3, s, 3, 3, 3, 3], WITH_GAIN)) })
  )
  t.equal(dignity.computedLevel, 'silver', 'mean DIGNITY below 2 stops gold only')
  const noSafe = scoreAssessment(
    goldInput({
      responses: Array.from({ length: 6 }, () => ({
        answers: { ...respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN).answers, SAFE: undefined as unknown as string }
      }))
    })
  )
  t.match(noSafe.reasons, [
    { level: 'silver', code: 'ITEM_MEAN_BELOW', item: 'SAFE', message: 'no SAFE answers (mean must be ≥ 2)' }
  ])
})

t.test('sample n against n_min, and responses with fewer than 5 answers', async (t) => {
  t.equal(
    scoreAssessment(goldInput({ responses: excellent(5) })).computedLevel,
    'gold',
    'n 5 = n_min(gold) for 10 clients'
  )
  const four = scoreAssessment(goldInput({ responses: excellent(4) }))
  t.equal(four.computedLevel, 'silver')
  t.match(four.reasons, [{ level: 'gold', code: 'SAMPLE_TOO_SMALL', message: 'n 4 < 5', actual: 4, required: 5 }])
  const short = [...excellent(4), respond([3, 3, 3, 3], WITH_GAIN)]
  const result = scoreAssessment(goldInput({ responses: short }))
  t.equal(result.feedback.responses, 5)
  t.equal(result.feedback.n, 4, 'a response with 4 answered scored items is not counted')
  const none = scoreAssessment(goldInput({ responses: [] }))
  t.equal(none.computedLevel, 'none')
  t.match(none.reasons[0], { level: 'bronze', code: 'Q_BELOW', message: 'no counted responses, so no Q (needs ≥ 50)' })
  t.match(none.reasons[1], { level: 'bronze', code: 'SAMPLE_TOO_SMALL', message: 'n 0 < 2' })
})

const concern = (c: Partial<ConcernInput>): ConcernInput => ({
  severity: 'high',
  status: 'closed',
  outcome: 'upheld',
  raisedOn: '2025-10-01',
  closedOn: '2025-11-01',
  ...c
})

t.test('limiters', async (t) => {
  const cases: Array<[string, Partial<ScoringInput>, ComputedLevel, string | null]> = [
    [
      'open safeguarding concern blocks',
      { concerns: [concern({ severity: 'safeguarding', status: 'open', outcome: null, closedOn: null })] },
      'none',
      'SAFEGUARDING_CONCERN_OPEN'
    ],
    [
      'safeguarding concern raised after the decision date is ignored',
      {
        concerns: [
          concern({ severity: 'safeguarding', status: 'open', outcome: null, raisedOn: '2026-04-01', closedOn: null })
        ]
      },
      'gold',
      null
    ],
    [
      'safeguarding concern closed after the decision date was open on it',
      { concerns: [concern({ severity: 'safeguarding', outcome: 'not_upheld', closedOn: '2026-04-01' })] },
      'none',
      'SAFEGUARDING_CONCERN_OPEN'
    ],
    [
      'closed, not upheld safeguarding concern: no limit',
      { concerns: [concern({ severity: 'safeguarding', outcome: 'not_upheld' })] },
      'gold',
      null
    ],
    ['upheld high concern within 12 months caps at bronze', { concerns: [concern({})] }, 'bronze', 'UPHELD_CONCERN'],
    [
      'upheld exactly 12 months before: still counts',
      { concerns: [concern({ closedOn: '2025-03-15' })] },
      'bronze',
      'UPHELD_CONCERN'
    ],
    [
      'upheld 12 months and a day before: does not count',
      { concerns: [concern({ closedOn: '2025-03-14' })] },
      'gold',
      null
    ],
    [
      'upheld safeguarding concern counts as high severity',
      { concerns: [concern({ severity: 'safeguarding' })] },
      'bronze',
      'UPHELD_CONCERN'
    ],
    ['partly upheld does not cap by default', { concerns: [concern({ outcome: 'partly_upheld' })] }, 'gold', null],
    ['upheld medium concern does not cap', { concerns: [concern({ severity: 'medium' })] }, 'gold', null],
    [
      'an open high concern does not cap yet',
      { concerns: [concern({ status: 'open', outcome: null, closedOn: null })] },
      'gold',
      null
    ],
    ['CQC inadequate blocks', { cqcRating: 'inadequate' }, 'none', 'CQC_RATING'],
    ['CQC requires improvement caps at bronze', { cqcRating: 'requires_improvement' }, 'bronze', 'CQC_RATING'],
    ['CQC good: no limit', { cqcRating: 'good' }, 'gold', null],
    ['CQC outstanding: no limit', { cqcRating: 'outstanding' }, 'gold', null]
  ]
  for (const [name, overrides, level, code] of cases) {
    const result = scoreAssessment(goldInput(overrides))
    t.equal(result.computedLevel, level, name)
    t.equal(result.levelBeforeLimiters, 'gold', name)
    t.same(
      result.limitersApplied.map((l) => l.code),
      code === null ? [] : [code],
      name
    )
  }
})

t.test('limiter reasons name the limiter for every level it stops', async (t) => {
  const result = scoreAssessment(
    goldInput({ cqcRating: 'requires_improvement', concerns: [concern({ closedOn: '2026-01-20' })] })
  )
  t.same(
    result.reasons.map((r) => [r.level, r.code]),
    [
      ['silver', 'UPHELD_CONCERN'],
      ['silver', 'CQC_RATING'],
      ['gold', 'UPHELD_CONCERN'],
      ['gold', 'CQC_RATING']
    ]
  )
  t.equal(
    result.reasons[0]?.message,
    'a serious concern upheld on 2026-01-20 (within 12 months) caps the award at bronze'
  )
  t.equal(result.reasons[1]?.message, 'a CQC rating of Requires improvement caps the award at bronze')
  const blocked = scoreAssessment(
    goldInput({ concerns: [concern({ severity: 'safeguarding', status: 'open', outcome: null, closedOn: null })] })
  )
  t.same(
    blocked.reasons.map((r) => r.level),
    ['bronze', 'silver', 'gold']
  )
  t.equal(blocked.reasons[0]?.message, 'an open safeguarding concern blocks any award')
})

t.test('a council may configure caps to silver', async (t) => {
  const scheme = createDefaultSchemeDocument()
  scheme.limiters.cqcCaps = { requires_improvement: 'silver' }
  t.equal(scoreAssessment(goldInput({ scheme, cqcRating: 'requires_improvement' })).computedLevel, 'silver')
  t.equal(scoreAssessment(goldInput({ scheme, cqcRating: 'inadequate' })).computedLevel, 'gold', 'no cap configured')
})

t.test('level = min(CL, FL), reasons for every level above, nothing for levels reached', async (t) => {
  const result = scoreAssessment(goldInput({ evidence: without(['INS_PI']), responses: excellent(4) }))
  t.equal(result.complianceLevel, 'bronze')
  t.equal(result.feedback.feedbackLevel, 'silver')
  t.equal(result.computedLevel, 'bronze')
  t.same(
    result.reasons.map((r) => `${r.level} ${r.code} ${r.item ?? ''}`.trim()),
    ['silver ITEM_NOT_MET INS_PI', 'gold ITEM_NOT_MET INS_PI', 'gold SAMPLE_TOO_SMALL']
  )
  t.same(scoreAssessment(goldInput()).reasons, [])
})

t.test('a co-ordinator may award lower than computed, never higher', async (t) => {
  const result = scoreAssessment(goldInput({ evidence: without(['INS_PI']) }))
  t.ok(isLevelAllowed(result, 'bronze'))
  t.ok(isLevelAllowed(result, 'none'))
  t.notOk(isLevelAllowed(result, 'silver'))
})

t.test(
  'an unvalidated scheme still scores: an item in an unknown category counts, without a category row',
  async (t) => {
    const scheme = createDefaultSchemeDocument()
    scheme.checklist[0]!.category = 'nowhere'
    const result = scoreAssessment(goldInput({ scheme, evidence: without(['SIZE_DECL']) }))
    t.equal(result.computedLevel, 'none')
    t.equal(result.categories.find((c) => c.code === 'eligibility')?.applicable, 4)
    t.equal(scoreAssessment(goldInput({ scheme })).computedLevel, 'gold')
  }
)

t.test('a closed concern without a closing date is dated by when it was raised', async (t) => {
  t.equal(
    scoreAssessment(goldInput({ concerns: [concern({ closedOn: null, raisedOn: '2026-02-01' })] })).computedLevel,
    'bronze'
  )
  t.equal(
    scoreAssessment(goldInput({ concerns: [concern({ closedOn: null, raisedOn: '2024-02-01' })] })).computedLevel,
    'gold'
  )
})

t.test('a gain rule on silver applies to gold too', async (t) => {
  const scheme = createDefaultSchemeDocument()
  scheme.thresholds.feedback.silver.gainAbove = 0
  t.equal(scoreAssessment(goldInput({ scheme })).computedLevel, 'gold')
})

t.test('a checklist with nothing applicable is vacuously met (100 %)', async (t) => {
  const scheme = createDefaultSchemeDocument()
  scheme.checklist = scheme.checklist.filter((i) => i.code === 'INS_MOTOR')
  const result = scoreAssessment(goldInput({ scheme, profile: { flags: {}, activeClients: 10 } }))
  t.equal(result.compliancePercent, 100)
  t.equal(result.complianceLevel, 'gold')
})
