// Limiter items that have lapsed on a date, for the monitoring jobs that suspend awards after the grace period
// (src/domain/README.md: limiters "if it lapses the award is suspended"; award lifecycle "evidence lapsed past a 14-day
// grace").
import { isItemApplicable } from '../scheme/applicability.js'
import type { SchemeDocument } from '../scheme/scheme-document.js'
import { addDaysToDate } from './calendar.js'
import { judgeEvidence, type ItemReasonCode } from './evidence-validity.js'
import type { EvidenceState, ProviderProfile } from './scoring-input.js'

export interface LapsedLimiter {
  readonly item: string
  readonly reasonCode: ItemReasonCode
  /** "DBS_ENH expired on 2026-03-01" */
  readonly message: string
  /** Last valid day when the lapse is an expiry; null when the evidence is missing, unverified or rejected. */
  readonly expiredOn: string | null
  /** Last day of the grace period (expiredOn + grace days); null when there is no expiry to count from. */
  readonly graceEndsOn: string | null
  /** The grace period is over: the monitoring job suspends the award. */
  readonly pastGrace: boolean
}

/** Applicable limiter items not met on `onDate`, in checklist order. */
export function findLapsedLimiters (
  scheme: SchemeDocument,
  profile: Pick<ProviderProfile, 'flags'>,
  evidence: Readonly<Record<string, EvidenceState>>,
  onDate: string
): LapsedLimiter[] {
  const lapsed: LapsedLimiter[] = []
  for (const item of scheme.checklist) {
    if (!item.limiter || !isItemApplicable(item, profile.flags)) continue
    const judgement = judgeEvidence(item, evidence[item.code], onDate)
    if (judgement.met) continue
    const graceEndsOn =
      judgement.expiresOn === null ? null : addDaysToDate(judgement.expiresOn, scheme.settings.gracePeriodDays)
    lapsed.push({
      item: item.code,
      reasonCode: judgement.reasonCode,
      message: `${item.code} ${judgement.reason}`,
      expiredOn: judgement.expiresOn,
      graceEndsOn,
      pastGrace: graceEndsOn !== null && onDate > graceEndsOn
    })
  }
  return lapsed
}
