// Limiters that cap or block an award: open safeguarding concern, recent upheld serious concern, CQC rating
// (src/domain/README.md: scoring, "then the limiters").
import type { CqcRating, LevelCap } from '../scheme/enums.js'
import type { Limiters } from '../scheme/scheme-document.js'
import { addMonthsToDate } from './calendar.js'
import type { Failure } from './reasons.js'
import type { ConcernInput } from './scoring-input.js'

export interface LimiterApplied {
  readonly code: 'SAFEGUARDING_CONCERN_OPEN' | 'UPHELD_CONCERN' | 'CQC_RATING'
  readonly cap: LevelCap
  readonly message: string
}

const CQC_LABEL: Record<CqcRating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate'
}

const describeCap = (cap: LevelCap): string => (cap === 'block' ? 'blocks any award' : `caps the award at ${cap}`)

/** Open at the date: still open, or closed only after it (a what-if on a past date sees the past). */
const isOpenOn = (concern: ConcernInput, onDate: string): boolean =>
  concern.raisedOn <= onDate && (concern.status === 'open' || (concern.closedOn != null && concern.closedOn > onDate))

/** The most recent decided concern that the scheme counts against the provider within its look-back. */
function findLatestUpheld (limiters: Limiters, concerns: readonly ConcernInput[], onDate: string): string | undefined {
  const { severities, outcomes, lookbackMonths } = limiters.upheldConcern
  let latest: string | undefined
  for (const concern of concerns) {
    if (!severities.includes(concern.severity) || concern.outcome == null || !outcomes.includes(concern.outcome)) {
      continue
    }
    if (isOpenOn(concern, onDate)) continue
    const decidedOn = concern.closedOn ?? concern.raisedOn
    if (latest === undefined || decidedOn > latest) latest = decidedOn
  }
  // Only the latest can fall in the look-back window: one date calculation at most.
  return latest !== undefined && latest >= addMonthsToDate(onDate, -lookbackMonths) ? latest : undefined
}

export function findLimitersApplying (
  limiters: Limiters,
  concerns: readonly ConcernInput[],
  cqcRating: CqcRating | null,
  onDate: string
): LimiterApplied[] {
  const applied: LimiterApplied[] = []
  if (concerns.some((c) => c.severity === 'safeguarding' && isOpenOn(c, onDate))) {
    const cap = limiters.openSafeguardingConcern
    applied.push({
      code: 'SAFEGUARDING_CONCERN_OPEN',
      cap,
      message: `an open safeguarding concern ${describeCap(cap)}`
    })
  }
  const upheld = findLatestUpheld(limiters, concerns, onDate)
  if (upheld !== undefined) {
    const { cap, lookbackMonths } = limiters.upheldConcern
    applied.push({
      code: 'UPHELD_CONCERN',
      cap,
      message: `a serious concern upheld on ${upheld} (within ${lookbackMonths} months) ${describeCap(cap)}`
    })
  }
  const cqcCap = cqcRating === null ? undefined : limiters.cqcCaps[cqcRating]
  if (cqcRating !== null && cqcCap !== undefined) {
    applied.push({
      code: 'CQC_RATING',
      cap: cqcCap,
      message: `a CQC rating of ${CQC_LABEL[cqcRating]} ${describeCap(cqcCap)}`
    })
  }
  return applied
}

export const toFailure = (limiter: LimiterApplied): Failure => ({
  code: limiter.code,
  message: limiter.message,
  actual: limiter.cap
})
