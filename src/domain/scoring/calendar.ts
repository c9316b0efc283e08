// Calendar-date arithmetic on ISO dates (YYYY-MM-DD): date-fns does the month and day maths; ISO dates compare as
// strings.
// The fixed YYYY-MM-DD shape is read and written directly: parseISO/formatISO cost a third of a scoring
// (bench:scoring).
import { addDays, addMonths } from 'date-fns'

function toLocalDate (isoDate: string): Date {
  const date = new Date(2000, 0, 1)
  date.setFullYear(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)))
  return date
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

const toIsoDate = (date: Date): string =>
  `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`

/** End-of-month safe: 2024-01-31 + 1 month = 2024-02-29 (date-fns clamps to the month's last day). */
export const addMonthsToDate = (isoDate: string, months: number): string =>
  toIsoDate(addMonths(toLocalDate(isoDate), months))

export const addDaysToDate = (isoDate: string, days: number): string => toIsoDate(addDays(toLocalDate(isoDate), days))

/** The calendar date of an ISO date or date-time, as recorded (its first ten characters). */
export const toDatePart = (isoDateOrTime: string): string => isoDateOrTime.slice(0, 10)
