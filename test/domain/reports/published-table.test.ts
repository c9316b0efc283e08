// Reproduces the research report's appendix Table 1 (src/domain/README.md: Reports): micro (n=58) versus
// other providers (n=37; 36 answered the control items), percentages per answer and the reported tests.
// Counts are recovered from the published percentages: each is the only whole number that rounds to all of them.
import t from 'tap'
import { chiSquareTest } from '../../../src/domain/reports/chi-square.js'
import {
  buildContingencyTable,
  percentagesByGroup,
  type ContingencyTable
} from '../../../src/domain/reports/contingency-table.js'
import { fisherExactTest } from '../../../src/domain/reports/fisher-exact.js'
import { analyseOutcomesBySize } from '../../../src/domain/reports/outcomes-by-size.js'

const table = (answers: string[], micro: number[], others: number[]): ContingencyTable => ({
  groups: ['micro', 'others'],
  answers,
  counts: [micro, others]
})
const rounded = (t: ContingencyTable) => percentagesByGroup(t).map((row) => row.map((p) => Math.round(p as number)))

const TIME = ['as_i_want', 'enough', 'some', 'nothing']
const timeUse = table(TIME, [29, 19, 10, 0], [8, 17, 11, 1])

t.test(
  '"Do you do things you enjoy and value with your time?": 50/33/17/- vs 22/46/30/3, Chi-sq(3) = 8.9, p < 0.05',
  async (t) => {
    t.same(rounded(timeUse), [
      [50, 33, 17, 0],
      [22, 46, 30, 3]
    ])
    const result = chiSquareTest(timeUse)
    if (!result.computed) throw new Error('expected a test')
    t.equal(result.statistic.toFixed(1), '8.9')
    t.equal(result.degreesOfFreedom, 3)
    t.ok(result.pValue < 0.05)
    t.equal(result.pValue.toFixed(4), '0.0311') // scipy.stats.chi2_contingency gives 0.031085
  }
)

t.test(
  '"Do you feel you have control over your daily life?": -/21/38/41 vs 6/25/39/31, Chi-sq(3) = 4.1, p = 0.25',
  async (t) => {
    const control = table(['none', 'some', 'adequate', 'as_i_want'], [0, 12, 22, 24], [2, 9, 14, 11])
    t.same(rounded(control), [
      [0, 21, 38, 41],
      [6, 25, 39, 31]
    ])
    const result = chiSquareTest(control)
    if (!result.computed) throw new Error('expected a test')
    t.equal(result.statistic.toFixed(1), '4.1')
    t.equal(result.degreesOfFreedom, 3)
    t.equal(result.pValue.toFixed(2), '0.25')
  }
)

t.test('"Does the support affect how you spend your time?": Fisher p = 0.18 (2-sided)', async (t) => {
  // The published micro/others columns for No are swapped (16 + 93 ≠ 100); its "All" column (11/89) fixes them:
  // micro 7/93, others 16/84.
  const affect = table(['no', 'yes'], [4, 54], [6, 31])
  t.same(rounded(affect), [
    [7, 93],
    [16, 84]
  ])
  const result = fisherExactTest(affect)
  t.equal(result.computed ? result.pValue.toFixed(2) : '', '0.18')
})

t.test('"Does the support affect how much control you have?": 34/66 vs 28/72, Fisher p = 0.65 (2-sided)', async (t) => {
  const affect = table(['no', 'yes'], [20, 38], [10, 26])
  t.same(rounded(affect), [
    [34, 66],
    [28, 72]
  ])
  const result = fisherExactTest(affect)
  t.equal(result.computed ? result.pValue.toFixed(2) : '', '0.65')
})

t.test('the whole report from individual responses gives the same micro-versus-others figures', async (t) => {
  const responses = timeUse.counts.flatMap((row, g) =>
    row.flatMap((count, a) =>
      Array.from({ length: count }, (_, i) => ({
        providerId: `provider-${g}-${a}-${i}`,
        // spread the others over the three larger bands
        sizeBand:
          g === 0
            ? ('micro' as const)
            : ((['small', 'medium', 'large'] as const)[i % 3] as 'small' | 'medium' | 'large'),
        answer: TIME[a] as string
      }))
    )
  )
  const report = analyseOutcomesBySize(responses, TIME)
  t.same(
    report.microVersusOthers.rows.map((r) => (r.suppressed ? null : [r.group, r.n, r.counts])),
    [
      ['micro', 58, [29, 19, 10, 0]],
      ['others', 37, [8, 17, 11, 1]]
    ]
  )
  t.same(report.microVersusOthers.chiSquare, chiSquareTest(timeUse))
  t.same(report.microVersusOthers.fisher, { computed: false, reason: 'not_2x2' })
  t.equal(report.bySizeBand.rows.length, 4)
  t.same(report.bySizeBand.suppressedGroups, [])
  t.equal(report.bySizeBand.chiSquare.computed && report.bySizeBand.chiSquare.degreesOfFreedom, 9)
  t.same(
    buildContingencyTable(
      responses.map((r) => ({ group: r.sizeBand === 'micro' ? 'micro' : 'others', answer: r.answer })),
      { answers: TIME }
    ),
    timeUse
  )
})
