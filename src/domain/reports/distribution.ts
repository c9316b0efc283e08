// Median and interquartile range for value-for-money and stage durations (src/domain/README.md: Reports),
// computed by simple-statistics (quantiles by linear interpolation, R's and numpy's default "type 7").
import { quantile } from 'simple-statistics'

export interface DistributionSummary {
  /** How many values stand behind the figures. */
  n: number
  median: number
  lowerQuartile: number
  upperQuartile: number
  interquartileRange: number
}

/** Null for no values; non-finite values (a missing price recorded as NaN) are left out and not counted. */
export function summariseDistribution (values: readonly number[]): DistributionSummary | null {
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return null
  const [lowerQuartile, median, upperQuartile] = quantile(finite, [0.25, 0.5, 0.75]) as [number, number, number]
  return { n: finite.length, median, lowerQuartile, upperQuartile, interquartileRange: upperQuartile - lowerQuartile }
}
