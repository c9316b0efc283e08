// "Where you stand" in words (src/domain/scoring/standing-words.ts): from the engine's reasons, never a figure
// from fewer than 3 people.
import t from 'tap'
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'
import { scoreAssessment } from '../../../src/domain/scoring/index.js'
import { describeStanding, levelHeading } from '../../../src/domain/scoring/standing-words.js'
import { goldInput, respond, verifiedEverything, WITH_GAIN } from './scoring-fixtures.js'

const standing = (over: Parameters<typeof goldInput>[0] = {}) =>
  describeStanding(scoreAssessment(goldInput(over)), DEFAULT_SCHEME.checklist)
const all = (s: ReturnType<typeof standing>) => s.gaps.flatMap((g) => g.missing)

t.test('gold with nothing missing', async (t) => {
  const s = standing()
  t.equal(s.level, 'gold')
  t.same(s.gaps, [])
  t.equal(s.people, 6)
  t.equal(s.items.met, s.items.applicable)
})

t.test('each missing item in words', async (t) => {
  const evidence = {
    ...verifiedEverything(),
    INS_PI: { status: 'missing' as const },
    SG_POLICY: { status: 'submitted' as const },
    COMPLAINTS: { status: 'rejected' as const },
    INS_PL: { status: 'verified' as const, verifiedAt: '2026-01-10', expiresOn: '2026-02-01' },
    FIRST_AID: { status: 'verified' as const, verifiedAt: '2026-01-10' },
    CPD: { status: 'missing' as const }
  }
  const s = standing({ evidence })
  t.equal(s.level, 'none')
  t.same(s.gaps.map((g) => g.level), ['bronze', 'silver', 'gold'])
  const words = all(s)
  t.ok(words.includes('Send your professional indemnity insurance.'))
  t.ok(words.includes('We are still checking your safeguarding adults policy.'))
  t.ok(words.includes('Send your complaints procedure given to customers again: the last one was not accepted.'))
  t.ok(words.includes('Your public liability insurance of at least £5m has run out: send a new one.'))
  t.ok(words.includes('Tell us when your first aid runs out.') || words.some((w) => /^Tell us when your/.test(w)))
  t.ok(words.includes('Send your refresher training in the last 12 months.'), 'a gold item, from the gold share')
  t.equal(levelHeading('silver'), 'What you need for silver')
})

t.test('feedback: figures from 3 or more people only', async (t) => {
  const poor = Array.from({ length: 3 }, () => respond([1, 1, 1, 1, 1, 1, 1, 1]))
  const s = standing({ responses: poor })
  t.equal(s.people, 3)
  const words = all(s)
  t.ok(words.some((w) => /^People’s feedback scores 33\.33 out of 100; this level needs 50/.test(w)))
  t.ok(words.includes('People need to feel safe when you support them.'))
  t.ok(words.includes('People need to feel the way you help them is good for them.'))
  t.ok(words.includes('People need to say your support makes their life better.'))
  t.ok(words.includes('We need at least 5 people’s feedback, we have 3.'))

  const two = standing({ responses: Array.from({ length: 2 }, () => respond([0, 0, 0, 0, 0, 0, 0, 0])) })
  t.equal(two.people, null)
  const hidden = all(two)
  t.notOk(hidden.some((w) => /scores|safe|makes their life/.test(w)), 'nothing about two people’s answers')
  t.ok(hidden.includes('We need at least 3 people’s feedback, we have fewer than 3.'))
  t.ok(hidden.includes('Once 3 or more people have given feedback, we can tell you how it is going.'))

  const glowing = Array.from({ length: 2 }, () => respond([3, 3, 3, 3, 3, 3, 3, 3], WITH_GAIN))
  t.same(all(standing({ responses: glowing })), [
    'We need at least 3 people’s feedback, we have fewer than 3.',
    'We need at least 5 people’s feedback, we have fewer than 3.'
  ], 'only the sample is said')

  const none = standing({ responses: [] })
  t.ok(all(none).includes('We need at least 3 people’s feedback, we have none yet.'))

  const odd = {
    ...goldInput(),
    scheme: {
      ...DEFAULT_SCHEME,
      thresholds: {
        ...DEFAULT_SCHEME.thresholds,
        feedback: {
          ...DEFAULT_SCHEME.thresholds.feedback,
          bronze: { ...DEFAULT_SCHEME.thresholds.feedback.bronze, itemMeanMinima: [{ item: 'RELIABLE', min: 3 }] }
        }
      }
    },
    responses: Array.from({ length: 6 }, () => respond([3, 3, 3, 3, 2, 3, 3, 3], WITH_GAIN))
  }
  const oddWords = all(describeStanding(scoreAssessment(odd), DEFAULT_SCHEME.checklist))
  t.ok(oddWords.includes('Some answers need to be better.'), 'a mean the wording does not know')
})

t.test('limiters in words; a safeguarding enquiry not disclosed', async (t) => {
  const open = standing({
    concerns: [{ severity: 'safeguarding', status: 'open', outcome: null, raisedOn: '2026-03-01', closedOn: null }]
  })
  t.ok(all(open).some((w) => /^Something the council is looking into stops an award/.test(w)))
  t.notOk(all(open).some((w) => /safeguarding/i.test(w)))
  const upheld = standing({
    concerns: [
      { severity: 'high', status: 'closed', outcome: 'upheld', raisedOn: '2026-01-01', closedOn: '2026-02-01' }
    ]
  })
  t.ok(all(upheld).includes('A serious complaint that was upheld limits the mark to bronze.'))
  const cqc = standing({ cqcRating: 'inadequate' })
  t.ok(all(cqc).includes('Your Care Quality Commission rating stops any award for now.'))
})

t.test('an item code the checklist does not name is said as its code', async (t) => {
  const evidence = { ...verifiedEverything(), INS_PI: { status: 'missing' as const } }
  const s = describeStanding(scoreAssessment(goldInput({ evidence })), [])
  t.ok(all(s).includes('Send your INS_PI.'))
})

t.test('reasons without the details they usually carry still read sensibly', async (t) => {
  const result = scoreAssessment(goldInput())
  const odd = {
    ...result,
    computedLevel: 'silver' as const,
    reasons: [
      { level: 'gold' as const, code: 'GOLD_SHARE_BELOW' as const, message: '' },
      { level: 'gold' as const, code: 'ITEM_NOT_MET' as const, message: '' },
      { level: 'gold' as const, code: 'ITEM_MEAN_BELOW' as const, message: '' }
    ]
  }
  t.same(describeStanding(odd, DEFAULT_SCHEME.checklist).gaps, [
    { level: 'gold', missing: ['Some answers need to be better.'] }
  ])
})
