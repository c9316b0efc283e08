// How one checklist item reads to the provider and the co-ordinator: whether it applies, the piece that speaks for
// it, its status, the co-ordinator's note and when it expires (src/domain/README.md: Evidence).
import type { EvidenceStatus } from '../scheme/enums.js'
import { pickItemEvidence, type StoredEvidenceStatus } from './evidence-rules.js'

export type ChecklistItemStatus = EvidenceStatus | 'not_applicable'

export interface ItemPiece {
  id: string
  status: StoredEvidenceStatus
  createdAt: Date
  expiresOn: string | null
  noExpiry: boolean
  reviewerNote: string | null
}

export interface ChecklistItemState {
  status: ChecklistItemStatus
  note: string | null
  expiresOn: string | null
}

export function describeChecklistItem (applicable: boolean, given: readonly ItemPiece[]): ChecklistItemState {
  const current = pickItemEvidence(given)
  return {
    // src/domain/README.md: items whose appliesWhen is false are marked not applicable.
    status: !applicable ? 'not_applicable' : (current?.status ?? 'missing'),
    note: current?.reviewerNote ?? null,
    expiresOn: current === undefined || current.noExpiry ? null : current.expiresOn
  }
}
