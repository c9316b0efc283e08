// Routes of the reports (README: Reports): outcomes by provider size, value for money and scheme operations, each as
// JSON or CSV (?format=csv or Accept: text/csv) and as an SVG chart; co-ordinators and reviewers of the council only.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import Negotiator from 'negotiator'
import type { Deps } from '../../use-cases/context.js'
import { reportOperations } from '../../use-cases/reports/operations.js'
import { reportOutcomesBySize } from '../../use-cases/reports/outcomes-by-size.js'
import {
  renderOperationsChart,
  renderOutcomesChart,
  renderValueForMoneyChart
} from '../../render/report-charts.js'
import { renderOperationsCsv, renderOutcomesCsv, renderValueForMoneyCsv } from '../../render/report-csv.js'
import { reportValueForMoney } from '../../use-cases/reports/value-for-money.js'
import { sendFile } from '../file-reply.js'
import { staffRoles } from '../plugins/auth.js'
import { problemResponses } from '../schemas/problem.js'
import {
  operationsChartQuery,
  operationsQuery,
  operationsReportSchema,
  outcomesChartQuery,
  outcomesQuery,
  outcomesReportSchema,
  valueForMoneyChartQuery,
  valueForMoneyQuery,
  valueForMoneyReportSchema
} from '../schemas/reports.js'
import { ctxOf } from './context.js'

const tags = ['reports']
const JSON_TYPE = 'application/json'
const CSV_TYPE = 'text/csv'

/** ?format wins; otherwise the Accept header, with JSON when it has no preference (RFC 9110 §12.5.1). */
function wantsCsv (request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv'
  return new Negotiator(request).mediaType([JSON_TYPE, CSV_TYPE]) === CSV_TYPE
}

async function sendReport<R> (
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'json' | 'csv' | undefined,
  report: R,
  csv: (r: R) => string,
  name: string
) {
  reply.header('vary', 'Accept').header('cache-control', 'private, no-store')
  if (!wantsCsv(request, format)) return report
  return await sendFile(reply, { type: `${CSV_TYPE}; charset=utf-8`, filename: `${name}.csv` }, csv(report))
}

async function sendChart (reply: FastifyReply, svg: string, name: string) {
  return await sendFile(reply, { type: 'image/svg+xml; charset=utf-8', filename: `${name}.svg`, inline: true }, svg)
}

const fileName = (report: string, period: { from: string; to: string }, item?: string) =>
  [report, item, period.from, period.to].filter(Boolean).join('-')

export const reportRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const route = { config: { roles: staffRoles } }
  const produces = [JSON_TYPE, CSV_TYPE]
  const svg = { produces: ['image/svg+xml'] }
  // src/use-cases/reports/report-scope.ts: the scheme version asked for, or the current one
  const instrumentCodes = ['NOT_FOUND', 'SCHEME_NOT_PUBLISHED'] as const
  const outcomesCodes = problemResponses(...instrumentCodes, 'REPORT_ITEM_UNKNOWN')

  app.get(
    '/outcomes-by-size',
    {
      ...route,
      schema: {
        tags,
        produces,
        summary:
          "One instrument item's answers for micro versus other providers and per size band, " +
          'with chi-square and Fisher tests',
        querystring: outcomesQuery,
        response: { 200: outcomesReportSchema, ...outcomesCodes }
      }
    },
    async (request, reply) => {
      const report = await reportOutcomesBySize(deps, ctxOf(request), request.query)
      return await sendReport(
        request,
        reply,
        request.query.format,
        report,
        renderOutcomesCsv,
        fileName('outcomes-by-size', report.period, report.item.code)
      )
    }
  )

  app.get(
    '/outcomes-by-size/chart.svg',
    {
      ...route,
      schema: {
        tags,
        summary: 'Bar chart of outcomes by provider size (SVG, with title, description and text labels)',
        querystring: outcomesChartQuery,
        ...svg,
        response: outcomesCodes
      }
    },
    async (request, reply) => {
      const report = await reportOutcomesBySize(deps, ctxOf(request), request.query)
      return await sendChart(
        reply,
        renderOutcomesChart(report, request.query.groups),
        fileName('outcomes-by-size', report.period, report.item.code)
      )
    }
  )

  app.get(
    '/value-for-money',
    {
      ...route,
      schema: {
        tags,
        produces,
        summary: 'Hourly price against feedback quality Q and gain G, by size band (median and interquartile range)',
        querystring: valueForMoneyQuery,
        response: { 200: valueForMoneyReportSchema, ...problemResponses(...instrumentCodes) }
      }
    },
    async (request, reply) => {
      const report = await reportValueForMoney(deps, ctxOf(request), request.query)
      return await sendReport(
        request,
        reply,
        request.query.format,
        report,
        renderValueForMoneyCsv,
        fileName('value-for-money', report.period)
      )
    }
  )

  app.get(
    '/value-for-money/chart.svg',
    {
      ...route,
      schema: {
        tags,
        summary: 'Bar chart of value for money by size band (SVG)',
        querystring: valueForMoneyChartQuery,
        ...svg,
        response: problemResponses(...instrumentCodes)
      }
    },
    async (request, reply) => {
      const report = await reportValueForMoney(deps, ctxOf(request), request.query)
      return await sendChart(reply, renderValueForMoneyChart(report), fileName('value-for-money', report.period))
    }
  )

  app.get(
    '/operations',
    {
      ...route,
      schema: {
        tags,
        produces,
        summary:
          'Awards by level, assessments by state, median days per stage, awards and evidence expiring in 30/60/90 days',
        querystring: operationsQuery,
        response: { 200: operationsReportSchema }
      }
    },
    async (request, reply) => {
      const report = await reportOperations(deps, ctxOf(request), request.query)
      return await sendReport(
        request,
        reply,
        request.query.format,
        report,
        renderOperationsCsv,
        fileName('operations', report.period)
      )
    }
  )

  app.get(
    '/operations/chart.svg',
    {
      ...route,
      schema: { tags, summary: 'Bar chart of scheme operations (SVG)', querystring: operationsChartQuery, ...svg }
    },
    async (request, reply) => {
      const report = await reportOperations(deps, ctxOf(request), request.query)
      return await sendChart(reply, renderOperationsChart(report), fileName('operations', report.period))
    }
  )
}
