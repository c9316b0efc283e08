// Helpers for monitoring and the directory: lapsed limiter items with their grace period, n_min, the small-sample flag.
import t from 'tap'
import { DEFAULT_SCHEME } from '../../../src/domain/scheme/index.js'
import { computeSampleMinimum, findLapsedLimiters, isSmallSample } from '../../../src/domain/scoring/index.js'
import { verifiedEverything } from './scoring-fixtures.js'

t.test('findLapsedLimiters lists applicable limiter items not met, with the 14-day grace', async (t) => {
  const evidence = verifiedEverything()
  evidence.INS_PL = { status: 'verified', expiresOn: '2026-03-01' }
  evidence.DBS_ENH = { status: 'rejected' }
  evidence.INS_MOTOR = { status: 'verified', expiresOn: '2020-01-01' } // not a limiter
  evidence.MEDS = { status: 'missing' } // a limiter, but medication is not offered
  const profile = { flags: { personalCare: true } }
  t.same(findLapsedLimiters(DEFAULT_SCHEME, profile, evidence, '2026-03-15'), [
    {
      item: 'INS_PL',
      reasonCode: 'EXPIRED',
      message: 'INS_PL expired on 2026-03-01',
      expiredOn: '2026-03-01',
      graceEndsOn: '2026-03-15',
      pastGrace: false
    },
    {
      item: 'DBS_ENH',
      reasonCode: 'REJECTED',
      message: 'DBS_ENH evidence rejected',
      expiredOn: null,
      graceEndsOn: null,
      pastGrace: false
    }
  ])
  const dayAfter = findLapsedLimiters(DEFAULT_SCHEME, profile, evidence, '2026-03-16')
  t.equal(dayAfter[0]?.pastGrace, true, 'the day after the last day of grace the award is suspended')
  t.same(findLapsedLimiters(DEFAULT_SCHEME, profile, verifiedEverything(), '2026-03-16'), [])
})

t.test('n_min = max(2, min(floor, ceil(share × active clients)))', async (t) => {
  const cases: Array<[number, number, number, number]> = [
    // clients, bronze, silver, gold
    [0, 2, 2, 2],
    [1, 2, 2, 2],
    [3, 2, 2, 2],
    [4, 2, 2, 3],
    [5, 2, 3, 3],
    [8, 2, 3, 5],
    [100, 2, 3, 5]
  ]
  for (const [clients, bronze, silver, gold] of cases) {
    t.same(
      [
        computeSampleMinimum(DEFAULT_SCHEME.thresholds, 'bronze', clients),
        computeSampleMinimum(DEFAULT_SCHEME.thresholds, 'silver', clients),
        computeSampleMinimum(DEFAULT_SCHEME.thresholds, 'gold', clients)
      ],
      [bronze, silver, gold],
      `${clients} clients`
    )
  }
  const thresholds = structuredClone(DEFAULT_SCHEME.thresholds)
  thresholds.feedback.gold.sampleShare = 0.7
  thresholds.feedback.gold.sampleFloor = 10
  t.equal(computeSampleMinimum(thresholds, 'gold', 10), 7, '0.7 × 10 is 7, not 8 from a float error')
})

t.test('a small sample is one below the floor of the level reached', async (t) => {
  t.equal(isSmallSample(DEFAULT_SCHEME.thresholds, 'gold', 3), true, 'gold on 3 responses (a provider supporting 4)')
  t.equal(isSmallSample(DEFAULT_SCHEME.thresholds, 'gold', 5), false)
  t.equal(isSmallSample(DEFAULT_SCHEME.thresholds, 'silver', 2), true)
  t.equal(isSmallSample(DEFAULT_SCHEME.thresholds, 'bronze', 2), false)
  t.equal(isSmallSample(DEFAULT_SCHEME.thresholds, 'none', 0), false)
})
