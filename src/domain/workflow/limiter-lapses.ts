// Suspending awards whose limiter evidence stays lapsed past the grace period (DOMAIN.md: Award, "suspended
// (evidence lapsed past a 14-day grace ...)"; DOMAIN.md: default scheme, limiter items; issue 4 §7).
import { transitionAward, type AwardState } from './award-lifecycle.js'
import { calendarDaysBetween, type CalendarDate } from './calendar-date.js'
import { plannedActionKey, type PlannedAction } from './planned-action.js'

/** Lapsed on 1 March with 14 days' grace: still in grace on 15 March, past it on 16 March. */
export function isPastGrace (lapsedOn: CalendarDate, today: CalendarDate, graceDays: number): boolean {
  return calendarDaysBetween(lapsedOn, today) > graceDays
}

export interface LimiterLapse {
  awardId: string
  awardState: AwardState
  itemCode: string
  /** The first day the limiter item was no longer met (the day after its evidence expired). */
  lapsedOn: CalendarDate
}

export interface PlannedSuspension extends PlannedAction {
  awardId: string
  event: 'suspend'
  reason: 'evidence_lapsed'
  itemCodes: string[]
  /** The earliest lapse behind this suspension; part of the key, so a later lapse after reinstatement acts again. */
  lapsedOn: CalendarDate
}

/** One suspension per award whose state allows it, naming every limiter item lapsed past grace. */
export function planLimiterSuspensions (lapses: readonly LimiterLapse[], today: CalendarDate, graceDays: number): PlannedSuspension[] {
  const byAward = new Map<string, LimiterLapse[]>()
  for (const lapse of lapses) {
    if (!isPastGrace(lapse.lapsedOn, today, graceDays) || !transitionAward(lapse.awardState, 'suspend').ok) continue
    byAward.set(lapse.awardId, [...(byAward.get(lapse.awardId) ?? []), lapse])
  }
  return [...byAward].map(([awardId, awardLapses]) => {
    const lapsedOn = awardLapses.map(l => l.lapsedOn).sort()[0] as CalendarDate
    return {
      key: plannedActionKey('limiter-suspension', awardId, lapsedOn),
      awardId,
      event: 'suspend',
      reason: 'evidence_lapsed',
      itemCodes: [...new Set(awardLapses.map(l => l.itemCode))].sort(),
      lapsedOn
    }
  })
}
