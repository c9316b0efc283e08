// Whether an item's evidence counts on a date: "met" = verified and not expired at the decision date
// (src/domain/README.md: scoring).
// An expiry date is the last valid day: evidence expiring ON the decision date still counts that day.
import type { ChecklistItem } from '../scheme/scheme-document.js'
import { addMonthsToDate, toDatePart } from './calendar.js'
import type { EvidenceState } from './scoring-input.js'

export type ItemReasonCode =
  'MET' | 'NOT_APPLICABLE' | 'NO_EVIDENCE' | 'NOT_VERIFIED' | 'REJECTED' | 'EXPIRED' | 'NO_EXPIRY_DATE'

export interface EvidenceJudgement {
  readonly met: boolean
  readonly reasonCode: ItemReasonCode
  /** Human-readable, to follow the item code: "INS_PI not verified", "INS_PL expired on 2026-01-01". */
  readonly reason: string
  /** Last valid day; null when it does not expire or is unknown. */
  readonly expiresOn: string | null
}

/**
 * The last day evidence is valid: null when the item does not expire or the waiver holds (noExpiry on an item
 * with `expiryWaivedBy`); undefined when it expires but neither date is recorded. The evidence's own expiry
 * date (an insurance certificate's) wins; otherwise issue date + the item's validity (a DBS certificate has none).
 * The app may store this at verification so scoring need not recompute it.
 */
export function computeEvidenceExpiry (
  item: Pick<ChecklistItem, 'validityMonths' | 'expiryWaivedBy'>,
  evidence: Pick<EvidenceState, 'issuedOn' | 'expiresOn' | 'noExpiry'>
): string | null | undefined {
  if (item.validityMonths === null) return null
  if (evidence.noExpiry === true && item.expiryWaivedBy !== null) return null
  if (evidence.expiresOn != null) return evidence.expiresOn
  return evidence.issuedOn == null ? undefined : addMonthsToDate(evidence.issuedOn, item.validityMonths)
}

const judgement = (
  met: boolean,
  reasonCode: ItemReasonCode,
  reason: string,
  expiresOn: string | null = null
): EvidenceJudgement => ({ met, reasonCode, reason, expiresOn })

const NOT_APPLICABLE = judgement(false, 'NOT_APPLICABLE', 'not applicable')
const NO_EVIDENCE = judgement(false, 'NO_EVIDENCE', 'no evidence')
const NOT_VERIFIED = judgement(false, 'NOT_VERIFIED', 'not verified')
const REJECTED = judgement(false, 'REJECTED', 'evidence rejected')
const NO_EXPIRY_DATE = judgement(false, 'NO_EXPIRY_DATE', 'no issue or expiry date recorded')
const MET_FOR_GOOD = judgement(true, 'MET', 'met')

/** Judgements that carry no date: the same object every time, so per-item results can be built once per scheme. */
export const UNDATED_JUDGEMENTS: readonly EvidenceJudgement[] = [
  NOT_APPLICABLE,
  NO_EVIDENCE,
  NOT_VERIFIED,
  REJECTED,
  NO_EXPIRY_DATE,
  MET_FOR_GOOD
]
export { NOT_APPLICABLE }

export function judgeEvidence (
  item: ChecklistItem,
  evidence: EvidenceState | undefined,
  onDate: string
): EvidenceJudgement {
  if (evidence === undefined || evidence.status === 'missing') return NO_EVIDENCE
  if (evidence.status === 'rejected') return REJECTED
  if (evidence.status !== 'verified') return NOT_VERIFIED
  if (evidence.verifiedAt != null && toDatePart(evidence.verifiedAt) > onDate) {
    return judgement(false, 'NOT_VERIFIED', `not verified by ${onDate}`)
  }
  const expiresOn = computeEvidenceExpiry(item, evidence)
  if (expiresOn === null) return MET_FOR_GOOD
  if (expiresOn === undefined) return NO_EXPIRY_DATE
  return expiresOn < onDate
    ? judgement(false, 'EXPIRED', `expired on ${expiresOn}`, expiresOn)
    : judgement(true, 'MET', 'met', expiresOn)
}
