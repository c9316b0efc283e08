// Which expiring-evidence reminders are due today (src/domain/README.md: Scheduled work, "expiring evidence reminders
// at
// 60/30/7 days").
import { calendarDaysBetween, type CalendarDate } from './calendar-date.js'
import { plannedActionKey, type PlannedAction } from './planned-action.js'

export const DEFAULT_REMINDER_DAYS: readonly number[] = [60, 30, 7]

export interface ExpiringEvidence {
  evidenceId: string
  /** The last day the evidence is valid. */
  expiresOn: CalendarDate
}

export interface EvidenceReminder extends PlannedAction {
  evidenceId: string
  expiresOn: CalendarDate
  /** Which reminder this is: 60, 30 or 7 days before expiry by default. */
  daysBefore: number
  daysLeft: number
}

/**
 * At most one reminder per piece of evidence: the most urgent one whose day has come. A run that missed the
 * 60-day reminder sends the 30-day one when that is due rather than both; evidence already expired gets none
 * (it is a lapse: the scoring engine's findLapsedLimiters and the suspension job handle it). The key includes
 * the expiry date, so renewed evidence is reminded afresh.
 */
export function dueEvidenceReminders (
  evidence: readonly ExpiringEvidence[],
  today: CalendarDate,
  reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS
): EvidenceReminder[] {
  const ascending = [...reminderDays].sort((a, b) => a - b)
  return evidence.flatMap(({ evidenceId, expiresOn }) => {
    const daysLeft = calendarDaysBetween(today, expiresOn)
    const daysBefore = ascending.find((days) => daysLeft <= days)
    if (daysLeft < 0 || daysBefore === undefined) return []
    return [
      {
        key: plannedActionKey('evidence-reminder', evidenceId, expiresOn, daysBefore),
        evidenceId,
        expiresOn,
        daysBefore,
        daysLeft
      }
    ]
  })
}
