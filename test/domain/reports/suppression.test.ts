import t from 'tap'
import fc from 'fast-check'
import { buildContingencyTable, percentagesByGroup } from '../../../src/domain/reports/contingency-table.js'
import { analyseOutcomesBySize, type OutcomeResponse } from '../../../src/domain/reports/outcomes-by-size.js'
import { chooseSuppressedGroups, suppressSmallGroups } from '../../../src/domain/reports/suppression.js'
import type { SizeBand } from '../../../src/domain/providers.js'

const YES_NO = ['yes', 'no']
/** Each response from a provider of its own, unless `providers` names how many share them (round robin). */
const responses = (band: SizeBand, yes: number, no: number, providers = Infinity): OutcomeResponse[] =>
  [...Array.from({ length: yes }, () => 'yes'), ...Array.from({ length: no }, () => 'no')].map((answer, i) => ({
    providerId: `${band}-${i % providers}`,
    sizeBand: band,
    answer
  }))
const sizes = (entries: Array<[string, number]>) => new Map(entries)

t.test('contingency tables keep the declared order, add unlisted categories, and never divide by zero', async (t) => {
  const table = buildContingencyTable(
    [
      { group: 'b', answer: 'no' },
      { group: 'a', answer: 'maybe' },
      { group: 'a', answer: 'yes' },
      { group: 'a', answer: 'yes' }
    ],
    { groups: ['a', 'b', 'c'], answers: YES_NO }
  )
  t.same(table, {
    groups: ['a', 'b', 'c'],
    answers: ['yes', 'no', 'maybe'],
    counts: [
      [2, 0, 1],
      [0, 1, 0],
      [0, 0, 0]
    ]
  })
  t.same(percentagesByGroup(table), [
    [200 / 3, 0, 100 / 3],
    [0, 100, 0],
    [null, null, null]
  ])
  t.same(buildContingencyTable([{ group: 'x', answer: 'y' }]), { groups: ['x'], answers: ['y'], counts: [[1]] })
})

t.test('groups of 1 or 2 responses are hidden, size and all; empty groups show as empty', async (t) => {
  const table = buildContingencyTable(
    [
      ...['yes', 'no', 'yes'].map((answer) => ({ group: 'three', answer })),
      ...['yes', 'no'].map((answer) => ({ group: 'two', answer }))
    ],
    { groups: ['three', 'two', 'none'], answers: YES_NO }
  )
  const result = suppressSmallGroups(table)
  t.same(result.suppressedGroups, ['two'])
  t.same(result.rows, [
    { group: 'three', suppressed: false, n: 3, counts: [2, 1], percentages: [200 / 3, 100 / 3] },
    { group: 'two', suppressed: true },
    { group: 'none', suppressed: false, n: 0, counts: [0, 0], percentages: [null, null] }
  ])
  t.same(result.shown, {
    groups: ['three', 'none'],
    answers: YES_NO,
    counts: [
      [2, 1],
      [0, 0]
    ]
  })
  t.same(suppressSmallGroups(table, { minGroupSize: 2 }).suppressedGroups, [])
})

t.test('secondary suppression stops a hidden band being recovered from the "others" total', async (t) => {
  const others = [['small', 'medium', 'large']]
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['micro', 10],
          ['small', 2],
          ['medium', 10],
          ['large', 0]
        ]),
        { complements: others }
      )
    ].sort(),
    ['medium', 'small'],
    'the smallest band with responses is hidden with it'
  )
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['micro', 10],
          ['small', 1],
          ['medium', 1],
          ['large', 5]
        ]),
        { complements: others }
      )
    ].sort(),
    ['large', 'medium', 'small'],
    'two hidden bands of 2 in all are still too few'
  )
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['micro', 10],
          ['small', 2],
          ['medium', 1],
          ['large', 7]
        ]),
        { complements: others }
      )
    ].sort(),
    ['medium', 'small'],
    'two hidden bands of 3 in all are enough'
  )
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['micro', 10],
          ['small', 2],
          ['medium', 0]
        ]),
        { complements: others }
      )
    ],
    ['small'],
    'nothing left to hide with it (the others total is then small and hidden too)'
  )
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['micro', 1],
          ['small', 4],
          ['medium', 4]
        ]),
        { complements: others }
      )
    ],
    ['micro']
  )
  t.same(
    [
      ...chooseSuppressedGroups(
        sizes([
          ['a', 4],
          ['b', 4]
        ]),
        { complements: [['a', 'b']] }
      )
    ],
    []
  )
})

t.test('the outcomes report hides small groups and turns the tests off when nothing is left to compare', async (t) => {
  const report = analyseOutcomesBySize(
    [...responses('micro', 1, 1), ...responses('small', 5, 3), ...responses('large', 4, 4)],
    YES_NO
  )
  t.same(report.microVersusOthers.suppressedGroups, ['micro'])
  t.same(report.microVersusOthers.chiSquare, { computed: false, reason: 'suppressed' })
  t.same(report.microVersusOthers.fisher, { computed: false, reason: 'suppressed' })
  t.same(report.bySizeBand.suppressedGroups, ['micro'])
  // small and large remain: a 2×2 comparison of the shown bands (medium is empty and left out of the tests)
  t.equal(report.bySizeBand.chiSquare.computed && report.bySizeBand.chiSquare.degreesOfFreedom, 1)
  t.same(report.bySizeBand.fisher, { computed: false, reason: 'not_2x2' })
  t.equal(report.minGroupSize, 3)

  const fourAnswers = analyseOutcomesBySize(
    [...responses('micro', 2, 0), ...responses('small', 5, 3)],
    [...YES_NO, 'maybe', 'never']
  )
  t.same(
    fourAnswers.microVersusOthers.fisher,
    { computed: false, reason: 'not_2x2' },
    'Fisher is for 2×2 only, suppressed or not'
  )
  t.same(fourAnswers.microVersusOthers.chiSquare, { computed: false, reason: 'suppressed' })

  const none = analyseOutcomesBySize([], YES_NO)
  t.same(none.microVersusOthers.chiSquare, { computed: false, reason: 'no_responses' })
  t.same(
    none.microVersusOthers.rows.map((r) => !r.suppressed && r.n),
    [0, 0]
  )

  const noneSmall = analyseOutcomesBySize(responses('micro', 3, 3), YES_NO, { minGroupSize: 10 })
  t.same(noneSmall.microVersusOthers.suppressedGroups, ['micro'])
})

t.test('many responses from fewer than 3 providers are hidden, and the bands that would reveal them', async (t) => {
  const report = analyseOutcomesBySize(
    [...responses('micro', 6, 6, 2), ...responses('small', 10, 2, 1), ...responses('medium', 4, 4)],
    YES_NO
  )
  t.same(report.microVersusOthers.suppressedGroups, ['micro'], '12 responses, but from 2 micro providers')
  t.match(report.microVersusOthers.rows[1], { group: 'others', suppressed: false, n: 20 }, '1 + 8 providers')
  t.same(report.bySizeBand.suppressedGroups, ['micro', 'small', 'medium'], 'one small business, and its complement')
  t.same(report.bySizeBand.chiSquare, { computed: false, reason: 'suppressed' })
  const three = analyseOutcomesBySize(responses('micro', 6, 6, 3), YES_NO)
  t.same(three.microVersusOthers.suppressedGroups, [], 'three providers are enough')
})

t.test('property: no size band under 3 is ever shown, nor recoverable by subtracting from "others"', async () => {
  const bandSize = fc.nat({ max: 6 })
  const perBand = fc.integer({ min: 1, max: 4 })
  fc.assert(
    fc.property(bandSize, bandSize, bandSize, bandSize, perBand, (micro, small, medium, large, k) => {
      const all = [
        ...responses('micro', micro, 0, k),
        ...responses('small', small, 0, k),
        ...responses('medium', 0, medium, k),
        ...responses('large', large, 0, k)
      ]
      const report = analyseOutcomesBySize(all, YES_NO)
      // a band's size for disclosure: the fewer of its responses and its providers
      const n: Record<string, number> = Object.fromEntries(
        Object.entries({ micro, small, medium, large }).map(([band, count]) => [band, Math.min(count, k)])
      )
      const providersOf = (groups: string[]) =>
        new Set(all.filter((r) => groups.includes(r.sizeBand)).map((r) => r.providerId)).size
      const groupsOf = (group: string) => (group === 'others' ? ['small', 'medium', 'large'] : [group])
      const shownSmall = [...report.microVersusOthers.rows, ...report.bySizeBand.rows].some(
        (row) => !row.suppressed && row.n > 0 && (row.n < 3 || providersOf(groupsOf(row.group)) < 3)
      )
      const othersShown = report.microVersusOthers.rows.some((row) => row.group === 'others' && !row.suppressed)
      const hiddenOthers = report.bySizeBand.suppressedGroups.filter((g) => g !== 'micro' && (n[g] as number) > 0)
      const hiddenTotal = hiddenOthers.reduce((acc, g) => acc + (n[g] as number), 0)
      return (
        !shownSmall && (!othersShown || hiddenOthers.length === 0 || (hiddenOthers.length >= 2 && hiddenTotal >= 3))
      )
    })
  )
})
