// What the monitoring planners return: each planned action carries a deterministic key, so the scheduler can
// insert it once (unique key) and two service instances never both act on it (README: Concerns, appeals and monitoring:
// idempotent jobs).
export interface PlannedAction {
  /** e.g. "evidence-reminder:ev-1:2025-06-30:30"; the same facts always give the same key. */
  key: string
}

export const plannedActionKey = (kind: string, ...parts: Array<string | number>): string => [kind, ...parts].join(':')
