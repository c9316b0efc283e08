import t from 'tap'
import fc from 'fast-check'
import { chiSquareTest } from '../../../src/domain/reports/chi-square.js'
import type { ContingencyTable } from '../../../src/domain/reports/contingency-table.js'
import { fisherExactTest, type FisherResult } from '../../../src/domain/reports/fisher-exact.js'

const table = (counts: number[][]): ContingencyTable => ({
  groups: counts.map((_, i) => `g${i}`),
  answers: (counts[0] ?? []).map((_, i) => `a${i}`),
  counts
})

t.test('chi-square checked by hand: [[10, 20], [30, 40]]', async (t) => {
  // Margins 30/70 and 40/60 of 100 → expected 12, 18, 28, 42; χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651, df 1.
  const result = chiSquareTest(
    table([
      [10, 20],
      [30, 40]
    ])
  )
  if (!result.computed) throw new Error('expected a test')
  t.equal(result.statistic.toFixed(6), '0.793651')
  t.equal(result.degreesOfFreedom, 1)
  t.equal(result.pValue.toFixed(4), '0.3730') // P(χ²₁ > 0.793651) = 2(1 − Φ(0.890871)) = 0.37300
  t.equal(result.lowExpectedShare, 0)
})

t.test('chi-square leaves out answers and groups with no responses', async (t) => {
  const withEmpty = chiSquareTest(
    table([
      [10, 0, 20],
      [30, 0, 40],
      [0, 0, 0]
    ])
  )
  t.same(
    withEmpty,
    chiSquareTest(
      table([
        [10, 20],
        [30, 40]
      ])
    )
  )
  // 2×3 by hand: margins 60/40 and 30/40/30 of 100 → expected 18, 24, 18 / 12, 16, 12;
  // χ² = 64/18 + 16/24 + 144/18 + 64/12 + 16/16 + 144/12 = 30.5556; with df 2, P(χ² > x) = exp(−x/2) = 2.317e−7.
  const result = chiSquareTest(
    table([
      [10, 20, 30],
      [20, 20, 0]
    ])
  )
  if (!result.computed) throw new Error('expected a test')
  t.equal(result.degreesOfFreedom, 2)
  t.equal(result.statistic.toFixed(4), '30.5556')
  t.equal(result.pValue.toExponential(3), Math.exp(-result.statistic / 2).toExponential(3))
  t.equal(result.pValue.toExponential(3), '2.317e-7')
  t.equal(result.lowExpectedShare, 0)
  // The published time-use table: the "nothing" column expects 58/95 and 37/95 responses, 2 cells of 8 below 5.
  const published = chiSquareTest(
    table([
      [29, 19, 10, 0],
      [8, 17, 11, 1]
    ])
  )
  t.equal(published.computed && published.lowExpectedShare, 0.25)
})

t.test('chi-square on degenerate tables says why, never NaN', async (t) => {
  t.same(chiSquareTest(table([])), { computed: false, reason: 'no_responses' })
  t.same(
    chiSquareTest(
      table([
        [0, 0],
        [0, 0]
      ])
    ),
    { computed: false, reason: 'no_responses' }
  )
  t.same(
    chiSquareTest(
      table([
        [3, 4],
        [0, 0]
      ])
    ),
    { computed: false, reason: 'one_group' }
  )
  t.same(
    chiSquareTest(
      table([
        [3, 0],
        [5, 0]
      ])
    ),
    { computed: false, reason: 'one_answer' }
  )
})

t.test("Fisher's exact test: the tea-tasting lady, 3/1/1/3 → p = 0.4857 two-sided", async (t) => {
  // Hypergeometric with N=8, K=4, n=4: P(x) = 1, 16, 36, 16, 1 over 70; tables as likely as x=3 or less:
  // (1+16+16+1)/70.
  const result = fisherExactTest(
    table([
      [3, 1],
      [1, 3]
    ])
  )
  t.equal(result.computed && result.pValue.toFixed(6), (34 / 70).toFixed(6))
  t.equal(result.computed && result.pValue.toFixed(4), '0.4857')
  const allRight = fisherExactTest(
    table([
      [4, 0],
      [0, 4]
    ])
  )
  t.equal(allRight.computed && allRight.pValue.toFixed(6), (2 / 70).toFixed(6), 'only the two extreme tables')
  t.same(
    fisherExactTest(
      table([
        [2, 2],
        [2, 2]
      ])
    ),
    { computed: true, pValue: 1 }
  )
})

t.test("Fisher's exact test on degenerate or non-2×2 tables says why", async (t) => {
  t.same(
    fisherExactTest(
      table([
        [0, 0],
        [0, 0]
      ])
    ),
    { computed: false, reason: 'no_responses' }
  )
  t.same(
    fisherExactTest(
      table([
        [0, 0],
        [3, 4]
      ])
    ),
    { computed: false, reason: 'one_group' }
  )
  t.same(
    fisherExactTest(
      table([
        [3, 4],
        [0, 0]
      ])
    ),
    { computed: false, reason: 'one_group' }
  )
  t.same(
    fisherExactTest(
      table([
        [0, 3],
        [0, 4]
      ])
    ),
    { computed: false, reason: 'one_answer' }
  )
  t.same(
    fisherExactTest(
      table([
        [3, 0],
        [4, 0]
      ])
    ),
    { computed: false, reason: 'one_answer' }
  )
  t.same(
    fisherExactTest(
      table([
        [1, 2, 3],
        [4, 5, 6]
      ])
    ),
    { computed: false, reason: 'not_2x2' }
  )
  t.same(
    fisherExactTest(
      table([
        [1, 2],
        [3, 4],
        [5, 6]
      ])
    ),
    { computed: false, reason: 'not_2x2' }
  )
})

const cell = fc.nat({ max: 30 })

t.test(
  'property: a p-value is a probability, never NaN, for any 2×2 table; swapping groups or answers keeps it',
  async () => {
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const p = fisherExactTest(
          table([
            [a, b],
            [c, d]
          ])
        )
        const chi = chiSquareTest(
          table([
            [a, b],
            [c, d]
          ])
        )
        if (!p.computed) return !chi.computed
        const swappedRows = fisherExactTest(
          table([
            [c, d],
            [a, b]
          ])
        )
        const swappedCols = fisherExactTest(
          table([
            [b, a],
            [d, c]
          ])
        )
        const transposed = fisherExactTest(
          table([
            [a, c],
            [b, d]
          ])
        )
        const same = (x: FisherResult) => x.computed && Math.abs(x.pValue - p.pValue) < 1e-9
        return (
          p.pValue > 0 &&
          p.pValue <= 1 &&
          same(swappedRows) &&
          same(swappedCols) &&
          same(transposed) &&
          chi.computed &&
          chi.pValue >= 0 &&
          chi.pValue <= 1 &&
          chi.statistic >= 0
        )
      })
    )
  }
)

t.test('property: chi-square is finite for any r×c table with at least two non-empty groups and answers', async () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 5 })
        .chain((cols) =>
          fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 5 })
        ),
      (counts) => {
        const result = chiSquareTest(table(counts))
        return result.computed
          ? Number.isFinite(result.statistic) &&
              result.pValue >= 0 &&
              result.pValue <= 1 &&
              result.degreesOfFreedom >= 1
          : ['no_responses', 'one_group', 'one_answer'].includes(result.reason)
      }
    )
  )
})
