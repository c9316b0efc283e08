// "Value for money": each provider's hourly price against its feedback quality Q and gain G from responses in the
// period, summarised by size band as medians and interquartile ranges (src/domain/README.md: Reports).
// Q and G come from the scorer's own tally (feedbackQualityOf, behind measureFeedbackQuality): one implementation of
// the scoring rules.
import { feedbackQualityOf, type FeedbackQualityTally } from '../../domain/feedback/index.js'
import type { SizeBand } from '../../domain/providers.js'
import {
  MIN_GROUP_SIZE,
  summariseValueForMoney,
  type BandValue,
  type ProviderValue
} from '../../domain/reports/index.js'
import { councilName } from '../../db/stores/council-names.js'
import { eachResponseIn, listProviderPrices } from '../../db/stores/reports.js'
import type { Ctx, Deps } from '../context.js'
import { suppressionNote } from './report-notes.js'
import {
  loadReportInstrument,
  requireReportCouncil,
  resolvePeriod,
  type PeriodQuery,
  type ReportPeriod
} from './report-scope.js'

export interface ValueForMoneyQuery extends PeriodQuery {
  schemeVersion?: number | undefined
}

export type ValueFigure = 'hourlyPrice' | 'quality' | 'gain'
export const VALUE_FIGURES: readonly ValueFigure[] = ['hourlyPrice', 'quality', 'gain']

/** A shown band, with the figures that rest on fewer than minGroupSize providers blanked and named. */
export type BandValueShown = Extract<BandValue, { suppressed: false }> & { hiddenFigures: ValueFigure[] }
export type BandValueReport = BandValueShown | Extract<BandValue, { suppressed: true }>

export interface ValueForMoneyReport {
  councilId: string
  councilName: string
  period: ReportPeriod
  schemeVersion: number
  instrumentVersion: number
  minGroupSize: number
  bands: BandValueReport[]
  /** Which bands are hidden and why: shown in every form of the report. */
  notes: string[]
}

/** Responses read per query: a few MB of answers at a time. */
const RESPONSES_PER_PAGE = 5_000

const qualityOf = (m: { q: number | null; g: number | null }) => ({ quality: m.q, gain: m.g })

/**
 * The band rule is the domain's (fewer than 3 providers: the band is hidden). A shown band may still have a figure
 * that only one or two of its providers stand behind (e.g. the only one with feedback): that figure would describe
 * a named business, so it is hidden too (src/domain/README.md: "reports never reveal a group smaller than 3").
 */
function hideThinFigures (band: BandValue, minGroupSize: number): BandValueReport {
  if (band.suppressed) return band
  const hiddenFigures = VALUE_FIGURES.filter((f) => band[f] !== null && band[f].n < minGroupSize)
  const shown: BandValueShown = { ...band, hiddenFigures }
  for (const f of hiddenFigures) shown[f] = null
  return shown
}

export async function reportValueForMoney (
  deps: Deps,
  ctx: Ctx,
  query: ValueForMoneyQuery
): Promise<ValueForMoneyReport> {
  const councilId = requireReportCouncil(ctx)
  const period = resolvePeriod(query, ctx.now)
  const { schemeVersion, instrument } = await loadReportInstrument(deps.db, councilId, query.schemeVersion)

  // Each provider counts in the band it had when its responses were given (kept on each response): a provider that
  // moved band within the period counts in each band for the responses it had there. Providers without feedback in
  // the period count in their band today, with their price only.
  // Read a page at a time and tallied as read (feedbackQualityOf), so the report's memory is a page and a tally
  // per provider and band, however many responses the council's year holds.
  const byProviderBand = new Map<string, { providerId: string; sizeBand: SizeBand; quality: FeedbackQualityTally }>()
  const scope = { councilId, instrumentVersion: instrument.version, ...period }
  for await (const r of eachResponseIn(deps.db, scope, RESPONSES_PER_PAGE)) {
    const key = `${r.providerId} ${r.sizeBand}`
    let unit = byProviderBand.get(key)
    if (unit === undefined) {
      unit = { providerId: r.providerId, sizeBand: r.sizeBand, quality: feedbackQualityOf(instrument) }
      byProviderBand.set(key, unit)
    }
    unit.quality.add(r)
  }
  const withFeedback = new Set([...byProviderBand.values()].map((u) => u.providerId))
  // Active providers, and any that left but had feedback in the period (their price and outcomes were real).
  const rows = await listProviderPrices(deps.db, councilId, [...withFeedback])
  const priceOf = new Map(rows.map((p) => [p.id, p.hourlyPricePence === null ? null : p.hourlyPricePence / 100]))
  const values: ProviderValue[] = [
    ...[...byProviderBand.values()].map((unit) => ({
      sizeBand: unit.sizeBand,
      hourlyPrice: priceOf.get(unit.providerId) ?? null,
      ...qualityOf(unit.quality.result())
    })),
    ...rows
      .filter((p) => !withFeedback.has(p.id))
      .map((p) => ({
        sizeBand: p.sizeBand,
        hourlyPrice: priceOf.get(p.id) ?? null,
        quality: null,
        gain: null
      }))
  ]
  const bands = summariseValueForMoney(values).map((band) => hideThinFigures(band, MIN_GROUP_SIZE))
  const hidden = bands.flatMap((b) => (b.suppressed ? [`${b.sizeBand} providers`] : []))
  return {
    councilId,
    councilName: await councilName(deps.db, councilId),
    period,
    schemeVersion,
    instrumentVersion: instrument.version,
    minGroupSize: MIN_GROUP_SIZE,
    bands,
    notes: hidden.length > 0 ? [suppressionNote(MIN_GROUP_SIZE, 'providers', hidden)] : []
  }
}
