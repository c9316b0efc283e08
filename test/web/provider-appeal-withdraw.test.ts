// Withdrawing an appeal from the provider's pages (README: For providers): offered on "keeping your mark" while the
// appeal's lifecycle allows it, a confirmation page with an optional reason (GOV.UK error kept on the page), the
// API's withdrawAppeal with its version check and audit, Post/Redirect/Get; never another provider's appeal.
import { and, eq } from 'drizzle-orm'
import t from 'tap'
import { auditEvents } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertGoldAward } from '../helpers/awards.js'
import { signedInProvider } from '../helpers/provider-portal.js'
import { csrfOf } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north] = h.councils
const anns = await h.addProvider(north)
const bobs = await h.addProvider(north, { name: "Bob's Day Club" })
const ann = await signedInProvider(h, anns, 'owner@anns.example')
const bob = await signedInProvider(h, bobs, 'owner@bobs.example')
await insertGoldAward(h.db.db, north, anns.id)
const staff = async (url: string) =>
  await h.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: h.auth(north.coordinator.token), payload: {} })

const form = await ann.get('/provider/appeal?subject=decision')
const lodged = await ann.post('/provider/appeal', {
  _csrf: csrfOf(form.body),
  subject: 'decision',
  grounds: 'Our DBS checks were all sent but not counted.'
})
if (lodged.statusCode !== 303) throw new Error(`the appeal was not lodged: ${lodged.body}`)
const appealId = /href="\/provider\/appeals\/([0-9a-f-]{36})\/withdraw"/.exec((await ann.get('/provider/keeping')).body)?.[1]
if (appealId === undefined) throw new Error('no withdraw link for the open appeal')
const url = `/provider/appeals/${appealId}/withdraw`

await t.test('the confirmation page, its checks and someone else changing the appeal meanwhile', async (t) => {
  const keeping = (await ann.get('/provider/keeping')).body
  t.match(keeping, /Withdraw this appeal<span\s+class="govuk-visually-hidden"> against the decision on your application/)
  const page = await ann.get(url)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Withdraw your appeal against the decision on your application\?/)
  t.match(page.body, /you cannot take this back/)
  t.match(page.body, /name="version" value="1"/)

  const noToken = await ann.post(url, { version: '1' })
  t.equal(noToken.statusCode, 403, 'the CSRF token is needed')
  const short = await ann.post(url, { _csrf: csrfOf(page.body), version: '1', reason: 'no' })
  t.equal(short.statusCode, 400)
  t.match(short.body, /href="#reason">Your reason must be between 3 and 4000 characters/)
  t.match(short.body, />no<\/textarea>/, 'what was typed is kept')

  t.equal((await staff(`/appeals/${appealId}/acknowledge`)).statusCode, 200, 'the council acknowledges it meanwhile')
  const stale = await ann.post(url, { _csrf: csrfOf(page.body), version: '1', reason: 'We found the DBS' })
  t.equal(stale.statusCode, 409, 'the page was for an older version: nothing is withdrawn')
  t.match(stale.body, /Someone else changed the appeal after you opened it/)
  t.match(stale.body, /href="\/provider\/keeping#appeals"/)
  t.match((await ann.get('/provider/keeping')).body, /The council has told you it has your appeal/)
})

await t.test('never another provider’s appeal; staff have their own pages', async (t) => {
  t.equal((await bob.get(url)).statusCode, 404)
  const bobsPage = await bob.get('/account/contact')
  t.equal((await bob.post(url, { _csrf: csrfOf(bobsPage.body), version: '2' })).statusCode, 404)
  const co = await signedInProvider(h, { userId: north.coordinator.id }, 'co@northshire.example')
  t.equal((await co.get(url)).statusCode, 403)
})

await t.test('withdrawn: audited as the person, Post/Redirect/Get, and a new appeal may be sent', async (t) => {
  const page = await ann.get(url)
  t.match(page.body, /name="version" value="2"/)
  const done = await ann.post(url, { _csrf: csrfOf(page.body), version: '2', reason: '  We found the DBS.  ' })
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, '/provider/keeping?done=withdrawn')
  const keeping = (await ann.get('/provider/keeping?done=withdrawn')).body
  t.match(keeping, /Your appeal has been withdrawn\./)
  t.match(keeping, /You withdrew this appeal\./)
  t.notMatch(keeping, /Withdraw this appeal/, 'nothing left to withdraw')
  t.match(keeping, /href="\/provider\/appeal\?subject=decision"/, 'the window is open: a new appeal may be sent')
  const [audit] = await h.db.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, appealId), eq(auditEvents.action, 'withdraw')))
  t.match(audit, {
    fromState: 'acknowledged',
    toState: 'withdrawn',
    reason: 'We found the DBS.',
    actorUserId: anns.userId
  })
  const again = await ann.get(url)
  t.equal(again.statusCode, 409)
  t.match(again.body, /You cannot withdraw this appeal/)
  t.equal((await ann.post(url, { _csrf: csrfOf(page.body), version: '3' })).statusCode, 409)
})
