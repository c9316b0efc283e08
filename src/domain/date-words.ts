// Dates in words as GOV.UK writes them — "2 March 2026", "2 March 2026 at 10:00" — for pages, PDFs and messages
// alike, in the council's time zone (Europe/London) whatever the server's. A calendar date (YYYY-MM-DD) is that day;
// an instant is the day it is in London. Each formatter is made once: making one costs far more than using it
// (a page of 20 rows made 20, the largest cost of the provider list after the database).
const LONDON = 'Europe/London'
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON })
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: LONDON })

/** The day a calendar date (YYYY-MM-DD, anything after it ignored) names, or null for no real day ("2026-02-30"). */
export function calendarDay (s: string): Date | null {
  const day = s.slice(0, 10)
  // noon UTC falls on the same calendar day in London, summer and winter
  const d = new Date(`${day}T12:00:00Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : d
}

/** "2 March 2026" for a calendar date or an instant; a string naming no real day is given back as it is. */
export function longDate (d: Date | string): string {
  if (typeof d !== 'string') return DAY.format(d)
  const day = calendarDay(d)
  return day === null ? d : DAY.format(day)
}

/** "2 March 2026 at 10:00", London time. */
export const longMoment = (d: Date): string => `${longDate(d)} at ${TIME.format(d)}`
