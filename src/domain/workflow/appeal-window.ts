// Whether an appeal is lodged in time (src/domain/README.md: Appeal, "lodged within 28 days of a decision, downgrade,
// suspension or revocation").
import { DomainError, err, ok, type Result } from '../errors.js'
import { addCalendarDays, calendarDaysBetween, type CalendarDate } from './calendar-date.js'

/**
 * Day 0 is the subject's date; lodging on day `windowDays` is still in time, the day after is not.
 * Returns the last day an appeal could be lodged.
 */
export function checkAppealWindow (
  subjectDate: CalendarDate,
  lodgedOn: CalendarDate,
  windowDays: number
): Result<{ lastDay: CalendarDate }> {
  const day = calendarDaysBetween(subjectDate, lodgedOn)
  const lastDay = addCalendarDays(subjectDate, windowDays)
  if (day < 0) {
    return err(
      new DomainError(
        'APPEAL_BEFORE_SUBJECT',
        'invalid',
        `An appeal lodged on ${lodgedOn} cannot contest something dated ${subjectDate}`,
        {
          details: { subjectDate, lodgedOn }
        }
      )
    )
  }
  if (day > windowDays) {
    return err(
      new DomainError(
        'APPEAL_WINDOW_CLOSED',
        'invalid',
        `Appeals must be lodged within ${windowDays} days of ${subjectDate}: the last day was ${lastDay}`,
        {
          details: { subjectDate, lodgedOn, windowDays, lastDay }
        }
      )
    )
  }
  return ok({ lastDay })
}
