// The picture of each report for a committee paper (README: Reports): what the tables say, drawn by renderBarChart.
// Hidden groups are not drawn and are named as hidden (src/domain/README.md: "reports never reveal a group smaller than
// 3").
import type { ChiSquareResult, DistributionSummary, FisherResult } from '../domain/reports/index.js'
import { renderBarChart, type ChartGroup } from './bar-chart-svg.js'
import type { OperationsReport } from '../use-cases/reports/operations.js'
import { COMPARISON_NAMES, type OutcomesReport } from '../use-cases/reports/outcomes-by-size.js'
import { describeScope, lowExpectedWarning, suppressionNote } from '../use-cases/reports/report-notes.js'
import type { ValueFigure, ValueForMoneyReport } from '../use-cases/reports/value-for-money.js'

const percent = (x: number): string => `${Math.round(x)}%`
const pValue = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`)
const period = (r: { period: { from: string; to: string } }): string => `${r.period.from} to ${r.period.to}`

function describeTests (chiSquare: ChiSquareResult, fisher: FisherResult): string {
  const chi = chiSquare.computed
    ? `Chi-square(${chiSquare.degreesOfFreedom}) = ${chiSquare.statistic.toFixed(2)}, ${pValue(chiSquare.pValue)}`
    : `Chi-square not computed (${chiSquare.reason.replaceAll('_', ' ')})`
  return fisher.computed ? `${chi}; Fisher's exact test ${pValue(fisher.pValue)} (two-sided)` : `${chi}.`
}

export type OutcomesChartGroups = 'micro_vs_others' | 'size_band'

export function renderOutcomesChart (report: OutcomesReport, groups: OutcomesChartGroups): string {
  const key = groups === 'size_band' ? 'bySizeBand' : 'microVersusOthers'
  const comparison = report[key]
  const shown = comparison.rows.flatMap((row) => (row.suppressed || row.n === 0 ? [] : [row]))
  const hidden = comparison.rows.flatMap((row) => (row.suppressed ? [row.label] : []))
  const who = groups === 'size_band' ? 'by provider size band' : 'micro providers versus all others'
  const sizes = shown.map((row) => `${row.label}: ${row.n} responses`).join('; ')
  const chartGroups: ChartGroup[] = report.answers.map((answer, a) => ({
    heading: answer.label,
    min: 0,
    max: 100,
    bars: shown.map((row) => ({
      label: row.label,
      value: row.percentages[a] ?? 0,
      text: `${percent(row.percentages[a] ?? 0)} (${row.counts[a]} of ${row.n})`
    }))
  }))
  const tests = describeTests(comparison.chiSquare, comparison.fisher)
  const warning = lowExpectedWarning(COMPARISON_NAMES[key], comparison.chiSquare)
  return renderBarChart({
    title: report.item.question,
    subtitle: `${report.item.code}: ${who}`,
    description: `Percentage of responses giving each answer, ${who}, ${period(report)}, ${report.councilName}. ` +
      `${sizes === '' ? 'No group has enough responses to show.' : `${sizes}.`} ${tests}`,
    groups: chartGroups,
    notes: [
      describeScope(report, 'Responses received'),
      tests,
      ...(warning === null ? [] : [warning]),
      ...(hidden.length > 0 ? [suppressionNote(report.minGroupSize, 'providers or responses', hidden)] : [])
    ]
  })
}

const FIGURES: Record<
  ValueFigure,
  { heading: string; format: (x: number) => string; scale: (max: number) => { min: number; max: number } }
> = {
  hourlyPrice: {
    heading: 'Median hourly price',
    format: (x) => `£${x.toFixed(2)}`,
    scale: (max) => ({ min: 0, max: Math.max(max, 1) })
  },
  quality: {
    heading: 'Median feedback quality Q (0 to 100)',
    format: (x) => x.toFixed(1),
    scale: () => ({ min: 0, max: 100 })
  },
  gain: {
    heading: 'Median gain G (-3 to +3)',
    format: (x) => (x > 0 ? '+' : '') + x.toFixed(2),
    scale: () => ({ min: -3, max: 3 })
  }
}

export function renderValueForMoneyChart (report: ValueForMoneyReport): string {
  const groups = (Object.keys(FIGURES) as ValueFigure[]).map((figure): ChartGroup => {
    const { heading, format, scale } = FIGURES[figure]
    const shown = report.bands.flatMap((band) => {
      const summary: DistributionSummary | null = band.suppressed ? null : band[figure]
      return summary === null ? [] : [{ band: band.sizeBand, summary }]
    })
    return {
      heading,
      ...scale(Math.max(0, ...shown.map((s) => s.summary.upperQuartile))),
      bars: shown.map(({ band, summary: s }) => ({
        label: `${band[0]?.toUpperCase()}${band.slice(1)} providers`,
        value: s.median,
        text: `${format(s.median)} (IQR ${format(s.lowerQuartile)} to ${format(s.upperQuartile)}; ${s.n} providers)`
      }))
    }
  })
  return renderBarChart({
    title: 'Value for money: hourly price, feedback quality and gain',
    subtitle: 'By provider size band: medians and interquartile ranges (IQR)',
    description:
      `Medians and interquartile ranges by size band, from feedback received ${period(report)}, ` +
      `${report.councilName}; each figure says how ` +
      'many providers it rests on.',
    groups,
    notes: [
      describeScope(report),
      `Figures resting on fewer than ${report.minGroupSize} providers are not shown.`,
      ...report.notes
    ]
  })
}

const share = (n: number, total: number): string => (total === 0 ? '' : ` (${percent((100 * n) / total)})`)

export function renderOperationsChart (report: OperationsReport): string {
  const awardsTotal = report.awardsByLevel.reduce((a, b) => a + b.live, 0)
  const assessmentsTotal = report.assessmentsByState.reduce((a, b) => a + b.count, 0)
  const stages = report.stageDurations.filter((s) => s.medianDays !== null)
  const longest = Math.max(1, ...stages.map((s) => s.medianDays ?? 0))
  const expiringMax = Math.max(1, ...report.expiring.flatMap((e) => [e.awards, e.evidence]))
  return renderBarChart({
    title: 'Quality Mark scheme operations',
    subtitle: `${report.councilName}, as of ${report.asOf}`,
    description:
      `Live awards by level (${awardsTotal} in all), assessments by state (${assessmentsTotal} in all), median days ` +
      `per stage for stays ended ${period(report)}, and awards and evidence expiring within 30, 60 and 90 days of ` +
      `${report.asOf}.`,
    groups: [
      {
        heading: `Live awards by level (${awardsTotal})`,
        min: 0,
        max: Math.max(1, awardsTotal),
        bars: report.awardsByLevel.map((a) => ({
          label: a.level,
          value: a.live,
          text: `${a.live}${share(a.live, awardsTotal)}${a.suspended > 0 ? `, ${a.suspended} suspended` : ''}`
        }))
      },
      {
        heading: `Assessments by state (${assessmentsTotal})`,
        min: 0,
        max: Math.max(1, assessmentsTotal),
        bars: report.assessmentsByState.map((s) => ({
          label: s.state.replaceAll('_', ' '),
          value: s.count,
          text: `${s.count}${share(s.count, assessmentsTotal)}`
        }))
      },
      {
        heading: 'Median days in each stage',
        min: 0,
        max: longest,
        bars: stages.map((s) => ({
          label: s.stage.replaceAll('_', ' '),
          value: s.medianDays ?? 0,
          text: `${(s.medianDays ?? 0).toFixed(1)} days (${s.stays} stays)`
        }))
      },
      ...report.expiring.map((e) => ({
        heading: `Expiring within ${e.withinDays} days`,
        min: 0,
        max: expiringMax,
        bars: [
          { label: 'awards', value: e.awards, text: String(e.awards) },
          { label: 'pieces of evidence', value: e.evidence, text: String(e.evidence) }
        ]
      }))
    ],
    notes: [`As of ${report.asOf}. Stage durations from the audit trail of state changes, ${period(report)}.`]
  })
}
