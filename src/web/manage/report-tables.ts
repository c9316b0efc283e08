// The three reports as GOV.UK tables (README: Reports in the portal): the same figures the API's JSON, CSV and
// charts give (src/use-cases/reports), with hidden groups said to be hidden, never shown as zero.
import type { OperationsReport } from '../../use-cases/reports/operations.js'
import type { LabelledComparison, OutcomesReport } from '../../use-cases/reports/outcomes-by-size.js'
import { COMPARISON_NAMES } from '../../use-cases/reports/outcomes-by-size.js'
import type { ValueForMoneyReport } from '../../use-cases/reports/value-for-money.js'
import type { DistributionSummary } from '../../domain/reports/index.js'
import type { Cell } from './list-view.js'
import { plainWords } from './words.js'

export interface ReportTable {
  caption: string
  head: Array<{ text: string, format?: 'numeric' }>
  rows: Cell[][]
}

const num = (text: string) => ({ text, format: 'numeric' as const })
const cell = (n: number | string | null, places = 0) =>
  ({ text: n === null ? 'None' : typeof n === 'number' ? n.toFixed(places) : n, format: 'numeric' as const })
const HIDDEN = { text: 'Hidden: too few to show' }

export function operationsTables (r: OperationsReport): ReportTable[] {
  return [
    {
      caption: 'Awards by level',
      head: [{ text: 'Level' }, num('Live'), num('Suspended')],
      rows: r.awardsByLevel.map((a) => [{ text: plainWords(a.level) }, cell(a.live), cell(a.suspended)])
    },
    {
      caption: 'Assessments by state',
      head: [{ text: 'State' }, num('Assessments')],
      rows: r.assessmentsByState.map((a) => [{ text: plainWords(a.state) }, cell(a.count)])
    },
    {
      caption: 'Days spent in each stage (stays that ended in the period)',
      head: [{ text: 'Stage' }, num('Stays'), num('Median days'), num('Middle half, days')],
      rows: r.stageDurations.map((s) => [
        { text: plainWords(s.stage) },
        cell(s.stays),
        cell(s.medianDays, 1),
        cell(s.lowerQuartileDays === null || s.upperQuartileDays === null
          ? null
          : `${s.lowerQuartileDays.toFixed(1)} to ${s.upperQuartileDays.toFixed(1)}`)
      ])
    },
    {
      caption: `Expiring from ${r.asOf}`,
      head: [{ text: 'Within' }, num('Awards'), num('Evidence')],
      rows: r.expiring.map((e) => [{ text: `${e.withinDays} days` }, cell(e.awards), cell(e.evidence)])
    }
  ]
}

const spread = (d: DistributionSummary | null, places: number) => {
  if (d === null) return 'None'
  const f = (x: number) => x.toFixed(places)
  return `${f(d.median)} (${f(d.lowerQuartile)} to ${f(d.upperQuartile)})`
}

export function valueForMoneyTables (r: ValueForMoneyReport): ReportTable[] {
  return [{
    caption: 'Hourly price, feedback quality Q and gain G by size band: median (middle half)',
    head: [{ text: 'Size band' }, num('Providers'), num('Hourly price, £'), num('Quality Q'), num('Gain G')],
    rows: r.bands.map((b) => b.suppressed
      ? [{ text: plainWords(b.sizeBand) }, HIDDEN, { text: '' }, { text: '' }, { text: '' }]
      : [
          { text: plainWords(b.sizeBand) },
          cell(b.providers),
          cell(spread(b.hourlyPrice, 2)),
          cell(spread(b.quality, 1)),
          cell(spread(b.gain, 2))
        ])
  }]
}

function comparisonTable (r: OutcomesReport, name: string, c: LabelledComparison): ReportTable {
  return {
    caption: `${name}: ${r.item.question}`,
    head: [{ text: 'Group' }, num('Responses'), ...r.answers.map((a) => num(a.label))],
    rows: c.rows.map((row) => row.suppressed
      ? [{ text: row.label }, HIDDEN, ...r.answers.map(() => ({ text: '' }))]
      : [
          { text: row.label },
          cell(row.n),
          ...row.counts.map((n, i) => cell(`${n} (${(row.percentages[i] ?? 0).toFixed(0)}%)`))
        ])
  }
}

export const outcomesTables = (r: OutcomesReport): ReportTable[] => [
  comparisonTable(r, COMPARISON_NAMES.microVersusOthers, r.microVersusOthers),
  comparisonTable(r, COMPARISON_NAMES.bySizeBand, r.bySizeBand)
]
