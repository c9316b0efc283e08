// The reports as CSV for spreadsheets and committee papers (README: Reports): one flat table per report, a header row,
// suppressed groups shown as suppressed with no figures. toCsv quotes (RFC 4180) and escapes formulas.
import type { ChiSquareResult, DistributionSummary, FisherResult } from '../domain/reports/index.js'
import type { OperationsReport } from '../use-cases/reports/operations.js'
import {
  COMPARISON_NAMES as COMPARISON_LABELS,
  type LabelledComparison,
  type OutcomesReport
} from '../use-cases/reports/outcomes-by-size.js'
import { lowExpectedWarning, type ReportScope } from '../use-cases/reports/report-notes.js'
import type { ValueForMoneyReport } from '../use-cases/reports/value-for-money.js'
import { toCsv, type CsvCell as Cell } from './csv.js'

const round = (x: number | null | undefined, places: number): number | null =>
  x == null ? null : Number(x.toFixed(places))

const COMPARISON_NAMES = { microVersusOthers: 'micro versus others', bySizeBand: 'by size band' } as const

/** Every row says whose data it is, for which period and scheme version, so a pasted row keeps its context. */
const SCOPE_HEADER = ['council', 'period from', 'period to', 'scheme version', 'instrument version']
const scopeCells = (r: ReportScope): Cell[] => [
  r.councilName,
  r.period.from,
  r.period.to,
  r.schemeVersion ?? null,
  r.instrumentVersion ?? null
]

function testCells (chiSquare: ChiSquareResult, fisher: FisherResult): Cell[] {
  const notes = [chiSquare, fisher]
    .flatMap((t) => (t.computed ? [] : [t.reason]))
    .filter((r, i, all) => all.indexOf(r) === i)
  return [
    chiSquare.computed ? round(chiSquare.statistic, 3) : null,
    chiSquare.computed ? chiSquare.degreesOfFreedom : null,
    chiSquare.computed ? round(chiSquare.pValue, 4) : null,
    fisher.computed ? round(fisher.pValue, 4) : null,
    notes.join('; ')
  ]
}

export function renderOutcomesCsv (report: OutcomesReport): string {
  const header = [
    'item',
    'comparison',
    'group',
    'responses',
    'suppressed',
    ...report.answers.flatMap((a) => [`${a.label} (n)`, `${a.label} (%)`]),
    'chi-square',
    'degrees of freedom',
    'chi-square p-value',
    'Fisher exact p-value',
    'tests not computed because',
    'cells with expected count below 5 (share)',
    'warning',
    ...SCOPE_HEADER,
    'notes'
  ]
  const notes = report.notes.join(' ')
  const rowsOf = (key: keyof typeof COMPARISON_NAMES, comparison: LabelledComparison): Cell[][] =>
    comparison.rows.map((row) => [
      report.item.code,
      COMPARISON_NAMES[key],
      row.label,
      row.suppressed ? null : row.n,
      row.suppressed ? 'yes' : 'no',
      ...report.answers.flatMap((_, a) =>
        row.suppressed ? [null, null] : [row.counts[a] ?? 0, round(row.percentages[a], 1)]
      ),
      ...testCells(comparison.chiSquare, comparison.fisher),
      comparison.chiSquare.computed ? round(comparison.chiSquare.lowExpectedShare, 2) : null,
      lowExpectedWarning(COMPARISON_LABELS[key], comparison.chiSquare),
      ...scopeCells(report),
      notes
    ])
  return toCsv(header, [
    ...rowsOf('microVersusOthers', report.microVersusOthers),
    ...rowsOf('bySizeBand', report.bySizeBand)
  ])
}

const FIGURE_NAMES = { hourlyPrice: 'hourly price (GBP)', quality: 'Q', gain: 'G' } as const
const summaryCells = (s: DistributionSummary | null): Cell[] =>
  s === null
    ? [null, null, null, null]
    : [round(s.median, 2), round(s.lowerQuartile, 2), round(s.upperQuartile, 2), s.n]

export function renderValueForMoneyCsv (report: ValueForMoneyReport): string {
  const figures = Object.keys(FIGURE_NAMES) as Array<keyof typeof FIGURE_NAMES>
  const header = [
    'size band',
    'providers',
    'suppressed',
    ...figures.flatMap((f) =>
      ['median', 'lower quartile', 'upper quartile', 'providers'].map((m) => `${FIGURE_NAMES[f]} ${m}`)
    ),
    'figures hidden (fewer than 3 providers)',
    ...SCOPE_HEADER,
    'notes'
  ]
  const scope = [...scopeCells(report), report.notes.join(' ')]
  const rows = report.bands.map((band): Cell[] =>
    band.suppressed
      ? [band.sizeBand, null, 'yes', ...figures.flatMap(() => summaryCells(null)), null, ...scope]
      : [
          band.sizeBand,
          band.providers,
          'no',
          ...figures.flatMap((f) => summaryCells(band[f])),
          band.hiddenFigures.map((f) => FIGURE_NAMES[f]).join('; '),
          ...scope
        ]
  )
  return toCsv(header, rows)
}

export function renderOperationsCsv (report: OperationsReport): string {
  const rows: Cell[][] = [
    ['council', report.councilName, null, null],
    ['as of', report.asOf, null, null],
    ['stage durations for stays ended', `${report.period.from} to ${report.period.to}`, null, null],
    ...report.awardsByLevel.flatMap((a) => [
      ['live awards', a.level, a.live, null],
      ['suspended awards', a.level, a.suspended, null]
    ]),
    ...report.assessmentsByState.map((s) => ['assessments by state', s.state, s.count, null]),
    ...report.stageDurations.map((s) => ['median days in stage', s.stage, round(s.medianDays, 1), s.stays]),
    ...report.expiring.flatMap((e) => [
      [`expiring within ${e.withinDays} days`, 'awards', e.awards, null],
      [`expiring within ${e.withinDays} days`, 'evidence', e.evidence, null]
    ])
  ]
  return toCsv(['section', 'name', 'value', 'finished stays'], rows)
}
