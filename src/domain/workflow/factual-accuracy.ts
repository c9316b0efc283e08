// The factual-accuracy window between proposing a decision and publishing it (src/domain/README.md: Assessment,
// "14 days to comment on factual accuracy before it is published (configurable, may be 0)").
import { DomainError, err, ok, type Result } from '../errors.js'
import { addCalendarDays, calendarDaysBetween, type CalendarDate } from './calendar-date.js'

/**
 * The day the window closes: comments are accepted from `proposedOn` up to the day before, and the decision
 * may be published from this day on. With 14 days, proposed on 1 March → comments 1–14 March, publish from 15 March;
 * with 0 days it is `proposedOn` itself, so the decision can be published at once and takes no comment.
 */
export function factualAccuracyEndsOn (proposedOn: CalendarDate, windowDays: number): CalendarDate {
  return addCalendarDays(proposedOn, windowDays)
}

/** The provider may comment only while the window is open. */
export function checkFactualAccuracyComment (
  proposedOn: CalendarDate,
  today: CalendarDate,
  windowDays: number
): Result<{ endsOn: CalendarDate }> {
  const endsOn = factualAccuracyEndsOn(proposedOn, windowDays)
  if (calendarDaysBetween(endsOn, today) < 0) return ok({ endsOn })
  return err(
    new DomainError('FACTUAL_ACCURACY_WINDOW_CLOSED', 'conflict', `The window for comments closed on ${endsOn}`, {
      details: { proposedOn, endsOn }
    })
  )
}

/** The decision may be published only once the window has closed. */
export function checkDecisionPublishable (
  proposedOn: CalendarDate,
  today: CalendarDate,
  windowDays: number
): Result<{ endsOn: CalendarDate }> {
  const endsOn = factualAccuracyEndsOn(proposedOn, windowDays)
  if (calendarDaysBetween(endsOn, today) >= 0) return ok({ endsOn })
  return err(
    new DomainError(
      'FACTUAL_ACCURACY_WINDOW_OPEN',
      'conflict',
      `The factual-accuracy window closes on ${endsOn}; the decision can be published from then`,
      {
        details: { proposedOn, endsOn }
      }
    )
  )
}
