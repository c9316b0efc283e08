// Rules for evidence against a checklist item: when it may be given or reviewed, what it must carry, and how a
// co-ordinator's review moves it (src/domain/README.md: Evidence, scoring "met"). Pure: dates come in as arguments.
import { z } from 'zod'
import { DomainError, err, ok, type CodeOfKind, type Result } from '../errors.js'
import { isItemApplicable, type OfferingFlags } from '../scheme/applicability.js'
import type { EvidenceKind } from '../scheme/enums.js'
import type { ChecklistItem } from '../scheme/scheme-document.js'
import { computeEvidenceExpiry } from '../scoring/evidence-validity.js'
import { defineLifecycle } from '../workflow/lifecycle.js'
import type { AssessmentState } from '../workflow/assessment-lifecycle.js'
import type { AwardState } from '../workflow/award-lifecycle.js'
import { isLiveAward } from '../workflow/award-states.js'

export const EvidenceReviewEvent = z.enum(['verify', 'reject', 'request_info'])
export type EvidenceReviewEvent = z.infer<typeof EvidenceReviewEvent>
export type StoredEvidenceStatus = 'submitted' | 'verified' | 'rejected' | 'info_requested'

/** A rejected or queried piece stays as history; the provider answers with a new submission. */
export const evidenceLifecycle = defineLifecycle<StoredEvidenceStatus, EvidenceReviewEvent>(
  'evidence',
  EvidenceReviewEvent.options,
  {
    submitted: { verify: 'verified', reject: 'rejected', request_info: 'info_requested' },
    info_requested: { verify: 'verified', reject: 'rejected' },
    verified: {},
    rejected: {}
  }
)

/** Evidence is given until the review is finished, and reviewed while it is under review. */
const SUBMITTABLE_IN: readonly AssessmentState[] = ['draft', 'submitted', 'under_review', 'info_requested']
const REVIEWABLE_IN: readonly AssessmentState[] = ['under_review', 'info_requested']

/**
 * Between assessments a live mark is kept by renewing what runs out: on the decided assessment behind an active,
 * renewal-due or suspended award, a provider may send new evidence for an item whose evidence is valid for a
 * period (insurance, a DBS check), and a co-ordinator reviews it there. Once verified it speaks for the item
 * (pickItemEvidence: the verified piece lasting longest), so reminders follow its new date and a lapse ends.
 */
export interface KeepingMark {
  /** the state of the award the assessment led to; null when it led to none */
  awardState: AwardState | null
}

const keepsALiveMark = <K extends KeepingMark>(state: AssessmentState, keeping: K | undefined): keeping is K =>
  state === 'decided' && keeping !== undefined && keeping.awardState !== null && isLiveAward(keeping.awardState)

/** Whether an item's evidence can be renewed between assessments: it is valid for a period. */
export const isRenewableItem = (item: Pick<ChecklistItem, 'validityMonths'>): boolean => item.validityMonths !== null

/** An open assessment takes evidence for any item; one behind a live mark, for its renewable items. */
export function checkEvidenceSubmittable (
  state: AssessmentState,
  keeping?: KeepingMark & { item: Pick<ChecklistItem, 'validityMonths'> }
): Result<true> {
  if (keepsALiveMark(state, keeping) && isRenewableItem(keeping.item)) return ok(true)
  return checkState(SUBMITTABLE_IN, state, 'submit_evidence')
}

/** Whether new evidence may be sent at all: to an open assessment, or to keep a live mark. */
export const acceptsEvidence = (state: AssessmentState, keeping?: KeepingMark): boolean =>
  SUBMITTABLE_IN.includes(state) || keepsALiveMark(state, keeping)

/** Evidence is reviewed while the assessment is under review, or behind a live mark (what was sent to keep it). */
export function checkEvidenceReviewable (state: AssessmentState, keeping?: KeepingMark): Result<true> {
  if (keepsALiveMark(state, keeping)) return ok(true)
  return checkState(REVIEWABLE_IN, state, 'review_evidence')
}

function checkState (allowed: readonly AssessmentState[], state: AssessmentState, action: string): Result<true> {
  if (allowed.includes(state)) return ok(true)
  return err(
    new DomainError(
      'ASSESSMENT_TRANSITION_NOT_ALLOWED',
      'conflict',
      `Cannot ${action}: the assessment is ${state} (possible when it is ${allowed.join(', ')})`,
      {
        details: { from: state, action, allowed: [] }
      }
    )
  )
}

export interface EvidenceSubmission {
  kind: EvidenceKind
  narrative?: string | null | undefined
  issuedOn?: string | null | undefined
  expiresOn?: string | null | undefined
  noExpiry?: boolean | undefined
}

const invalid = (code: CodeOfKind<'invalid'>, path: string, message: string) =>
  err(new DomainError(code, 'invalid', message, { errors: [{ path, message }] }))

/**
 * Checks a submission against its item and returns the expiry to record: the date given, else the issue date plus
 * the item's validity; none when the item does not expire or its waiver is claimed (DBS on the update service).
 */
export function checkEvidenceSubmission (
  item: ChecklistItem,
  flags: OfferingFlags,
  input: EvidenceSubmission,
  byStaff: boolean
): Result<{ expiresOn: string | null; noExpiry: boolean }> {
  if (!isItemApplicable(item, flags)) {
    return invalid('ITEM_NOT_APPLICABLE', 'itemCode', `${item.code} does not apply to this provider`)
  }
  if (!item.evidenceKinds.includes(input.kind)) {
    return invalid('EVIDENCE_KIND_NOT_ACCEPTED', 'kind', `${item.code} accepts ${item.evidenceKinds.join(', ')}`)
  }
  // src/domain/README.md: an observation is the co-ordinator's own.
  if (input.kind === 'observation' && !byStaff) {
    return invalid('OBSERVATION_BY_STAFF_ONLY', 'kind', 'only a co-ordinator records an observation')
  }
  if (
    (input.kind === 'narrative' || input.kind === 'declaration' || input.kind === 'observation') &&
    (input.narrative ?? '').trim() === ''
  ) {
    return invalid('EVIDENCE_TEXT_REQUIRED', 'narrative', `a ${input.kind} needs its text`)
  }
  if (input.noExpiry === true && item.expiryWaivedBy === null) {
    return invalid('EXPIRY_WAIVER_NOT_ALLOWED', 'noExpiry', `${item.code} has no expiry waiver`)
  }
  if (input.issuedOn != null && input.expiresOn != null && input.expiresOn < input.issuedOn) {
    return invalid('EVIDENCE_DATES_INVERTED', 'expiresOn', 'must not be before issuedOn')
  }
  const noExpiry = input.noExpiry === true
  const expiresOn = computeEvidenceExpiry(item, { issuedOn: input.issuedOn, expiresOn: input.expiresOn, noExpiry })
  if (expiresOn === undefined) {
    return invalid('EVIDENCE_DATE_REQUIRED', 'issuedOn', `${item.code} expires: give its issue date or expiry date`)
  }
  return ok({ expiresOn, noExpiry })
}

interface EvidenceLike {
  id: string
  status: string
  createdAt: Date
  expiresOn: string | null
  noExpiry: boolean
}

/**
 * The piece that speaks for an item in scoring and the checklist: the verified piece lasting longest (a newer
 * certificate awaiting review must not hide a valid one), else the latest submission.
 */
export function pickItemEvidence<T extends EvidenceLike> (pieces: readonly T[]): T | undefined {
  const lasting = (e: T) => (e.noExpiry || e.expiresOn === null ? '9999-12-31' : e.expiresOn)
  const verified = pieces.filter((e) => e.status === 'verified').sort((a, b) => lasting(b).localeCompare(lasting(a)))
  if (verified[0] !== undefined) return verified[0]
  // On a tie in time, a piece awaiting review is the newer (it answers the review of the other); then by id, so
  // the choice never depends on the order rows come back in.
  const awaiting = (e: T) => (e.status === 'submitted' ? 1 : 0)
  return [...pieces].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || awaiting(b) - awaiting(a) || b.id.localeCompare(a.id)
  )[0]
}
