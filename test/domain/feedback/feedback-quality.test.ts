// Q, G, n and item means (src/domain/README.md: scoring), and the per-question aggregate that reports use (same Q/G
// implementation).
import fc from 'fast-check'
import t from 'tap'
import {
  aggregateFeedback,
  DEFAULT_INSTRUMENT,
  feedbackQualityOf,
  measureFeedbackQuality,
  normaliseFeedbackAnswers,
  roundScore
} from '../../../src/domain/feedback/index.js'
import { respond, WITH_GAIN } from '../scoring/scoring-fixtures.js'

t.test('Q is the mean over counted responses of (mean answered scored item / 3) × 100', async (t) => {
  const cases: Array<[string, Array<{ answers: Record<string, string> }>, number | null, number]> = [
    ['no responses', [], null, 0],
    ['all best', [respond([3, 3, 3, 3, 3, 3, 3, 3])], 100, 1],
    ['all worst', [respond([0, 0, 0, 0, 0, 0, 0, 0])], 0, 1],
    ['5 answered counts', [respond([3, 3, 3, 3, 0])], 80, 1],
    ['4 answered does not count', [respond([3, 3, 3, 3])], null, 0],
    [
      'unscored and unknown answers are not answers',
      [respond([3, 3, 3, 3], { OCC_AFFECT: 'yes', RECOMMEND: 'maybe' })],
      null,
      0
    ],
    [
      'mean of response means, not of all answers',
      [respond([3, 3, 3, 3, 3, 3, 3, 3]), respond([0, 0, 0, 0, 0])],
      50,
      2
    ],
    [
      'two decimals: (2 + 13/6) / 2 / 3 × 100',
      [respond([2, 2, 2, 2, 2, 2, 2, 2]), respond([2, 2, 2, 2, 2, 3])],
      69.44,
      2
    ]
  ]
  for (const [name, responses, q, n] of cases) {
    const quality = measureFeedbackQuality(DEFAULT_INSTRUMENT, responses)
    t.equal(quality.q, q, name)
    t.equal(quality.n, n, name)
  }
})

t.test('G averages (NOW − WITHOUT) over the answered pairs of counted responses', async (t) => {
  const g = (responses: Array<{ answers: Record<string, string> }>) =>
    measureFeedbackQuality(DEFAULT_INSTRUMENT, responses).g
  t.equal(g([respond([3, 3, 3, 3, 3], WITH_GAIN)]), 1)
  t.equal(g([respond([0, 0, 3, 3, 3], WITH_GAIN)]), -2)
  t.equal(g([respond([3, 2, 3, 3, 3], { OCC_WITHOUT: 'nothing' })]), 3, 'one pair answered: its own difference')
  t.equal(g([respond([3, 3, 3, 3, 3])]), null, 'no pair answered')
  t.equal(g([respond([3, 3, 3], WITH_GAIN)]), null, 'not counted, so not in G')
})

t.test('item means over counted responses', async (t) => {
  const quality = measureFeedbackQuality(DEFAULT_INSTRUMENT, [
    respond([3, 3, 2, 1, 3]),
    respond([3, 3, 1, 3, 3]),
    respond([0, 0])
  ])
  t.equal(quality.itemMeans.SAFE, 1.5)
  t.equal(quality.itemMeans.DIGNITY, 2)
  t.equal(quality.itemMeans.RECOMMEND, null)
  t.equal(quality.responses, 3)
})

t.test('roundScore rounds to two decimals without negative zero', async (t) => {
  t.equal(roundScore(84.996), 85)
  t.ok(Object.is(roundScore(-0.001), 0))
})

t.test('aggregateFeedback counts every answer level and shares Q/G with the scorer', async (t) => {
  const responses = [
    respond([3, 2, 3, 3, 3], { COMMENT: 'Good', OCC_AFFECT: 'yes' }),
    respond([2, 2, 0, 3, 3]),
    respond([3])
  ]
  const aggregate = aggregateFeedback(DEFAULT_INSTRUMENT, responses)
  t.same(aggregate.quality, measureFeedbackQuality(DEFAULT_INSTRUMENT, responses))
  const occ = aggregate.items.find((i) => i.code === 'OCC_NOW')
  t.same(occ, {
    code: 'OCC_NOW',
    kind: 'scale',
    answered: 3,
    counts: [
      { value: 'as_i_want', score: 3, count: 2 },
      { value: 'enough', score: 2, count: 1 },
      { value: 'some_not_enough', score: 1, count: 0 },
      { value: 'nothing', score: 0, count: 0 }
    ],
    mean: 2.67
  })
  t.match(
    aggregate.items.find((i) => i.code === 'OCC_AFFECT'),
    {
      answered: 1,
      mean: null,
      counts: [
        { value: 'yes', count: 1 },
        { value: 'no', count: 0 }
      ]
    }
  )
  t.same(
    aggregate.items.find((i) => i.code === 'COMMENT'),
    { code: 'COMMENT', kind: 'text', answered: 1, counts: [], mean: null }
  )
  t.match(
    aggregate.items.find((i) => i.code === 'RECOMMEND'),
    { answered: 0, mean: null }
  )
})

t.test('a question on an unknown scale (unvalidated instrument) has no valid answers', async (t) => {
  const instrument = structuredClone(DEFAULT_INSTRUMENT)
  for (const item of instrument.items) {
    if (item.kind === 'scale' && (item.code === 'SAFE' || item.code === 'OCC_WITHOUT')) item.scale = 'GONE'
  }
  const responses = [respond([3, 3, 3, 3, 3, 3], WITH_GAIN)]
  t.equal(measureFeedbackQuality(instrument, responses).itemMeans.SAFE, null)
  t.equal(measureFeedbackQuality(instrument, responses).g, 1, 'only the CTL pair is answered')
  t.match(
    aggregateFeedback(instrument, responses).items.find((i) => i.code === 'SAFE'),
    { answered: 0, counts: [] }
  )
  t.match(normaliseFeedbackAnswers(instrument, { SAFE: 'adequately' }), {
    ok: false,
    error: { errors: [{ path: 'SAFE', message: 'not an answer to SAFE; expected one of ' }] }
  })
})

t.test('a tally taken a response at a time, in any order, read between pieces, measures as all at once', async (t) => {
  const response = fc.record({
    scores: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 8 }),
    gain: fc.boolean()
  }).map(({ scores, gain }) => respond(scores, gain ? WITH_GAIN : {}))
  fc.assert(fc.property(fc.array(response, { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (all, cut) => {
    const tally = feedbackQualityOf(DEFAULT_INSTRUMENT)
    const reordered = [...all.slice(cut), ...all.slice(0, cut)].reverse()
    reordered.forEach((r, i) => {
      tally.add(r)
      if (i === cut) tally.result() // reading it midway changes nothing
    })
    t.same(tally.result(), measureFeedbackQuality(DEFAULT_INSTRUMENT, all))
  }), { numRuns: 200 })
})
