// Notifications that reach people: every message kind through a real SMTP server and through the GOV.UK Notify
// stand-in; easy-read and text-message preferences; retries with back-off, permanent failures kept for staff;
// several senders at once never send one message twice; without a channel, messages wait in the demo mailbox.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { notificationMessages, notificationPreferences, outbox, users } from '../../src/db/schema/index.js'
import { messageKinds, type MessageKind } from '../../src/domain/notifications/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { listDemoMailbox, sendDueMessages } from '../../src/use-cases/notifications.js'
import { buildTestApp, type CouncilFixture, type TestApp } from '../helpers/app.js'
import { startSmtp } from '../helpers/mail.js'
import { startNotifyStandIn } from '../helpers/notify-stand-in.js'

async function setEmail (h: TestApp, userId: string, email: string) {
  await h.db.db.update(users).set({ email }).where(eq(users.id, userId))
}

/** One notification event, as the workflow writes it. */
async function queueEvent (
  h: TestApp,
  council: CouncilFixture,
  kind: MessageKind,
  key: string,
  providerId: string | null,
  payload: Record<string, unknown> = {}
) {
  await h.db.db.insert(outbox).values({
    councilId: council.id,
    topic: `notification.${kind}`,
    dedupeKey: key,
    recipientProviderId: providerId,
    payload,
    createdAt: h.clock.now,
    nextAttemptAt: h.clock.now
  })
}

/** An event of each kind, as the workflow writes them; concern_received goes to the council's co-ordinators. */
async function queueEveryKind (h: TestApp, council: CouncilFixture, providerId: string, prefix: string) {
  const facts = { level: 'silver', date: '2026-04-01', daysLeft: 30, itemCode: 'INS_PL', note: 'Send the schedule' }
  for (const kind of messageKinds.filter((k) => k !== 'sign_in_link')) {
    const to = kind === 'concern_received' ? null : providerId
    await queueEvent(h, council, kind, `${prefix}:${kind}`, to, { providerId, ...facts, urgent: to === null })
  }
}

const kindsByEvent = messageKinds.filter((k) => k !== 'sign_in_link')

t.test('through SMTP: every kind arrives, worded for the person', async (t) => {
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const h = await buildTestApp(t, { env: { SMTP_URL: smtp.url, MAIL_FROM: 'Quality Mark <qm@northshire.example>' } })
  const [north] = h.councils
  const p = await h.addProvider(north, { name: 'Bright Days' })
  await setEmail(h, p.userId, 'owner@bright.example')
  await setEmail(h, north.coordinator.id, 'coordinator@northshire.example')
  await queueEveryKind(h, north, p.id, 'smtp')
  const report = await runJobs(h.app.deps)
  t.same(
    report.messages,
    { sent: kindsByEvent.length, retrying: 0, failed: 0 },
    'one per kind (the concern to the co-ordinator with an address)'
  )
  await smtp.waitFor(kindsByEvent.length)
  const toOwner = smtp.messages.filter((m) => JSON.stringify(m.to ?? '').includes('owner@bright'))
  t.equal(toOwner.length, kindsByEvent.length - 1, 'the provider gets every kind but the concern')
  const subjects = toOwner.map((m) => m.subject ?? '')
  t.ok(subjects.includes('Your proposed Quality Mark: silver Quality Mark'))
  t.ok(subjects.includes('Evidence for your Quality Mark runs out on 1 April 2026'))
  const expiring = toOwner.find((m) => /runs out/.test(m.subject ?? ''))
  t.match(expiring?.text, /This evidence for Bright Days runs out on 1 April 2026 \(in 30 days\)/)
  t.match(expiring?.text, /\* INS_PL/)
  t.match(expiring?.text, /\/sign-in/)
  t.match(expiring?.from?.text, /qm@northshire\.example/)
  const concern = smtp.messages.find((m) => /^Urgent: a concern about Bright Days$/.test(m.subject ?? ''))
  t.match(JSON.stringify(concern?.to), /coordinator@northshire\.example/)
  const rows = await h.db.db.select().from(notificationMessages)
  const reached = rows.filter((r) => r.status === 'sent')
  t.equal(reached.length, kindsByEvent.length)
  t.ok(reached.every((r) => r.providerReference !== null && r.channel === 'email'), 'the SMTP message id kept')
  t.match(
    rows.filter((r) => r.status !== 'sent'),
    [{ kind: 'concern_received', status: 'failed', lastError: 'no address', address: '' }],
    'the second co-ordinator has no address: kept as failed for staff to see'
  )
  t.equal((await runJobs(h.app.deps)).messages.sent, 0, 'a second run sends nothing again')

  // The person asked for easy read.
  await h.db.db.insert(notificationPreferences).values({ userId: p.userId, easyRead: true })
  await queueEveryKind(h, north, p.id, 'easy')
  await runJobs(h.app.deps)
  const easy = smtp.messages.filter((m) => /Please send new papers before then/.test(m.text ?? ''))
  t.equal(easy.length, 1, 'the easy-read wording')
})

t.test('through SMTP: a refused address fails at once, a busy server is retried with back-off', async (t) => {
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const h = await buildTestApp(t, { env: { SMTP_URL: smtp.url } })
  const [north] = h.councils
  const gone = await h.addProvider(north, { name: 'Gone Care' })
  const busy = await h.addProvider(north, { name: 'Busy Care' })
  await setEmail(h, gone.userId, 'gone@care.example')
  await setEmail(h, busy.userId, 'busy@care.example')
  smtp.refuse.set('gone@care.example', 550)
  smtp.refuse.set('busy@care.example', 451)
  for (const p of [gone, busy]) {
    await queueEvent(h, north, 'renewal_due', `renewal:${p.id}`, p.id, { date: '2026-05-01' })
  }
  const first = await runJobs(h.app.deps)
  t.same(first.messages, { sent: 0, retrying: 1, failed: 1 })
  const byAddress = async (a: string) =>
    (await h.db.db.select().from(notificationMessages).where(eq(notificationMessages.address, a)))[0]
  t.match(await byAddress('gone@care.example'), { status: 'failed', lastError: 'smtp 550', attempts: 1 })
  const waiting = await byAddress('busy@care.example')
  t.match(waiting, { status: 'pending', lastError: 'smtp 451', attempts: 1 })
  t.equal(waiting?.nextAttemptAt.getTime(), h.clock.now.getTime() + 60_000, 'tried again in a minute')
  t.same(await sendDueMessages(h.app.deps, h.clock.now), { sent: 0, retrying: 0, failed: 0 }, 'not before then')
  smtp.refuse.delete('busy@care.example')
  h.clock.advanceDays(1 / 24)
  t.same(await sendDueMessages(h.app.deps, h.clock.now), { sent: 1, retrying: 0, failed: 0 })
  t.match(await byAddress('busy@care.example'), { status: 'sent', attempts: 2, lastError: null })
  // Staff see the delivery status, without the wording.
  const list = await h.app.inject({
    url: '/api/v1/notifications?status=failed',
    headers: h.auth(north.coordinator.token)
  })
  t.equal(list.statusCode, 200, list.body)
  t.match(list.json().items, [{ kind: 'renewal_due', status: 'failed', lastError: 'smtp 550', channel: 'email' }])
  t.notOk('body' in list.json().items[0], 'the wording is not listed')
  t.equal(list.headers['cache-control'], 'no-store')
  const other = await h.app.inject({ url: '/api/v1/notifications', headers: h.auth(h.councils[1].coordinator.token) })
  t.same(other.json().items, [], 'another council sees none of them')
  const provider = await h.app.inject({ url: '/api/v1/notifications', headers: h.auth(gone.token) })
  t.equal(provider.statusCode, 403)
})

t.test('several senders at once send each message exactly once', async (t) => {
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const h = await buildTestApp(t, { env: { SMTP_URL: smtp.url }, dbMax: 8 })
  const [north] = h.councils
  const p = await h.addProvider(north)
  await setEmail(h, p.userId, 'once@care.example')
  for (let i = 0; i < 40; i++) {
    const facts = { itemCode: `ITEM_${i}`, expiresOn: '2026-04-01', daysLeft: 30 }
    await queueEvent(h, north, 'evidence_expiring', `once:${i}`, p.id, facts)
  }
  await runJobs(h.app.deps, h.clock.now, { councilId: h.councils[1].id }) // another council: nothing fanned out
  const { fanOutNotifications } = await import('../../src/use-cases/notifications.js')
  const { runExclusively } = await import('../../src/use-cases/jobs/job-lock.js')
  await runExclusively(h.db.db, 'outbox-delivery', async (tx, result) => {
    await fanOutNotifications(tx, h.app.deps, { actor: { kind: 'system' }, now: h.clock.now }, {}, result)
  })
  const reports = await Promise.all([1, 2, 3, 4].map(async () => await sendDueMessages(h.app.deps, h.clock.now)))
  t.equal(
    reports.reduce((n, r) => n + r.sent, 0),
    40,
    'forty sent between them'
  )
  await smtp.waitFor(40)
  const items = smtp.messages.map((m) => /\* (ITEM_\d+)/.exec(m.text ?? '')?.[1])
  t.equal(new Set(items).size, 40, 'each item once')
  t.equal(smtp.messages.length, 40, 'no message twice')
})

t.test('through GOV.UK Notify (local stand-in): email and text messages, with Notify’s own errors', async (t) => {
  const notify = await startNotifyStandIn()
  t.teardown(notify.close)
  const emailTemplate = '11111111-1111-4111-8111-111111111111'
  const smsTemplate = '22222222-2222-4222-8222-222222222222'
  const h = await buildTestApp(t, {
    env: {
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_BASE_URL: notify.url,
      NOTIFY_EMAIL_TEMPLATE_ID: emailTemplate,
      NOTIFY_SMS_TEMPLATE_ID: smsTemplate
    }
  })
  const [north] = h.councils
  const p = await h.addProvider(north, { name: 'Text Me Care' })
  await setEmail(h, p.userId, 'owner@textme.example')
  await setEmail(h, north.coordinator.id, 'coordinator@northshire.example')
  await queueEveryKind(h, north, p.id, 'notify')
  const report = await runJobs(h.app.deps)
  t.equal(report.messages.sent, kindsByEvent.length)
  const emails = notify.received.filter((r) => r.type === 'email' && r.to === 'owner@textme.example')
  t.equal(emails.length, kindsByEvent.length - 1)
  t.ok(emails.every((e) => e.templateId === emailTemplate && e.reference !== undefined))
  t.ok(
    emails.some((e) => e.personalisation.subject === 'It is time to renew your Quality Mark'),
    'subject and body go as the template’s personalisation'
  )
  const rows = await h.db.db.select().from(notificationMessages)
  t.ok(
    rows.filter((r) => r.status === 'sent').every((r) => /^[0-9a-f-]{36}$/.test(r.providerReference ?? '')),
    'Notify’s id kept'
  )

  // The owner chose text messages.
  await h.db.db.insert(notificationPreferences).values({ userId: p.userId, channel: 'sms', phone: '07700900123' })
  await queueEvent(h, north, 'award_published', 'notify:sms', p.id, { level: 'gold', validTo: '2027-03-01' })
  await runJobs(h.app.deps)
  const text = notify.received.find((r) => r.type === 'sms')
  t.equal(text?.to, '07700900123')
  t.equal(text?.templateId, smsTemplate)
  t.match(text?.personalisation.body, /^Well done\. You have a gold Quality Mark\.|^[^\n]+ has awarded a gold/)
  t.notMatch(text?.personalisation.body, /\n\n/, 'no blank lines in a text message')

  // Notify refuses the address (400): failed; Notify is down (500): retried.
  notify.failFor.set('07700900123', 400)
  await queueEvent(h, north, 'award_reinstated', 'notify:400', p.id)
  t.same((await runJobs(h.app.deps)).messages, { sent: 0, retrying: 0, failed: 1 })
  notify.failFor.set('07700900123', 500)
  await queueEvent(h, north, 'award_revoked', 'notify:500', p.id)
  t.same((await runJobs(h.app.deps)).messages, { sent: 0, retrying: 1, failed: 0 })
  const failed = rows.length
  const all = await h.db.db.select().from(notificationMessages)
  t.ok(all.length > failed)
  t.ok(all.some((r) => r.lastError === 'notify 400 BadRequestError'))
  t.ok(all.some((r) => r.lastError === 'notify 500 Exception' && r.status === 'pending'))
})

t.test('with no channel configured, messages wait in the demo mailbox and nothing is sent', async (t) => {
  const h = await buildTestApp(t)
  const [north] = h.councils
  const p = await h.addProvider(north)
  await setEmail(h, p.userId, 'demo@care.example')
  await queueEveryKind(h, north, p.id, 'demo')
  const report = await runJobs(h.app.deps)
  t.same(report.messages, { sent: 0, retrying: 0, failed: 0 }, 'nothing goes out')
  const mailbox = await listDemoMailbox(h.app.deps)
  const kinds = new Set<MessageKind>(mailbox.map((m) => m.kind))
  t.equal(kinds.size, kindsByEvent.length - 1, 'every kind for the provider is kept to read')
  t.ok(mailbox.every((m) => m.channel === 'mailbox' && m.address === 'demo@care.example'))
  // A co-ordinator with no email address is not told: kept as failed so staff can see it.
  const [unreached] = await h.db.db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.kind, 'concern_received'))
  t.match(unreached, { status: 'failed', lastError: 'no address' })
})
