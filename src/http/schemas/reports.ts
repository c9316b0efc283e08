// The reports API contract (README: Reports): queries of the three reports and their charts, and the JSON bodies.
import { z } from 'zod'
import { AssessmentState } from '../../domain/workflow/index.js'
import { SizeBandSchema } from '../../domain/providers.js'
import { isoDateString, MAX_INT4 } from './common.js'

const periodFields = {
  from: isoDateString
    .optional()
    .describe('First day of the period (received_on), included; default: 12 months before `to`'),
  to: isoDateString.optional().describe('Last day of the period, included; default: today')
}
const schemeVersion = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_INT4)
  .optional()
  .describe(
    'Number of the published scheme version whose instrument labels the report and whose instrument version of ' +
      'responses is counted; default: the current one'
  )
const format = z
  .enum(['json', 'csv'])
  .optional()
  .describe('csv for a spreadsheet; otherwise chosen by the Accept header (text/csv or application/json)')
const itemCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must be an instrument item code such as OCC_NOW')
  .describe('Instrument item code, e.g. OCC_NOW, or OCC_AFFECT for the 2×2 yes/no table')

/** from after to is a malformed request: 400 naming `from`. */
const periodInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) =>
  q.from === undefined || q.to === undefined || q.from <= q.to
const periodProblem = { path: ['from'], message: 'must not be after to' }

export const outcomesQuery = z
  .strictObject({ item: itemCode, ...periodFields, schemeVersion, format })
  .refine(periodInOrder, periodProblem)
export const outcomesChartQuery = z
  .strictObject({
    item: itemCode,
    ...periodFields,
    schemeVersion,
    groups: z.enum(['micro_vs_others', 'size_band']).default('micro_vs_others').describe('Which comparison to draw')
  })
  .refine(periodInOrder, periodProblem)
export const valueForMoneyQuery = z
  .strictObject({ ...periodFields, schemeVersion, format })
  .refine(periodInOrder, periodProblem)
export const valueForMoneyChartQuery = z
  .strictObject({ ...periodFields, schemeVersion })
  .refine(periodInOrder, periodProblem)
export const operationsQuery = z.strictObject({ ...periodFields, format }).refine(periodInOrder, periodProblem)
export const operationsChartQuery = z.strictObject({ ...periodFields }).refine(periodInOrder, periodProblem)

const period = z.object({ from: z.iso.date(), to: z.iso.date() })
const councilName = z.string().describe("The council's name, as the CSV and the chart print it")
const notes = z
  .array(z.string())
  .describe('Which groups are hidden and why, and warnings about the tests; the CSV and the chart say the same')

const notComputed = z.object({
  computed: z.literal(false),
  reason: z.enum(['no_responses', 'one_group', 'one_answer', 'suppressed', 'not_2x2'])
})
export const chiSquareSchema = z
  .union([
    z.object({
      computed: z.literal(true),
      statistic: z.number(),
      degreesOfFreedom: z.number().int(),
      pValue: z.number(),
      lowExpectedShare: z
        .number()
        .describe('Share of cells with an expected count below 5: above 0.2 the approximation is doubtful')
    }),
    notComputed
  ])
  .meta({
    id: 'ChiSquareTest',
    description: "Pearson's chi-square test of independence, without continuity correction"
  })

export const fisherSchema = z
  .union([z.object({ computed: z.literal(true), pValue: z.number() }), notComputed])
  .meta({ id: 'FisherExactTest', description: "Fisher's exact test, two-sided; 2×2 tables only" })

const groupRow = z.union([
  z.object({
    group: z.string(),
    label: z.string(),
    suppressed: z.literal(false),
    n: z.number().int(),
    counts: z.array(z.number().int()).describe('Responses per answer, in the order of `answers`'),
    percentages: z.array(z.number().nullable()).describe("Per answer, of the group's responses")
  }),
  z.object({
    group: z.string(),
    label: z.string(),
    suppressed: z
      .literal(true)
      .describe('Fewer than 3 responses or 3 providers, or hidden so that such a group cannot be worked out')
  })
])

export const groupComparisonSchema = z
  .object({
    answers: z.array(z.string()),
    rows: z.array(groupRow),
    suppressedGroups: z.array(z.string()),
    chiSquare: chiSquareSchema,
    fisher: fisherSchema
  })
  .meta({
    id: 'GroupComparison',
    description: 'A contingency table of groups by answer with its tests, small groups suppressed'
  })

export const outcomesReportSchema = z
  .object({
    councilId: z.uuid(),
    councilName,
    period,
    schemeVersion: z.number().int(),
    instrumentVersion: z.number().int(),
    item: z.object({ code: z.string(), question: z.string() }),
    answers: z.array(z.object({ value: z.string(), label: z.string(), score: z.number().int().nullable() })),
    minGroupSize: z.number().int(),
    microVersusOthers: groupComparisonSchema,
    bySizeBand: groupComparisonSchema,
    notes
  })
  .meta({
    id: 'OutcomesBySizeReport',
    description: "One instrument item's answers by provider size, as in the research report's appendix Table 1"
  })

export const distributionSchema = z
  .object({
    n: z.number().int().describe('How many providers the figure rests on'),
    median: z.number(),
    lowerQuartile: z.number(),
    upperQuartile: z.number(),
    interquartileRange: z.number()
  })
  .meta({ id: 'DistributionSummary' })

const figure = distributionSchema.nullable()
export const valueForMoneyReportSchema = z
  .object({
    councilId: z.uuid(),
    councilName,
    period,
    schemeVersion: z.number().int(),
    instrumentVersion: z.number().int(),
    minGroupSize: z.number().int(),
    bands: z.array(
      z.union([
        z.object({
          sizeBand: SizeBandSchema,
          suppressed: z.literal(false),
          providers: z.number().int(),
          hourlyPrice: figure.describe('Pounds per hour'),
          quality: figure.describe('Feedback quality Q, 0–100'),
          gain: figure.describe('Gain G, −3 to +3'),
          hiddenFigures: z
            .array(z.enum(['hourlyPrice', 'quality', 'gain']))
            .describe('Figures resting on fewer than 3 providers, hidden')
        }),
        z.object({ sizeBand: SizeBandSchema, suppressed: z.literal(true) })
      ])
    ),
    notes
  })
  .meta({
    id: 'ValueForMoneyReport',
    description: 'Hourly price, Q and G by size band: medians and interquartile ranges'
  })

export const operationsReportSchema = z
  .object({
    councilId: z.uuid(),
    councilName,
    asOf: z.iso.date(),
    period,
    awardsByLevel: z.array(
      z.object({ level: z.enum(['gold', 'silver', 'bronze']), live: z.number().int(), suspended: z.number().int() })
    ),
    assessmentsByState: z.array(z.object({ state: AssessmentState, count: z.number().int() })),
    stageDurations: z.array(
      z.object({
        stage: AssessmentState,
        stays: z.number().int(),
        medianDays: z.number().nullable(),
        lowerQuartileDays: z.number().nullable(),
        upperQuartileDays: z.number().nullable()
      })
    ),
    expiring: z.array(z.object({ withinDays: z.number().int(), awards: z.number().int(), evidence: z.number().int() }))
  })
  .meta({
    id: 'OperationsReport',
    description: 'Awards by level, assessments by state, days per stage and what expires soon'
  })
