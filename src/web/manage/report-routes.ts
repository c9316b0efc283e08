// The reports page (README: Reports in the portal), registered at /manage/reports: a GET form (which report, the
// period, the question), the results as GOV.UK tables with the API's own chart inline (its title and description
// read out, the numbers also in the tables), the API's CSV as the download, and a print layout for a committee
// paper (src/web/assets/app.scss). The same use cases as src/http/routes/reports.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { reportOperations } from '../../use-cases/reports/operations.js'
import { listOutcomeQuestions, reportOutcomesBySize } from '../../use-cases/reports/outcomes-by-size.js'
import {
  renderOperationsChart,
  renderOutcomesChart,
  renderValueForMoneyChart
} from '../../render/report-charts.js'
import type { PeriodQuery } from '../../use-cases/reports/report-scope.js'
import { reportValueForMoney } from '../../use-cases/reports/value-for-money.js'
import { checkDateParts, dateItems, type DateParts, type ReadDate } from '../date-input.js'
import { layoutOf, type PageView } from '../layout.js'
import { useHtmlErrorPages } from '../plugin.js'
import { MANAGE_HOME, manageNavigation, staffCtx } from '../portal.js'
import { isDomainError } from '../../domain/errors.js'
import { operationsTables, outcomesTables, valueForMoneyTables, type ReportTable } from './report-tables.js'

const REPORTS = `${MANAGE_HOME}/reports`
const KINDS = {
  operations: { title: 'Scheme operations', api: 'operations' },
  value: { title: 'Value for money', api: 'value-for-money' },
  outcomes: { title: 'Outcomes by provider size', api: 'outcomes-by-size' }
} as const
type Kind = keyof typeof KINDS
const KIND_LIST: readonly Kind[] = ['operations', 'value', 'outcomes']
const isKind = (k: string): k is Kind => (KIND_LIST as readonly string[]).includes(k)

interface Results {
  title: string
  notes: readonly string[]
  charts: readonly string[]
  tables: readonly ReportTable[]
  csvHref: string
}

export interface ReportsView extends PageView {
  kinds: Array<{ value: string, text: string, checked: boolean }>
  from: ReturnType<typeof dateItems>
  to: ReturnType<typeof dateItems>
  items: Array<{ value: string, text: string, selected: boolean }>
  errors: Record<string, string>
  errorList: Array<{ text: string, href: string }>
  /** the charts are the API's own SVG (src/render/bar-chart-svg.ts: every value escaped) */
  results: Results | null
}

declare module '../views.js' {
  interface PageViews {
    'manage-reports': ReportsView
  }
}

const part = z.string().max(10).optional()
const query = z.object({
  report: z.string().max(20).optional(),
  'from-day': part,
  'from-month': part,
  'from-year': part,
  'to-day': part,
  'to-month': part,
  'to-year': part,
  item: z.string().max(60).optional()
})
type Query = z.infer<typeof query>

const partsOf = (q: Query, name: 'from' | 'to'): DateParts =>
  ({ day: q[`${name}-day`] ?? '', month: q[`${name}-month`] ?? '', year: q[`${name}-year`] ?? '' })

/** The API's query for the same report, for the CSV link. */
function apiHref (kind: Kind, period: { from: string, to: string }, item: string): string {
  const q = new URLSearchParams({ format: 'csv', from: period.from, to: period.to })
  if (kind === 'outcomes') q.set('item', item)
  return `/api/v1/reports/${KINDS[kind].api}?${q.toString()}`
}

/** Each chart's title and description get ids of their own, as a page may show two charts. */
const ownIds = (svg: string, n: number) =>
  svg.replaceAll('"chart-title', `"chart-${n}-title`).replaceAll('chart-desc"', `chart-${n}-desc"`)

const results = (kind: Kind, notes: readonly string[], charts: string[], tables: ReportTable[], csvHref: string) =>
  ({ title: KINDS[kind].title, notes, charts: charts.map(ownIds), tables, csvHref })

async function run (deps: Deps, ctx: Ctx, kind: Kind, p: PeriodQuery, item: string): Promise<Results> {
  if (kind === 'operations') {
    const r = await reportOperations(deps, ctx, p)
    return results(kind, [], [renderOperationsChart(r)], operationsTables(r), apiHref(kind, r.period, item))
  }
  if (kind === 'value') {
    const r = await reportValueForMoney(deps, ctx, p)
    return results(kind, r.notes, [renderValueForMoneyChart(r)], valueForMoneyTables(r), apiHref(kind, r.period, item))
  }
  const r = await reportOutcomesBySize(deps, ctx, { ...p, item })
  const charts = [renderOutcomesChart(r, 'micro_vs_others'), renderOutcomesChart(r, 'size_band')]
  const shown = results(kind, r.notes, charts, outcomesTables(r), apiHref(kind, r.period, item))
  return { ...shown, title: `${shown.title}: ${r.item.question}` }
}

export const manageReportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)

  app.get('/', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const q = request.query
    const asked = q.report !== undefined
    const kind: Kind = q.report !== undefined && isKind(q.report) ? q.report : 'operations'
    const item = (q.item ?? '').trim().toUpperCase()
    const from: ReadDate = checkDateParts(partsOf(q, 'from'), 'The start of the period')
    const to: ReadDate = checkDateParts(partsOf(q, 'to'), 'The end of the period')
    const errors: Record<string, string> = {}
    if (asked && !isKind(q.report ?? '')) errors.report = 'Select a report'
    if (from.error !== null) errors.from = from.error
    if (to.error !== null) errors.to = to.error
    if (from.value !== null && to.value !== null && from.value > to.value) {
      errors.from = 'The start of the period must be on or before its end'
    }
    if (kind === 'outcomes' && item === '') errors.item = 'Select the question to compare'
    let shown: Results | null = null
    if (Object.keys(errors).length === 0) {
      try {
        shown = await run(deps, ctx, kind, { from: from.value ?? undefined, to: to.value ?? undefined }, item)
      } catch (e) {
        // REPORT_ITEM_UNKNOWN names the questions there are (src/use-cases/reports/outcomes-by-size.ts).
        const known = isDomainError(e) ? e.errors?.find((p) => p.path === 'item')?.message : undefined
        if (known === undefined) throw e
        errors.item = `Select a question from the list: ${item} is not one of ${known.replace(/^expected one of /, '')}`
      }
    }
    const questions = await listOutcomeQuestions(deps, ctx)
    const title = 'Reports'
    const hasErrors = Object.keys(errors).length > 0
    return await reply.page(hasErrors ? 400 : 200, 'manage-reports', {
      layout: layoutOf({ title, hasErrors, navigation: manageNavigation(REPORTS) }),
      kinds: KIND_LIST.map((k) => ({ value: k, text: KINDS[k].title, checked: k === kind })),
      from: dateItems(from.parts, from.error !== null || errors.from !== undefined),
      to: dateItems(to.parts, to.error !== null),
      items: [
        { value: '', text: 'Choose a question', selected: item === '' },
        ...questions.map((x) => ({ value: x.code, text: `${x.question} (${x.code})`, selected: x.code === item }))
      ],
      errors,
      errorList: Object.entries(errors).map(([field, text]) => ({
        text,
        href: field === 'from' || field === 'to' ? `#${field}-day` : `#${field}`
      })),
      results: shown
    })
  })
}
