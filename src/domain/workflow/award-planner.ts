// Which awards open their renewal or expire today (src/domain/README.md: Award, "active → renewal_due (60 days before
// expiry, a renewal assessment opens) → ... expired").
import { transitionAward, type AwardEvent, type AwardState } from './award-lifecycle.js'
import { renewalDueOn } from './award-dates.js'
import { calendarDaysBetween, type CalendarDate } from './calendar-date.js'
import { plannedActionKey, type PlannedAction } from './planned-action.js'

export interface AwardForPlanning {
  awardId: string
  state: AwardState
  /** The last day the award is valid. */
  validTo: CalendarDate
}

export interface PlannedAwardTransition extends PlannedAction {
  awardId: string
  event: Extract<AwardEvent, 'expire' | 'open_renewal'>
  from: AwardState
  to: AwardState
}

/**
 * The day after `validTo` an award in any state that allows it (active, renewal_due, suspended) expires;
 * from `leadDays` before `validTo` an active award becomes renewal_due. The transition table decides
 * which states qualify, so the planner and the lifecycle cannot disagree.
 */
export function planAwardTransitions (
  awards: readonly AwardForPlanning[],
  today: CalendarDate,
  leadDays: number
): PlannedAwardTransition[] {
  return awards.flatMap(({ awardId, state, validTo }) => {
    const event =
      calendarDaysBetween(validTo, today) > 0
        ? 'expire'
        : calendarDaysBetween(renewalDueOn(validTo, leadDays), today) >= 0
          ? 'open_renewal'
          : undefined
    if (event === undefined) return []
    const next = transitionAward(state, event)
    if (!next.ok) return []
    const kind = event === 'expire' ? 'award-expiry' : 'award-renewal'
    return [{ key: plannedActionKey(kind, awardId, validTo), awardId, event, from: state, to: next.value }]
  })
}
