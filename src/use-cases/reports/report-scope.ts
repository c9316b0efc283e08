// What every report starts from: the co-ordinator's own council, the period asked for (or the last 12 months) and
// the feedback instrument of a published scheme version (src/domain/README.md: Reports; roles: "reports" are
// co-ordinators').
import { subYears } from 'date-fns'
import type { Queryable } from '../../db/client.js'
import { findPublishedByNumber } from '../../db/stores/reports.js'
import type { Instrument } from '../../domain/feedback/index.js'
import { formatCalendarDate, parseCalendarDate } from '../../domain/workflow/index.js'
import { notFound, requireStaff } from '../access.js'
import { isoDate, type Ctx } from '../context.js'
import { getCurrentPublishedScheme } from '../schemes.js'

export interface ReportPeriod {
  /** First and last day, both included (YYYY-MM-DD). */
  from: string
  to: string
}

export interface PeriodQuery {
  from?: string | undefined
  to?: string | undefined
}

/** The council whose data the report shows: always the actor's own (another council's data never shows). */
export const requireReportCouncil = (ctx: Ctx): string => requireStaff(ctx.actor).councilId

/** Missing bounds default to the 12 months up to today, so a chart link without a query still means something. */
export function resolvePeriod (query: PeriodQuery, now: Date): ReportPeriod {
  const to = query.to ?? isoDate(now)
  const from = query.from ?? formatCalendarDate(subYears(parseCalendarDate(to, 'to'), 1))
  return { from, to }
}

export interface ReportInstrument {
  schemeVersion: number
  instrument: Instrument
}

/**
 * The instrument whose wording labels the report: the numbered published scheme version, or the current one.
 * Only responses given with this instrument version are counted: another version's answers do not mean the same.
 */
export async function loadReportInstrument (
  q: Queryable,
  councilId: string,
  schemeVersion: number | undefined
): Promise<ReportInstrument> {
  if (schemeVersion === undefined) {
    const current = await getCurrentPublishedScheme(q, councilId)
    return { schemeVersion: current.number, instrument: current.document.instrument }
  }
  const row = await findPublishedByNumber(q, councilId, schemeVersion)
  if (row === undefined) throw notFound('Published scheme version')
  return { schemeVersion: row.number, instrument: row.document.instrument }
}
