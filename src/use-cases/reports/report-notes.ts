// What every form of a report (JSON, CSV, chart) says about itself (README: Reports): whose data, which period and
// scheme version, which groups are hidden and why, and when the chi-square approximation is doubtful.
import type { ChiSquareResult } from '../../domain/reports/index.js'
import type { ReportPeriod } from './report-scope.js'

/** Cochran's rule: with more than a fifth of cells expecting fewer than 5 responses, the p-value is approximate. */
export const LOW_EXPECTED_SHARE = 0.2

export interface ReportScope {
  councilName: string
  period: ReportPeriod
  schemeVersion?: number
  instrumentVersion?: number
}

export function describeScope (r: ReportScope, what = 'Feedback received'): string {
  const version =
    r.schemeVersion === undefined
      ? ''
      : `, scheme version ${r.schemeVersion} (feedback instrument version ${r.instrumentVersion ?? r.schemeVersion})`
  return `${r.councilName}. ${what} ${r.period.from} to ${r.period.to}${version}.`
}

/** The warning for a computed test whose expected counts are too small; null when there is nothing to warn of. */
export function lowExpectedWarning (comparison: string, chiSquare: ChiSquareResult): string | null {
  if (!chiSquare.computed || chiSquare.lowExpectedShare <= LOW_EXPECTED_SHARE) return null
  return (
    `${comparison}: ${Math.round(chiSquare.lowExpectedShare * 100)}% of cells have an expected count below 5, ` +
    'so the chi-square p-value is only approximate.'
  )
}

/** Said whenever a group is hidden, in every form of the report (src/domain/README.md: Reports). */
export const suppressionNote = (min: number, unit: string, hidden: string[]): string =>
  `Not shown: ${hidden.join(', ')}. A group made of fewer than ${min} ${unit} is never shown, nor one that could ` +
  'be worked out from the totals by subtraction.'
