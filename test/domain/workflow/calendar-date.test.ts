import t from 'tap'
import { addCalendarDays, calendarDaysBetween, parseCalendarDate } from '../../../src/domain/workflow/calendar-date.js'

t.test('adds and counts calendar days across month ends and leap days', async (t) => {
  t.equal(addCalendarDays('2024-02-28', 1), '2024-02-29')
  t.equal(addCalendarDays('2025-02-28', 1), '2025-03-01')
  t.equal(addCalendarDays('2025-01-10', -10), '2024-12-31')
  t.equal(calendarDaysBetween('2025-01-01', '2025-01-29'), 28)
  t.equal(calendarDaysBetween('2025-01-29', '2025-01-01'), -28)
})

t.test('the same answers whatever the machine time zone, across daylight-saving changes', async (t) => {
  const saved = process.env.TZ
  t.teardown(() => {
    process.env.TZ = saved
  })
  for (const zone of ['UTC', 'Europe/London', 'America/Sao_Paulo', 'Pacific/Auckland']) {
    process.env.TZ = zone
    t.equal(addCalendarDays('2025-03-29', 2), '2025-03-31', `${zone}: spring forward`)
    t.equal(addCalendarDays('2025-10-25', 2), '2025-10-27', `${zone}: fall back`)
    t.equal(calendarDaysBetween('2025-03-29', '2025-03-31'), 2, zone)
  }
})

t.test('refuses what is not a calendar date, naming the field', async (t) => {
  t.throws(() => parseCalendarDate('2025-02-30', 'lodgedOn'), {
    code: 'INVALID_CALENDAR_DATE',
    kind: 'invalid',
    errors: [{ path: 'lodgedOn' }]
  })
  t.throws(() => addCalendarDays('31/03/2025', 1), { code: 'INVALID_CALENDAR_DATE', errors: [{ path: 'date' }] })
  t.throws(() => calendarDaysBetween('2025-01-01', '2025-01-01T10:00:00Z'), { code: 'INVALID_CALENDAR_DATE' })
})
