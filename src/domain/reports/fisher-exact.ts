// Fisher's exact test, two-sided, for 2×2 tables such as "does the support affect how you spend your time" by
// micro versus others (src/domain/README.md: Reports). Probabilities come from @stdlib's hypergeometric PMF.
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf'
import type { TestNotComputed } from './chi-square.js'
import type { ContingencyTable } from './contingency-table.js'

export interface FisherComputed {
  computed: true
  /** Two-sided: the total probability of all tables with these margins no more likely than the observed one. */
  pValue: number
}

export type FisherResult = FisherComputed | TestNotComputed

// Tables whose probability equals the observed one up to rounding count as "as extreme" (R's fisher.test uses 1 +
// 1e-7).
const RELATIVE_TOLERANCE = 1 + 1e-7

export function fisherExactTest (table: ContingencyTable): FisherResult {
  if (table.counts.length !== 2 || table.answers.length !== 2) return { computed: false, reason: 'not_2x2' }
  const [[a, b], [c, d]] = table.counts as [[number, number], [number, number]]
  const total = a + b + c + d
  if (total === 0) return { computed: false, reason: 'no_responses' }
  // A zero margin leaves a single possible table (p would be 1): say why instead, as chiSquareTest does.
  if (a + b === 0 || c + d === 0) return { computed: false, reason: 'one_group' }
  if (a + c === 0 || b + d === 0) return { computed: false, reason: 'one_answer' }

  // The first group's count of the first answer, given all margins, is hypergeometric: population `total`,
  // `a + c` successes, `a + b` draws.
  const successes = a + c
  const draws = a + b
  const pmf = (x: number): number => hypergeometricPmf(x, total, successes, draws)
  const observed = pmf(a)
  let pValue = 0
  for (let x = Math.max(0, draws + successes - total); x <= Math.min(draws, successes); x++) {
    const p = pmf(x)
    if (p <= observed * RELATIVE_TOLERANCE) pValue += p
  }
  return { computed: true, pValue: Math.min(1, pValue) }
}
