// "Outcomes by provider size" from real responses: one instrument item's answers for micro versus all other
// providers and per size band, with chi-square and Fisher's exact tests (src/domain/README.md: Reports,
// the research report's appendix table). The statistics and the suppression of groups under 3 are the domain's.
import { DomainError } from '../../domain/errors.js'
import type { Instrument, ScaleItem } from '../../domain/feedback/index.js'
import { analyseOutcomesBySize, type GroupComparison, type OutcomesBySize } from '../../domain/reports/index.js'
import type { Ctx, Deps } from '../context.js'
import { councilName } from '../../db/stores/council-names.js'
import { listAnswersTo } from '../../db/stores/reports.js'
import { lowExpectedWarning, suppressionNote } from './report-notes.js'
import {
  loadReportInstrument,
  requireReportCouncil,
  resolvePeriod,
  type PeriodQuery,
  type ReportPeriod
} from './report-scope.js'

export interface OutcomesQuery extends PeriodQuery {
  item: string
  schemeVersion?: number | undefined
}

export interface AnswerLevel {
  value: string
  label: string
  score: number | null
}

export interface OutcomesReport extends Omit<OutcomesBySize, 'microVersusOthers' | 'bySizeBand'> {
  councilId: string
  councilName: string
  period: ReportPeriod
  schemeVersion: number
  instrumentVersion: number
  item: { code: string; question: string }
  answers: AnswerLevel[]
  microVersusOthers: LabelledComparison
  bySizeBand: LabelledComparison
  /** Which groups are hidden and why, and when a test's expected counts are too small: shown in every form. */
  notes: string[]
}

export const COMPARISON_NAMES = { microVersusOthers: 'Micro versus others', bySizeBand: 'By size band' } as const

function outcomesNotes (report: Omit<OutcomesReport, 'notes'>): string[] {
  const comparisons = [['microVersusOthers', report.microVersusOthers], ['bySizeBand', report.bySizeBand]] as const
  const hidden = [
    ...new Set(comparisons.flatMap(([, c]) => c.rows.flatMap((row) => (row.suppressed ? [row.label] : []))))
  ]
  return [
    ...(hidden.length > 0 ? [suppressionNote(report.minGroupSize, 'providers or responses', hidden)] : []),
    ...comparisons.flatMap(([key, c]) => lowExpectedWarning(COMPARISON_NAMES[key], c.chiSquare) ?? [])
  ]
}

export type LabelledComparison = Omit<GroupComparison, 'rows'> & {
  rows: Array<GroupComparison['rows'][number] & { label: string }>
}

/** Plain names of the compared groups, for tables, CSV headers and charts. */
export const GROUP_LABELS: Record<string, string> = {
  micro: 'Micro providers',
  others: 'All other providers',
  small: 'Small providers',
  medium: 'Medium providers',
  large: 'Large providers'
}

/** The item must be a question with an answer scale (free text cannot be cross-tabulated): else 422 naming `item`. */
export function requireScaleItem (instrument: Instrument, code: string): { item: ScaleItem; answers: AnswerLevel[] } {
  const item = instrument.items.find((i) => i.code === code)
  if (item?.kind !== 'scale') {
    const codes = instrument.items.filter((i) => i.kind === 'scale').map((i) => i.code)
    throw new DomainError(
      'REPORT_ITEM_UNKNOWN',
      'invalid',
      `${code} is not an answer-scale question of instrument version ${instrument.version}`,
      {
        errors: [{ path: 'item', message: `expected one of ${codes.join(', ')}` }]
      }
    )
  }
  const scale = instrument.scales.find((s) => s.code === item.scale)
  return {
    item,
    answers: (scale?.answers ?? []).map((a) => ({ value: a.value, label: a.wording.plain, score: a.score }))
  }
}

const labelRows = (comparison: GroupComparison): LabelledComparison => ({
  ...comparison,
  rows: comparison.rows.map((row) => ({ ...row, label: GROUP_LABELS[row.group] ?? row.group }))
})

/** The questions the report can compare: the answer-scale items of the current instrument, in its order. */
export async function listOutcomeQuestions (deps: Deps, ctx: Ctx): Promise<Array<{ code: string; question: string }>> {
  const { instrument } = await loadReportInstrument(deps.db, requireReportCouncil(ctx), undefined)
  return instrument.items.flatMap((i) => (i.kind === 'scale' ? [{ code: i.code, question: i.wording.plain }] : []))
}

export async function reportOutcomesBySize (deps: Deps, ctx: Ctx, query: OutcomesQuery): Promise<OutcomesReport> {
  const councilId = requireReportCouncil(ctx)
  const period = resolvePeriod(query, ctx.now)
  const { schemeVersion, instrument } = await loadReportInstrument(deps.db, councilId, query.schemeVersion)
  const { item, answers } = requireScaleItem(instrument, query.item)

  // The size band is the provider's band when the response was given (kept on the response), so last year's figures
  // do not change when a provider grows or the council moves its micro bound.
  const rows = await listAnswersTo(deps.db, { councilId, instrumentVersion: instrument.version, ...period }, item.code)
  // Only answers on the item's scale count (a response skipping the item is left out, as the research did).
  const known = new Set(answers.map((a) => a.value))
  const responses = rows
    .filter((r) => known.has(r.answer))
    .map((r) => ({ providerId: r.providerId, sizeBand: r.sizeBand, answer: r.answer }))
  const analysis = analyseOutcomesBySize(
    responses,
    answers.map((a) => a.value)
  )
  const report = {
    councilId,
    councilName: await councilName(deps.db, councilId),
    period,
    schemeVersion,
    instrumentVersion: instrument.version,
    item: { code: item.code, question: item.wording.plain },
    answers,
    minGroupSize: analysis.minGroupSize,
    microVersusOthers: labelRows(analysis.microVersusOthers),
    bySizeBand: labelRows(analysis.bySizeBand)
  }
  return { ...report, notes: outcomesNotes(report) }
}
