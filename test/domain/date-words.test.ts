// Dates in words (src/domain/date-words.ts): one style for pages, PDFs and messages, in London time whatever the
// server's time zone.
import t from 'tap'
import { longDate, longMoment } from '../../src/domain/date-words.js'

t.test('a calendar date is that day, whatever follows it', async (t) => {
  t.equal(longDate('2026-03-02'), '2 March 2026')
  t.equal(longDate('2027-12-31'), '31 December 2027')
  t.equal(longDate('2026-03-29T00:30:00Z'), '29 March 2026', 'only the day is read')
  t.equal(longDate('2026-02-30'), '2026-02-30', 'no such day: given back as it is, never the next month')
  t.equal(longDate('someday'), 'someday')
})

t.test('an instant is the day and time it is in London', async (t) => {
  // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in British Summer Time
  t.equal(longDate(new Date('2026-03-31T23:30:00Z')), '1 April 2026')
  t.equal(longMoment(new Date('2026-03-31T23:30:00Z')), '1 April 2026 at 00:30')
  // in winter London is on UTC
  t.equal(longMoment(new Date('2026-12-02T09:05:00Z')), '2 December 2026 at 09:05')
})

t.test('property: every calendar day of four years reads back as its own day, month and year', async (t) => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December']
  let wrong = 0
  const end = new Date('2029-01-01T00:00:00Z')
  for (let d = new Date('2025-01-01T00:00:00Z'); d < end; d = new Date(d.getTime() + 86_400_000)) {
    const iso = d.toISOString().slice(0, 10)
    const expected = `${d.getUTCDate()} ${months[d.getUTCMonth()]!} ${d.getUTCFullYear()}`
    if (longDate(iso) !== expected) wrong++
  }
  t.equal(wrong, 0)
})
