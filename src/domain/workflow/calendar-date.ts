// Calendar dates ("2025-03-31") for windows and validity: a council day, not an instant. The caller turns
// "now" into today's date in the council's time zone; date-fns does the calendar maths (COMMON.md: time as argument).
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns'
import { z } from 'zod'
import { DomainError } from '../errors.js'

export const CalendarDate = z.iso.date()
export type CalendarDate = z.infer<typeof CalendarDate>

/** Parses at local midnight; formatting back in local time makes the round trip independent of the time zone. */
export function parseCalendarDate (date: CalendarDate, field = 'date'): Date {
  // zod's ISO date check also refuses impossible days such as 2025-02-30.
  if (!CalendarDate.safeParse(date).success) {
    throw new DomainError(
      'INVALID_CALENDAR_DATE',
      'invalid',
      `${field} must be a date such as 2025-03-31, got "${date}"`,
      {
        errors: [{ path: field, message: 'expected a calendar date YYYY-MM-DD' }]
      }
    )
  }
  return parseISO(date)
}

export const formatCalendarDate = (date: Date): CalendarDate => format(date, 'yyyy-MM-dd')

/** The date `days` after (or, when negative, before) `date`. */
export function addCalendarDays (date: CalendarDate, days: number): CalendarDate {
  return formatCalendarDate(addDays(parseCalendarDate(date), days))
}

/** Whole calendar days from `earlier` to `later`: 0 on the same day, negative when `later` is before `earlier`. */
export function calendarDaysBetween (earlier: CalendarDate, later: CalendarDate): number {
  return differenceInCalendarDays(parseCalendarDate(later), parseCalendarDate(earlier))
}
