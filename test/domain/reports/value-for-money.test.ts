import t from 'tap'
import { summariseDistribution } from '../../../src/domain/reports/distribution.js'
import { summariseValueForMoney, type ProviderValue } from '../../../src/domain/reports/value-for-money.js'

t.test('median and interquartile range by linear interpolation, checked by hand', async (t) => {
  // 1..10: position (n − 1)p = 2.25 → 3.25, 4.5 → 5.5, 6.75 → 7.75
  t.same(summariseDistribution([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), {
    n: 10,
    median: 5.5,
    lowerQuartile: 3.25,
    upperQuartile: 7.75,
    interquartileRange: 4.5
  })
  t.same(summariseDistribution([18, 22, 20]), {
    n: 3,
    median: 20,
    lowerQuartile: 19,
    upperQuartile: 21,
    interquartileRange: 2
  })
  t.same(summariseDistribution([7]), { n: 1, median: 7, lowerQuartile: 7, upperQuartile: 7, interquartileRange: 0 })
  t.equal(summariseDistribution([]), null)
  t.same(summariseDistribution([Number.NaN, 4, Number.POSITIVE_INFINITY])?.n, 1)
})

t.test(
  'value for money by band: bands of 1–2 providers hidden, empty bands empty, each figure with its own n',
  async (t) => {
    const providers: ProviderValue[] = [
      { sizeBand: 'micro', hourlyPrice: 18, quality: 90, gain: 1.5 },
      { sizeBand: 'micro', hourlyPrice: 20, quality: 80, gain: 1 },
      { sizeBand: 'micro', hourlyPrice: 22, quality: null, gain: null },
      { sizeBand: 'small', hourlyPrice: 21, quality: 70, gain: 0.5 },
      { sizeBand: 'small', hourlyPrice: 23, quality: 75, gain: 0.5 },
      { sizeBand: 'large', hourlyPrice: null, quality: 60, gain: 0 },
      { sizeBand: 'large', hourlyPrice: 24, quality: 70, gain: 0.5 },
      { sizeBand: 'large', hourlyPrice: 25, quality: 65, gain: 0.25 }
    ]
    const [micro, small, medium, large] = summariseValueForMoney(providers)
    t.same(micro, {
      sizeBand: 'micro',
      suppressed: false,
      providers: 3,
      hourlyPrice: { n: 3, median: 20, lowerQuartile: 19, upperQuartile: 21, interquartileRange: 2 },
      quality: { n: 2, median: 85, lowerQuartile: 82.5, upperQuartile: 87.5, interquartileRange: 5 },
      gain: { n: 2, median: 1.25, lowerQuartile: 1.125, upperQuartile: 1.375, interquartileRange: 0.25 }
    })
    t.same(small, { sizeBand: 'small', suppressed: true })
    t.same(medium, {
      sizeBand: 'medium',
      suppressed: false,
      providers: 0,
      hourlyPrice: null,
      quality: null,
      gain: null
    })
    t.same(
      large !== undefined && !large.suppressed && [large.providers, large.hourlyPrice?.n, large.hourlyPrice?.median],
      [3, 2, 24.5]
    )
    t.equal(summariseValueForMoney(providers, { minGroupSize: 4 })[0]?.suppressed, true)
  }
)
