// What notifications say and when a failed one is tried again: every kind in both styles, dates in words, text
// messages, and the retry schedule's rules (property-tested).
import fc from 'fast-check'
import t from 'tap'
import {
  asTextMessage,
  composeMessage,
  GIVE_UP_AFTER_SECONDS,
  longDate,
  MAX_RETRY_SECONDS,
  messageKinds,
  nextStep,
  type MessageFacts
} from '../../../src/domain/notifications/index.js'

const facts: MessageFacts = {
  councilName: 'Northshire Council',
  providerName: "Ann's Home Help",
  link: 'https://qm.example/sign-in',
  level: 'silver',
  date: '2026-03-02',
  daysLeft: 30,
  items: ['Public liability insurance (INS_PL)'],
  note: 'Please send the policy schedule.',
  outcome: 'partly_upheld',
  urgent: true
}

t.test('every kind has a subject and a body with the link, in plain English and easy read', async (t) => {
  for (const kind of messageKinds) {
    for (const style of ['plain', 'easy_read'] as const) {
      const m = composeMessage(kind, facts, style)
      t.ok(m.subject.length > 5, `${kind} ${style} subject`)
      t.notMatch(m.body, /undefined|null|NaN|\[object/, `${kind} ${style} has no gaps`)
      t.match(m.body, /Northshire Council Quality Mark$/, `${kind} ${style} signed by the council`)
      if (kind !== 'appeal_acknowledged' || style === 'plain') t.match(m.body, facts.link, `${kind} ${style} link`)
    }
  }
  const easy = composeMessage('evidence_expiring', facts, 'easy_read')
  const plain = composeMessage('evidence_expiring', facts, 'plain')
  t.ok(easy.body !== plain.body, 'easy read is its own wording')
  t.match(plain.body, /runs out on 2 March 2026 \(in 30 days\)/)
  t.match(plain.body, /\* Public liability insurance \(INS_PL\)/)
})

t.test('messages read well when optional facts are missing', async (t) => {
  const bare: MessageFacts = { councilName: 'Northshire Council', link: 'https://qm.example/sign-in' }
  for (const kind of messageKinds) {
    for (const style of ['plain', 'easy_read'] as const) {
      t.notMatch(composeMessage(kind, bare, style).body, /undefined|null|NaN/, `${kind} ${style}`)
    }
  }
  t.match(composeMessage('concern_received', bare, 'plain').subject, /^A new concern$/)
  t.match(composeMessage('concern_received', facts, 'plain').subject, /^Urgent: a concern about Ann's Home Help$/)
  t.match(composeMessage('concern_received', { ...bare, urgent: true }, 'plain').subject, /about a provider$/)
  t.match(composeMessage('sign_in_link', bare, 'plain').body, /after 15 minutes/)
  t.match(composeMessage('award_published', bare, 'plain').subject, /a Quality Mark/)
  t.match(composeMessage('appeal_decided', bare, 'plain').body, /has been decided: decided/)
  t.notMatch(composeMessage('interest_declined', bare, 'plain').body, /said:/, 'no reason, no empty quote')
  t.match(composeMessage('interest_declined', facts, 'plain').body, /said:\n\nPlease send the policy schedule\./)
})

t.test('dates in words; text messages without blank lines', async (t) => {
  t.equal(longDate('2026-12-01'), '1 December 2026')
  t.equal(longDate('2026-01-31T10:00:00Z'), '31 January 2026')
  t.equal(longDate(undefined), 'soon')
  t.equal(longDate('2026-13-01'), 'soon', 'no such day: the message says soon, never a wrong day')
  t.equal(longDate('2026-02-30'), 'soon')
  t.equal(asTextMessage({ subject: 's', body: 'a\n\nb\n\n\nc' }), 'a\nb\nc')
})

t.test('retries: sent is sent, permanent is failed, others back off and give up after a day', async (t) => {
  const queued = new Date('2026-03-02T10:00:00Z')
  t.same(nextStep({ kind: 'sent' }, 1, queued, queued), { status: 'sent' })
  t.same(nextStep({ kind: 'failed', permanent: true }, 1, queued, queued), { status: 'failed' })
  t.same(nextStep({ kind: 'failed', permanent: false }, 1, queued, queued), {
    status: 'pending',
    retryAt: new Date('2026-03-02T10:01:00Z')
  })
  const late = new Date(queued.getTime() + GIVE_UP_AFTER_SECONDS * 1000)
  t.same(nextStep({ kind: 'failed', permanent: false }, 30, queued, late), { status: 'failed' })
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 80_000 }), (attempts, elapsed) => {
      const now = new Date(queued.getTime() + elapsed * 1000)
      const a = nextStep({ kind: 'failed', permanent: false }, attempts, queued, now)
      const b = nextStep({ kind: 'failed', permanent: false }, attempts + 1, queued, now)
      if (a.status !== 'pending') return true
      const delay = (a.retryAt.getTime() - now.getTime()) / 1000
      const grows = b.status !== 'pending' || b.retryAt.getTime() >= a.retryAt.getTime()
      return delay >= 60 && delay <= MAX_RETRY_SECONDS && grows
    })
  )
})
