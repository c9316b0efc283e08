// An award's end date and the day its renewal falls due (src/domain/README.md: Award, "Default validity 12 months
// (scheme setting, at most 24)", "renewal_due (60 days before expiry)").
import { addMonths, subDays } from 'date-fns'
import { DomainError } from '../errors.js'
import { addCalendarDays, formatCalendarDate, parseCalendarDate, type CalendarDate } from './calendar-date.js'

export const MAX_AWARD_VALIDITY_MONTHS = 24

/**
 * The last day the award is valid: valid from 2025-01-01 for 12 months → valid to 2025-12-31. Month ends are
 * clamped by date-fns (from 2025-01-31 for 1 month → 2025-02-27, the day before 28 February).
 */
export function awardValidity (validFrom: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months) || months < 1 || months > MAX_AWARD_VALIDITY_MONTHS) {
    throw new DomainError(
      'AWARD_VALIDITY_OUT_OF_RANGE',
      'invalid',
      `An award is valid for 1 to ${MAX_AWARD_VALIDITY_MONTHS} whole months, not ${months}`,
      {
        errors: [{ path: 'validityMonths', message: `must be a whole number from 1 to ${MAX_AWARD_VALIDITY_MONTHS}` }]
      }
    )
  }
  return formatCalendarDate(subDays(addMonths(parseCalendarDate(validFrom, 'validFrom'), months), 1))
}

/** The day the award becomes renewal_due and its renewal assessment opens: `leadDays` before its last valid day. */
export function renewalDueOn (validTo: CalendarDate, leadDays: number): CalendarDate {
  return addCalendarDays(validTo, -leadDays)
}
