// "Your account" for a provider's people (README: For providers): the people with access (invite, remove after a
// confirmation page, the micro bound), how we contact you (email or a UK mobile for texts), and your data as JSON or
// CSV; another provider's people never shown or reachable; every form needs its CSRF token.
import { parse } from 'csv-parse/sync'
import { desc, eq } from 'drizzle-orm'
import t from 'tap'
import { setMyContactChoice } from '../../src/use-cases/contact-preferences.js'
import { principalOf } from '../../src/use-cases/context.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { listDemoMailbox } from '../../src/use-cases/notifications.js'
import { auditEvents, outbox, notificationMessages } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { startNotifyStandIn } from '../helpers/notify-stand-in.js'
import { signedInProvider } from '../helpers/provider-portal.js'
import { browserClient, csrfOf, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north] = h.councils
const ann = await h.addProvider(north, { name: "Ann's Home Help" })
const bob = await h.addProvider(north, { name: "Bob's Day Club" })
const a = await signedInProvider(h, ann, 'ann@anns.example')
const b = await signedInProvider(h, bob, 'bob@bobs.example')
const post = async (c: typeof a, page: string, url: string, fields: Record<string, string>) =>
  await c.post(url, { ...fields, _csrf: csrfOf((await c.get(page)).body) })

t.test('the account page shows the business, the sign-in methods and the navigation', async (t) => {
  const page = await a.get('/account')
  t.equal(page.statusCode, 200)
  t.match(page.body, /People in your business with access/)
  t.match(page.body, /ann@anns.example/)
  t.match(page.body, /Up to 5 people can have access/)
  t.match(page.body, /How we contact you[\s\S]*Email/)
  t.match(page.body, /Passkeys/, 'the sign-in methods are the same page')
  t.match(page.body, /Sign out everywhere/)
  t.match(page.body, /href="\/provider\/standing"/, "the provider's navigation")
  t.match(page.body, /aria-current="page"[^>]*>\s*Your account|href="\/account"[^>]*aria-current/)
  t.notMatch(page.body, /bob@bobs.example/, "another provider's people are never shown")
})

const jo = browserClient(h)

t.test('invite a person: errors keep the input; then invited by email, listed, and able to sign in', async (t) => {
  const bad = await post(a, '/account/people/invite', '/account/people', { personName: 'Jo', personEmail: 'jo@' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /There is a problem/)
  t.match(bad.body, /href="#personEmail">Enter an email address in the correct format/)
  t.match(bad.body, /value="jo@"/, 'input kept')
  t.match(bad.body, /value="Jo"/)
  const sent = await post(a, '/account/people/invite', '/account/people', {
    personName: 'Jo Helper',
    personEmail: 'Jo@Anns.example'
  })
  t.equal(sent.statusCode, 303)
  t.equal(sent.headers.location, '/account?done=invited')
  const page = await a.get('/account?done=invited')
  t.match(page.body, /We have emailed them an invitation/)
  t.match(page.body, /Jo Helper[\s\S]*jo@anns.example/)
  t.notMatch((await b.get('/account')).body, /Jo Helper/, "not on the other provider's page")
  await runJobs(h.app.deps)
  const mail = (await listDemoMailbox(h.app.deps, 100)).filter((m) => m.address === 'jo@anns.example')
  t.same(mail.map((m) => m.kind), ['provider_invited'])
  await signInByEmail(h, jo, 'jo@anns.example')
  t.match((await jo.get('/provider')).body, /Ann's Home Help|Ann&#39;s Home Help/, 'Jo acts for Ann’s business')
})

t.test('remove a person after a confirmation page; their session stops; not yourself nor another’s', async (t) => {
  const page = (await a.get('/account')).body
  const href = /href="(\/account\/people\/[0-9a-f-]+\/remove)"/.exec(page)?.[1]
  t.ok(href, 'a Remove link for Jo (none for yourself)')
  t.equal([...page.matchAll(/\/remove"/g)].length, 1, 'only one: you cannot remove yourself')
  const confirm = await a.get(href!)
  t.equal(confirm.statusCode, 200)
  t.match(confirm.body, /Remove Jo Helper\?/)
  t.equal((await b.get(href!)).statusCode, 404, "another provider's person is not found")
  const cross = await b.post(href!, { _csrf: csrfOf((await b.get('/account')).body) })
  t.equal(cross.statusCode, 404)
  const noToken = await a.post(href!, {})
  t.equal(noToken.statusCode, 403, 'without the CSRF token nothing happens')
  t.match((await a.get('/account')).body, /Jo Helper[\s\S]*jo@anns.example/)
  const done = await a.post(href!, { _csrf: csrfOf(confirm.body) })
  t.equal(done.statusCode, 303)
  const gone = await jo.get('/provider')
  t.equal(gone.statusCode, 303, "Jo's session stops at once")
  t.match(String(gone.headers.location), /^\/sign-in/)
  const after = await a.get('/account?done=removed')
  t.match(after.body, /They can no longer sign in for your business/)
  t.match(after.body, /No longer with access: Jo Helper/)
  const self = await a.post(`/account/people/${ann.userId}/remove`, { _csrf: csrfOf(after.body) })
  t.equal(self.statusCode, 409)
  t.match(self.body, /You cannot remove yourself/)
})

t.test('no more people than a micro-enterprise has staff', async (t) => {
  for (const n of [1, 2, 3, 4]) {
    const r = await post(a, '/account/people/invite', '/account/people', {
      personName: `Helper ${n}`,
      personEmail: `helper${n}@anns.example`
    })
    t.equal(r.statusCode, 303, `helper ${n}`)
  }
  const page = await a.get('/account')
  t.notMatch(page.body, /Invite a person/, 'five people: no invite button')
  const over = await post(a, '/account/people/invite', '/account/people', {
    personName: 'One Too Many',
    personEmail: 'six@anns.example'
  })
  t.equal(over.statusCode, 409)
  t.match(over.body, /Up to 5 people can have access/)
})

t.test('how we contact you: a UK mobile for text messages, with GOV.UK errors that keep the input', async (t) => {
  const noPhone = await post(a, '/account/contact', '/account/contact', { channel: 'sms', phone: '' })
  t.equal(noPhone.statusCode, 400)
  t.match(noPhone.body, /href="#phone">Enter a UK mobile number for text messages/)
  const landline = await post(a, '/account/contact', '/account/contact', { channel: 'sms', phone: '0113 496 0000' })
  t.equal(landline.statusCode, 400)
  t.match(landline.body, /href="#phone">Enter a UK mobile number, like 07700 900 982/)
  t.match(landline.body, /value="0113 496 0000"/, 'input kept')
  t.match(landline.body, /value="sms" checked/)
  t.match(landline.body, /<title>Error: /)
  const none = await post(a, '/account/contact', '/account/contact', { phone: '' })
  t.equal(none.statusCode, 400)
  t.match(none.body, /href="#channel">Select how we should contact you/)
  t.match(none.body, /href="#wording">Select how we should write to you/)
  const saved = await post(a, '/account/contact', '/account/contact', {
    channel: 'sms',
    phone: '+44 7700 900982',
    wording: 'plain'
  })
  t.equal(saved.statusCode, 303)
  const page = await a.get('/account?done=contact')
  t.match(page.body, /We will contact you the way you chose/)
  t.match(page.body, /Text message/)
  t.match(page.body, /07700 900982/)
  t.notMatch((await b.get('/account')).body, /07700 900982/, "Bob's page is Bob's")
  const form = await a.get('/account/contact')
  t.match(form.body, /value="sms" checked/)
  t.match(form.body, /value="\+447700900982"/)
})

t.test('your data: the business’s own data as JSON, never another provider’s', async (t) => {
  const res = await a.get('/account/data')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /application\/json/)
  t.match(res.headers['content-disposition'], /attachment; filename="?your-quality-mark-data-\d{4}-\d{2}-\d{2}\.json"?$/)
  t.equal(res.headers['cache-control'], 'private, no-store')
  const data = res.json()
  t.equal(data.provider.id, ann.id)
  t.ok(data.people.some((p: { email: string }) => p.email === 'ann@anns.example'))
  t.notMatch(res.body, /bob@bobs.example|Bob's Day Club/)
  t.notOk('feedbackResponses' in data || 'auditEvents' in data || 'concerns' in data)
})

t.test('your data as a spreadsheet: the same document as the JSON, one row per value', async (t) => {
  const json = (await a.get('/account/data')).json()
  const audited = async () =>
    (await h.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'export'))).length
  const before = await audited()
  const res = await a.get('/account/data?format=csv')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
  t.match(res.headers['content-disposition'], /attachment; filename="?your-quality-mark-data-\d{4}-\d{2}-\d{2}\.csv"?$/)
  t.equal(res.headers['cache-control'], 'private, no-store')
  t.equal(await audited(), before + 1, 'audited as an export, as the JSON is')
  const [header, ...rows] = parse(res.body, { bom: true }) as string[][]
  t.same(header, ['section', 'record', 'field', 'value'])
  t.same([...new Set(rows.map((r) => r[0]))], Object.keys(json), 'the same parts as the JSON, in its order')
  t.ok(rows.some((r) => r.join('|') === "provider||name|Ann's Home Help"))
  t.ok(rows.some((r) => r.join('|') === `provider||serviceTypes.1|${json.provider.serviceTypes[0]}`))
  const emails = rows.filter((r) => r[0] === 'people' && r[2] === 'email')
  t.same(emails.map((r) => [r[1], r[3]]), json.people.map((p: { id: string; email: string }) => [p.id, p.email]))
  t.ok(rows.some((r) => r[0] === 'exportedAt' && r[3] === json.exportedAt))
  t.notMatch(res.body, /bob@bobs.example|Bob's Day Club/)
  t.notOk(rows.some((r) => ['feedbackResponses', 'auditEvents', 'concerns'].includes(r[0] ?? '')))
  t.match((await a.get('/account')).body, /href="\/account\/data\?format=csv" download/, 'offered on the account page')
})

t.test('people signed out and council staff cannot open these pages', async (t) => {
  const r = await browserClient(h).get('/account/contact')
  t.equal(r.statusCode, 303)
  t.match(String(r.headers.location), /^\/sign-in/)
  const staff = await signedInProvider(h, { userId: north.coordinator.id }, 'co@northshire.example')
  t.equal((await staff.get('/account/contact')).statusCode, 403)
  const own = await staff.get('/account')
  t.notMatch(own.body, /People in your business/, 'staff see their own account page')
  t.match(own.body, /href="\/manage\/providers"/, "with the co-ordinator's navigation")
})

t.test('a person who chose text messages gets them as text messages (GOV.UK Notify stand-in)', async (t) => {
  const notify = await startNotifyStandIn()
  t.teardown(notify.close)
  const n = await buildTestApp(t, {
    env: {
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_BASE_URL: notify.url,
      NOTIFY_EMAIL_TEMPLATE_ID: '11111111-1111-4111-8111-111111111111',
      NOTIFY_SMS_TEMPLATE_ID: '22222222-2222-4222-8222-222222222222'
    }
  })
  const p = await n.addProvider(n.councils[0], { name: 'Text Me Care' })
  // The page's use case (the pages signed in through the demo mailbox, which Notify replaces here).
  const actor = principalOf({ id: p.userId, role: 'provider', councilId: n.councils[0].id, providerId: p.id }, 't')
  await setMyContactChoice(n.app.deps, { actor, now: n.clock.now, requestId: 'test' }, {
    channel: 'sms',
    phone: '07700 900982',
    easyRead: false
  })
  await n.db.db.insert(outbox).values({
    councilId: n.councils[0].id,
    topic: 'notification.award_published',
    dedupeKey: 'text-me',
    recipientProviderId: p.id,
    payload: { level: 'gold', validTo: '2027-03-01' },
    createdAt: n.clock.now,
    nextAttemptAt: n.clock.now
  })
  await runJobs(n.app.deps)
  const rows = await n.db.db.select().from(notificationMessages)
  const award = rows.find((r) => r.kind === 'award_published')
  t.equal(award?.channel, 'sms')
  t.equal(award?.address, '+447700900982')
  t.equal(award?.status, 'sent')
  t.ok(notify.received.some((r) => r.type === 'sms' && r.to === '+447700900982'), 'Notify was asked for a text')
})

t.test('easy read: chosen on the contact page, saved, and used for the messages that have it', async (t) => {
  const form = await a.get('/account/contact')
  t.match(form.body, /How should we write to you\?/)
  t.match(form.body, /value="plain" checked/, 'plain English until the person chooses')
  t.notMatch(form.body, /value="easy_read" checked/)
  const wrong = await post(a, '/account/contact', '/account/contact', { channel: 'email', phone: '', wording: 'big' })
  t.equal(wrong.statusCode, 400)
  t.match(wrong.body, /href="#wording">Select how we should write to you/)
  t.match(wrong.body, /value="email" checked/, 'the rest of the input kept')
  const saved = await post(a, '/account/contact', '/account/contact', {
    channel: 'email',
    phone: '',
    wording: 'easy_read'
  })
  t.equal(saved.statusCode, 303)
  t.match((await a.get('/account')).body, /We write[\s\S]*?Easy read/)
  t.match((await a.get('/account/contact')).body, /value="easy_read" checked/)
  t.match((await b.get('/account')).body, /We write[\s\S]*?Plain English/, "Bob's choice is Bob's")
  const [audit] = await h.db.db.select().from(auditEvents)
    .where(eq(auditEvents.action, 'contact_preference')).orderBy(desc(auditEvents.id)).limit(1)
  t.match(audit?.after, { channel: 'email', easyRead: true }, 'audited')

  // The co-ordinator's request for information, through the API: Ann's message is easy read, Bob's is not.
  const drive = assessmentDriver(h)
  for (const p of [ann, bob]) {
    const id = await drive.openUnderReview(p.token, north.coordinator.token)
    await drive.post(north.coordinator.token, `/api/v1/assessments/${id}/request-info`, { note: 'The schedule' })
  }
  await runJobs(h.app.deps)
  const asked = async (email: string) =>
    (await listDemoMailbox(h.app.deps, 500)).find((m) => m.address === email && m.kind === 'information_requested')
  const toAnn = await asked('ann@anns.example')
  t.equal(toAnn?.style, 'easy_read')
  t.match(toAnn?.body, /We need some more information from you\.\s+Your co-ordinator said:\s+The schedule/)
  const toBob = await asked('bob@bobs.example')
  t.equal(toBob?.style, 'plain')
  t.match(toBob?.body, /Your co-ordinator at Northshire Council has asked for more information/)
})
