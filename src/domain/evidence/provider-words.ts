// How a checklist item reads on the provider's task list (README: For providers): its status in plain words, what
// it needs, whether it needs a date and why it applies. Pure: today comes in as an argument.
import type { AppliesWhen, ChecklistItem } from '../scheme/scheme-document.js'
import type { EvidenceKind, OfferingFlag } from '../scheme/enums.js'
import { isConditionMet, type OfferingFlags } from '../scheme/applicability.js'
import { addDaysToDate } from '../scoring/calendar.js'
import type { ChecklistItemStatus } from './checklist-item.js'

export type TaskStatus =
  'not_started' | 'in_progress' | 'sent' | 'verified' | 'more_information' | 'expiring' | 'expired' | 'not_applicable'

export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  sent: 'Sent',
  verified: 'Verified',
  more_information: 'More information needed',
  expiring: 'Expiring soon',
  expired: 'Expired',
  not_applicable: 'Not applicable'
}

export interface TaskStatusInput {
  /** The checklist item's status (src/domain/evidence/checklist-item.ts). */
  status: ChecklistItemStatus
  /** The kind of the piece that speaks for the item, and how many files it has. */
  kind: EvidenceKind | null
  files: number
  expiresOn: string | null
}

/**
 * The task list status. Verified evidence is "expiring" within `warnDays` of its last valid day (the scheme's
 * first reminder) and "expired" after it; a document or photos piece still without a file is "in progress".
 */
export function taskStatus (item: TaskStatusInput, today: string, warnDays: number): TaskStatus {
  switch (item.status) {
    case 'not_applicable': return 'not_applicable'
    case 'missing': return 'not_started'
    case 'rejected':
    case 'info_requested': return 'more_information'
    case 'submitted':
      return (item.kind === 'document' || item.kind === 'photos') && item.files === 0 ? 'in_progress' : 'sent'
    case 'verified':
      if (item.expiresOn === null) return 'verified'
      if (item.expiresOn < today) return 'expired'
      return item.expiresOn <= addDaysToDate(today, warnDays) ? 'expiring' : 'verified'
  }
}

const DOING: Readonly<Record<OfferingFlag, readonly [string, string]>> = {
  personalCare: ['you give personal care', 'you do not give personal care'],
  medication: ['you help people with medicines', 'you do not help people with medicines'],
  foodPreparation: ['you prepare food', 'you do not prepare food'],
  transport: ['you drive people', 'you do not drive people'],
  loneWorking: ['you work alone', 'you do not work alone'],
  handlesMoney: ['you handle people’s money', 'you do not handle people’s money'],
  employsStaff: ['you employ staff', 'you do not employ staff']
}

const joinWith = (word: string) => (parts: readonly string[]): string =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${word} ${parts.slice(-1).join('')}`
/** "a, b or c" and "a, b and c": a list in words, no comma before the last. */
export const joinOr = joinWith('or')
export const joinAnd = joinWith('and')

/** Why an item applies ("because you prepare food") or does not ("because you do not prepare food"). */
export function whyItApplies (when: AppliesWhen, flags: OfferingFlags): string {
  if (when.allOf.length === 0 && when.anyOf.length === 0) return 'Every provider needs this.'
  if (isConditionMet(when, flags)) {
    const held = [...when.allOf, ...when.anyOf.filter((f) => flags[f] === true)]
    return `You need this because ${joinAnd(held.map((f) => DOING[f][0]))}.`
  }
  const missing = when.allOf.filter((f) => flags[f] !== true)
  return missing.length > 0
    ? `Not needed because ${joinAnd(missing.map((f) => DOING[f][1]))}.`
    : `Not needed because none of these is true: ${joinOr(when.anyOf.map((f) => DOING[f][0]))}.`
}

const KIND_WORDS: Readonly<Record<EvidenceKind, string>> = {
  document: 'a document',
  declaration: 'a declaration',
  narrative: 'a short account',
  photos: 'photos',
  observation: 'a visit from your co-ordinator'
}

/** What the provider can send for an item ("a document or photos"); an observation is the co-ordinator's own. */
export const providerKinds = (item: Pick<ChecklistItem, 'evidenceKinds'>): EvidenceKind[] =>
  item.evidenceKinds.filter((k) => k !== 'observation')

export function whatItNeeds (item: Pick<ChecklistItem, 'evidenceKinds' | 'validityMonths'>): string {
  const kinds = joinOr(providerKinds(item).map((k) => KIND_WORDS[k]))
  const sentence = kinds === '' ? 'Your co-ordinator will check this on a visit.' : `Send ${kinds}.`
  return item.validityMonths === null ? sentence : `${sentence} It needs the date it was issued or runs out.`
}

/** "Professional indemnity insurance" → "professional indemnity insurance"; "DBS check" stays as it is. */
export const inSentence = (title: string): string =>
  /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title

/**
 * Which of the scheme's reminder windows (settings.evidenceReminderDays, e.g. 60, 30 and 7 days) a piece's last valid
 * day falls in: the shortest window that holds it, 'expired' once it has passed, null when it is further off or never
 * runs out. The "keeping the mark" page lists what to renew by these windows.
 */
export function renewalWindow (
  expiresOn: string | null,
  today: string,
  reminderDays: readonly number[]
): number | 'expired' | null {
  if (expiresOn === null) return null
  if (expiresOn < today) return 'expired'
  return [...reminderDays].sort((a, b) => a - b).find((d) => expiresOn <= addDaysToDate(today, d)) ?? null
}
