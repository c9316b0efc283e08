// Pearson's chi-square test of independence for an r×c table (src/domain/README.md: Reports); the p-value comes
// from @stdlib's chi-square distribution rather than a hand-written incomplete gamma function.
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf'
import { answerTotals, groupTotals, type ContingencyTable } from './contingency-table.js'

export type TestNotComputedReason =
  | 'no_responses'
  | 'one_group' // only one group has responses: nothing to compare
  | 'one_answer' // every response gave the same answer: no variation to test
  | 'suppressed' // small groups were hidden and fewer than two groups remain (see suppression.ts)
  | 'not_2x2' // Fisher's exact test is offered for 2×2 tables only

export interface TestNotComputed {
  computed: false
  reason: TestNotComputedReason
}

export interface ChiSquareComputed {
  computed: true
  statistic: number
  degreesOfFreedom: number
  pValue: number
  /** Share of cells (0–1) with an expected count below 5: above 0.2 the approximation is doubtful (Cochran). */
  lowExpectedShare: number
}

export type ChiSquareResult = ChiSquareComputed | TestNotComputed

/**
 * Groups and answers with no responses are left out first, as SPSS crosstabs does (the research report's tool),
 * so no expected count is 0 and the result is never NaN; degrees of freedom count only what remains.
 * No continuity correction, matching the report's "Chi-sq(3) = 8.9".
 */
export function chiSquareTest (table: ContingencyTable): ChiSquareResult {
  const rowTotals = groupTotals(table)
  const colTotals = answerTotals(table)
  const rows = rowTotals.flatMap((n, g) => (n > 0 ? [g] : []))
  const cols = colTotals.flatMap((n, a) => (n > 0 ? [a] : []))
  if (rows.length === 0) return { computed: false, reason: 'no_responses' }
  if (rows.length < 2) return { computed: false, reason: 'one_group' }
  if (cols.length < 2) return { computed: false, reason: 'one_answer' }

  const total = rowTotals.reduce((a, b) => a + b, 0)
  let statistic = 0
  let lowExpected = 0
  for (const g of rows) {
    for (const a of cols) {
      const expected = ((rowTotals[g] as number) * (colTotals[a] as number)) / total
      const observed = table.counts[g]?.[a] as number
      statistic += (observed - expected) ** 2 / expected
      if (expected < 5) lowExpected++
    }
  }
  const degreesOfFreedom = (rows.length - 1) * (cols.length - 1)
  return {
    computed: true,
    statistic,
    degreesOfFreedom,
    pValue: Math.max(0, 1 - chisquareCdf(statistic, degreesOfFreedom)),
    lowExpectedShare: lowExpected / (rows.length * cols.length)
  }
}
