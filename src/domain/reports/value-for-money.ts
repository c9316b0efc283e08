// "Value for money": hourly price against feedback quality Q and gain G, by size band, as medians and
// interquartile ranges with the number of providers behind each figure (src/domain/README.md: Reports).
import { SizeBandSchema, type SizeBand } from '../providers.js'
import { summariseDistribution, type DistributionSummary } from './distribution.js'
import { MIN_GROUP_SIZE } from './suppression.js'

export interface ProviderValue {
  sizeBand: SizeBand
  /** Pounds per hour; null when the provider has not given one. */
  hourlyPrice: number | null
  /** Feedback quality Q (0–100) and gain G (−3 to +3); null when no counted responses. */
  quality: number | null
  gain: number | null
}

export type BandValue =
  | {
    sizeBand: SizeBand
    suppressed: false
    providers: number
    hourlyPrice: DistributionSummary | null
    quality: DistributionSummary | null
    gain: DistributionSummary | null
  }
  | { sizeBand: SizeBand; suppressed: true }

const present = (values: Array<number | null>): number[] => values.filter((v): v is number => v !== null)

/**
 * A band with fewer than minGroupSize providers is suppressed: its medians would describe one or two named
 * businesses (src/domain/README.md: "reports never reveal a group smaller than 3"). Empty bands show no figures.
 */
export function summariseValueForMoney (
  providers: readonly ProviderValue[],
  { minGroupSize = MIN_GROUP_SIZE } = {}
): BandValue[] {
  return SizeBandSchema.options.map((sizeBand) => {
    const inBand = providers.filter((p) => p.sizeBand === sizeBand)
    if (inBand.length > 0 && inBand.length < minGroupSize) return { sizeBand, suppressed: true }
    return {
      sizeBand,
      suppressed: false,
      providers: inBand.length,
      hourlyPrice: summariseDistribution(present(inBand.map((p) => p.hourlyPrice))),
      quality: summariseDistribution(present(inBand.map((p) => p.quality))),
      gain: summariseDistribution(present(inBand.map((p) => p.gain)))
    }
  })
}
