import t from 'tap'
import fc from 'fast-check'
import { AwardState } from '../../../src/domain/workflow/award-lifecycle.js'
import { awardValidity, renewalDueOn } from '../../../src/domain/workflow/award-dates.js'
import { planAwardTransitions } from '../../../src/domain/workflow/award-planner.js'
import { addCalendarDays } from '../../../src/domain/workflow/calendar-date.js'
import { dueEvidenceReminders } from '../../../src/domain/workflow/evidence-reminders.js'

t.test('award validity and renewal date', async (t) => {
  t.equal(awardValidity('2025-01-01', 12), '2025-12-31')
  t.equal(awardValidity('2024-02-29', 12), '2025-02-27')
  t.equal(awardValidity('2025-01-31', 1), '2025-02-27')
  t.equal(awardValidity('2025-06-15', 24), '2027-06-14')
  for (const months of [0, 25, 1.5, -12]) {
    t.throws(
      () => awardValidity('2025-01-01', months),
      { code: 'AWARD_VALIDITY_OUT_OF_RANGE', kind: 'invalid' },
      `${months} months`
    )
  }
  t.throws(() => awardValidity('not a date', 12), { code: 'INVALID_CALENDAR_DATE', errors: [{ path: 'validFrom' }] })
  t.equal(renewalDueOn('2025-12-31', 60), '2025-11-01')
})

t.test('evidence reminders at 60/30/7 days: the most urgent one due, once per key', async (t) => {
  const evidence = [{ evidenceId: 'ev-1', expiresOn: '2025-06-30' }]
  const on = (today: string, days?: number[]) => dueEvidenceReminders(evidence, today, days).map((r) => r.daysBefore)
  t.same(on('2025-04-30'), [], '61 days before: nothing yet')
  t.same(on('2025-05-01'), [60], '60 days before')
  t.same(on('2025-05-31'), [30], '30 days before')
  t.same(on('2025-06-22'), [30], '8 days before: still the 30-day reminder (already sent once by key)')
  t.same(on('2025-06-23'), [7])
  t.same(on('2025-06-30'), [7], 'the last valid day')
  t.same(on('2025-07-01'), [], 'expired: a lapse, not a reminder')
  t.same(on('2025-06-25', [7, 90, 14]), [7], 'the list is configurable and need not be sorted')
  t.same(dueEvidenceReminders(evidence, '2025-06-23'), [
    {
      key: 'evidence-reminder:ev-1:2025-06-30:7',
      evidenceId: 'ev-1',
      expiresOn: '2025-06-30',
      daysBefore: 7,
      daysLeft: 7
    }
  ])
})

t.test('property: running the reminder planner every day sends each configured reminder exactly once', async () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 200 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 4 }),
      (offset, days) => {
        const expiresOn = addCalendarDays('2025-01-01', offset)
        const sent = new Set<string>()
        for (let d = -120; d <= offset + 5; d++) {
          for (const r of dueEvidenceReminders(
            [{ evidenceId: 'e', expiresOn }],
            addCalendarDays('2025-01-01', d),
            days
          )) { sent.add(r.key) }
        }
        return sent.size === days.length
      }
    ),
    { numRuns: 40 }
  )
})

t.test('award planner: renewal opens 60 days before the end; expiry the day after it', async (t) => {
  const award = (state: AwardState) => ({ awardId: 'aw', state, validTo: '2025-12-31' })
  t.same(planAwardTransitions([award('active')], '2025-10-31', 60), [], 'day before renewal is due')
  t.same(planAwardTransitions([award('active')], '2025-11-01', 60), [
    { key: 'award-renewal:aw:2025-12-31', awardId: 'aw', event: 'open_renewal', from: 'active', to: 'renewal_due' }
  ])
  t.same(
    planAwardTransitions([award('renewal_due')], '2025-12-31', 60),
    [],
    'renewal already open; still valid on its last day'
  )
  t.same(planAwardTransitions([award('suspended')], '2025-11-15', 60), [], 'a suspended award does not open a renewal')
  t.same(planAwardTransitions([award('renewal_due')], '2026-01-01', 60), [
    { key: 'award-expiry:aw:2025-12-31', awardId: 'aw', event: 'expire', from: 'renewal_due', to: 'expired' }
  ])
  t.same(
    planAwardTransitions(
      [award('suspended'), award('active')].map((a, i) => ({ ...a, awardId: `aw${i}` })),
      '2026-01-05',
      60
    ).map((p) => [p.awardId, p.from, p.to]),
    [
      ['aw0', 'suspended', 'expired'],
      ['aw1', 'active', 'expired']
    ]
  )
  for (const state of ['superseded', 'expired', 'revoked', 'withdrawn'] as const) {
    t.same(planAwardTransitions([award(state)], '2026-01-05', 60), [], `${state} is left alone`)
  }
})
