// Which checklist items apply to a provider, from its offering flags (src/domain/README.md: scoring, "applicable
// items").
import type { OfferingFlag } from './enums.js'
import type { AppliesWhen, ChecklistItem } from './scheme-document.js'

/** Offering flags as stored for a provider; a flag that is absent is false. */
export type OfferingFlags = Partial<Record<OfferingFlag, boolean>>

export function isConditionMet (when: AppliesWhen, flags: OfferingFlags): boolean {
  for (const flag of when.allOf) if (flags[flag] !== true) return false
  if (when.anyOf.length === 0) return true
  for (const flag of when.anyOf) if (flags[flag] === true) return true
  return false
}

export const isItemApplicable = (item: ChecklistItem, flags: OfferingFlags): boolean =>
  isConditionMet(item.appliesWhen, flags)

export const listApplicableItems = (checklist: readonly ChecklistItem[], flags: OfferingFlags): ChecklistItem[] =>
  checklist.filter((item) => isItemApplicable(item, flags))
