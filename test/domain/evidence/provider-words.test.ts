// The task list's words for an item (src/domain/evidence/provider-words.ts): status, what it needs, why it applies.
import t from 'tap'
import {
  inSentence,
  providerKinds,
  renewalWindow,
  taskStatus,
  whatItNeeds,
  whyItApplies,
  type TaskStatusInput
} from '../../../src/domain/evidence/provider-words.js'

const TODAY = '2026-03-15'
const base: TaskStatusInput = { status: 'missing', kind: null, files: 0, expiresOn: null }

t.test('the status of a task', async (t) => {
  const s = (o: Partial<TaskStatusInput>) => taskStatus({ ...base, ...o }, TODAY, 60)
  t.equal(s({ status: 'not_applicable' }), 'not_applicable')
  t.equal(s({}), 'not_started')
  t.equal(s({ status: 'rejected' }), 'more_information')
  t.equal(s({ status: 'info_requested' }), 'more_information')
  t.equal(s({ status: 'submitted', kind: 'document', files: 0 }), 'in_progress', 'a document still without a file')
  t.equal(s({ status: 'submitted', kind: 'photos', files: 2 }), 'sent')
  t.equal(s({ status: 'submitted', kind: 'declaration' }), 'sent')
  t.equal(s({ status: 'verified' }), 'verified', 'never expires')
  t.equal(s({ status: 'verified', expiresOn: '2026-12-31' }), 'verified')
  t.equal(s({ status: 'verified', expiresOn: '2026-05-14' }), 'expiring', 'within the first reminder')
  t.equal(s({ status: 'verified', expiresOn: TODAY }), 'expiring', 'its last day still counts')
  t.equal(s({ status: 'verified', expiresOn: '2026-03-14' }), 'expired')
})

t.test('why an item applies, or does not', async (t) => {
  const none = { allOf: [], anyOf: [] }
  t.equal(whyItApplies(none, {}), 'Every provider needs this.')
  const food = { allOf: ['foodPreparation' as const], anyOf: [] }
  t.equal(whyItApplies(food, { foodPreparation: true }), 'You need this because you prepare food.')
  t.equal(whyItApplies(food, {}), 'Not needed because you do not prepare food.')
  const both = { allOf: ['personalCare' as const, 'medication' as const], anyOf: [] }
  t.equal(
    whyItApplies(both, { personalCare: true, medication: true }),
    'You need this because you give personal care and you help people with medicines.'
  )
  const any = { allOf: [], anyOf: ['transport' as const, 'loneWorking' as const, 'handlesMoney' as const] }
  t.equal(whyItApplies(any, { loneWorking: true }), 'You need this because you work alone.')
  t.equal(
    whyItApplies(any, {}),
    'Not needed because none of these is true: you drive people, you work alone or you handle people’s money.'
  )
  t.equal(
    whyItApplies({ allOf: [], anyOf: ['employsStaff'] }, {}),
    'Not needed because none of these is true: you employ staff.'
  )
})

t.test('what an item needs', async (t) => {
  t.equal(whatItNeeds({ evidenceKinds: ['declaration'], validityMonths: null }), 'Send a declaration.')
  t.equal(
    whatItNeeds({ evidenceKinds: ['document', 'narrative', 'photos', 'observation'], validityMonths: 12 }),
    'Send a document, a short account or photos. It needs the date it was issued or runs out.'
  )
  t.equal(whatItNeeds({ evidenceKinds: ['observation'], validityMonths: null }),
    'Your co-ordinator will check this on a visit.')
  t.same(providerKinds({ evidenceKinds: ['observation', 'photos'] }), ['photos'])
})

t.test('a title inside a sentence', async (t) => {
  t.equal(inSentence('Professional indemnity insurance'), 'professional indemnity insurance')
  t.equal(inSentence('DBS check'), 'DBS check')
})

t.test('the reminder window a last valid day falls in', async (t) => {
  const w = (expiresOn: string | null) => renewalWindow(expiresOn, TODAY, [60, 7, 30])
  t.equal(w(null), null, 'never runs out')
  t.equal(w('2026-03-14'), 'expired')
  t.equal(w('2026-03-15'), 7, 'its last day is today')
  t.equal(w('2026-03-22'), 7)
  t.equal(w('2026-03-23'), 30)
  t.equal(w('2026-04-14'), 30)
  t.equal(w('2026-05-14'), 60)
  t.equal(w('2026-05-15'), null, 'further off than the first reminder')
  t.equal(renewalWindow('2026-03-20', TODAY, []), null, 'a scheme without reminders')
})
