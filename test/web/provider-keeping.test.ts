// The award and "keeping your mark" pages of the provider's portal (README: For providers): the award with its state,
// badge snippet and certificate; a suspension and what to do about it, never naming a safeguarding enquiry; evidence
// to renew by the 60/30/7-day windows; the concerns a provider may see; an appeal lodged within its window.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { insertExpiringEvidence, insertGoldAward } from '../helpers/awards.js'
import { tinyPdf } from '../helpers/assessments.js'
import { signedInStaff } from '../helpers/manage.js'
import { postMultipart, signedInProvider } from '../helpers/provider-portal.js'
import { csrfOf } from '../helpers/sign-in.js'

const h = await buildTestApp(t, {
  env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100', SIGN_IN_REQUESTS_PER_CLIENT_PER_MINUTE: '100' }
})
const [north] = h.councils
const staff = h.auth(north.coordinator.token)
const anns = await h.addProvider(north)
const bobs = await h.addProvider(north, { name: "Bob's Day Club" })
let ann = await signedInProvider(h, anns, 'owner@anns.example')
let bob = await signedInProvider(h, bobs, 'owner@bobs.example')

/** Moves the clock; a session idle that long has ended, so both sign in again. */
async function moveDays (days: number) {
  h.clock.advanceDays(days)
  ann = await signedInProvider(h, anns, 'owner@anns.example')
  bob = await signedInProvider(h, bobs, 'owner@bobs.example')
}

const api = async (method: 'GET' | 'POST', url: string, payload?: object) =>
  await h.app.inject({ method, url: `/api/v1${url}`, headers: staff, ...(payload === undefined ? {} : { payload }) })

const { awardId, assessmentId } = await insertGoldAward(h.db.db, north, anns.id)
await insertExpiringEvidence(h.db.db, { councilId: north.id, providerId: anns.id, assessmentId }, {
  INS_PL: '2026-03-06',
  DBS_ENH: '2026-03-20',
  FIRST_AID: '2026-04-20',
  MCA: '2027-01-01'
})

await t.test('no award yet is said kindly, and nothing to renew, see or appeal', async (t) => {
  const award = await bob.get('/provider/award')
  t.equal(award.statusCode, 200)
  t.match(award.body, /You do not have a Quality Mark yet/)
  t.notMatch(award.body, /badge-html/)
  const keeping = await bob.get('/provider/keeping')
  t.equal(keeping.statusCode, 200)
  t.match(keeping.body, /None of your evidence runs out in the next few weeks/)
  t.match(keeping.body, /There are no concerns about your service for you to see/)
  t.match(keeping.body, /You have not sent an appeal/)
  t.match(keeping.body, /href="\/provider\/keeping"[^>]*aria-current/, 'the navigation shows where you are')
  t.equal((await bob.get('/provider/appeal?subject=decision')).statusCode, 409, 'nothing to appeal against')
})

await t.test('the award page: level, dates, state, badge with its HTML, certificate', async (t) => {
  const page = await ann.get('/provider/award')
  t.equal(page.statusCode, 200)
  t.match(page.body, /Gold/)
  t.match(page.body, /1 March 2026/)
  t.match(page.body, /28 February 2027/)
  t.match(page.body, /govuk-tag--green[^>]*>\s*Current/)
  const alt = 'Gold Quality Mark badge, valid until 28 February 2027'
  t.match(page.body, new RegExp(`<img class="app-badge" src="/badges/${awardId}.svg" alt="${alt}"`))
  const base = h.app.deps.config.publicBaseUrl
  const snippet = `&lt;a href=&quot;${base}/verify/${awardId}&quot;&gt;` +
    `&lt;img src=&quot;${base}/badges/${awardId}.svg&quot;`
  t.ok(page.body.includes(snippet), 'the HTML to copy links the live badge to the verify page')
  t.match(page.body, /<textarea[^>]*id="badge-html"[^>]*readonly/)
  t.match(page.body, /href="\/provider\/award\/certificate.pdf"/)
  t.equal((await h.app.inject({ method: 'GET', url: `/badges/${awardId}.svg` })).statusCode, 200, 'the badge is there')

  const other = await bob.get('/provider/award')
  t.match(other.body, /You do not have a Quality Mark yet/, 'another provider never sees Ann’s award')
  t.notOk(other.body.includes(awardId))
})

await t.test('evidence to renew, by the scheme’s reminder windows, with links to the items', async (t) => {
  const page = await ann.get('/provider/keeping')
  const body = page.body
  const at = (s: string) => body.indexOf(s)
  t.match(body, /Runs out within 7 days[\s\S]*href="\/provider\/items\/INS_PL">Public liability insurance/)
  t.match(body, /runs out on 6 March 2026/)
  t.match(body, /Runs out within 30 days[\s\S]*href="\/provider\/items\/DBS_ENH"/)
  t.match(body, /Runs out within 60 days[\s\S]*href="\/provider\/items\/FIRST_AID"/)
  t.ok(at('within 7 days') < at('within 30 days') && at('within 30 days') < at('within 60 days'), 'soonest first')
  t.notMatch(body, /items\/MCA/, 'a date further off than the first reminder is not listed')
  t.match(body, /id="can-renew">To keep your mark, send the new evidence from each item’s page/,
    'behind a live mark: what runs out is renewed from its item page')
  t.notMatch(body, /id="cannot-send"/)
  await moveDays(5)
  t.match((await ann.get('/provider/keeping')).body, /Ran out[\s\S]*items\/INS_PL/)
  await moveDays(-5)
  t.notMatch((await bob.get('/provider/keeping')).body, /items\/INS_PL/, 'never another provider’s evidence')
})

await t.test('between assessments: new insurance sent, checked by the co-ordinator, and the mark kept', async (t) => {
  const item = await ann.get('/provider/items/INS_PL')
  t.equal(item.statusCode, 200)
  t.match(item.body, /action="\/provider\/items\/INS_PL\/files"/, 'insurance runs out: it can be renewed')
  const policy = await ann.get('/provider/items/SG_POLICY')
  t.notMatch(policy.body, /action="\/provider\/items\/SG_POLICY/, 'a policy does not run out: it waits')
  const declaration = await ann.post('/provider/items/SIZE_DECL', {
    _csrf: csrfOf(item.body), kind: 'declaration', narrative: 'We are five people.'
  })
  t.equal(declaration.statusCode, 409, 'and the use case refuses it too')

  const sent = await postMultipart(h, ann, '/provider/items/INS_PL/files', item.body, {
    'issuedOn-day': '1', 'issuedOn-month': '3', 'issuedOn-year': '2026'
  }, [{ name: 'insurance-2026.pdf', type: 'application/pdf', content: tinyPdf() }])
  t.equal(sent.statusCode, 303, sent.body.slice(0, 300))
  t.match((await ann.get(String(sent.headers.location))).body, /Thank you/)

  const coordinator = await signedInStaff(h, north.coordinator, 'co@north.example')
  const section = async () => {
    const body = (await coordinator.get('/manage')).body
    const start = body.indexOf('id="section-kept_evidence"')
    return start === -1 ? '' : body.slice(start, body.indexOf('id="section-', start + 1))
  }
  t.match(await section(), /Evidence for INS_PL[\s\S]*Check the evidence/, 'the co-ordinator’s queue shows it')
  const review = (await coordinator.get(`/manage/assessments/${assessmentId}`)).body
  t.match(review, /aria-label="Verify INS_PL"/, 'and the decided assessment lets it be verified')
  const detail = (await api('GET', `/assessments/${assessmentId}`)).json<{
    checklist: Array<{ code: string; evidence: Array<{ id: string; status: string; expiresOn: string | null }> }>
  }>()
  const renewed = detail.checklist.find((i) => i.code === 'INS_PL')?.evidence.find((e) => e.status === 'submitted')
  t.equal(renewed?.expiresOn, '2027-03-01', 'valid for the item’s 12 months from issue')
  t.equal((await api('POST', `/assessments/${assessmentId}/evidence/${renewed?.id}/verify`, {})).statusCode, 200)
  t.notMatch(await section(), /INS_PL/, 'checked: off the queue')

  // Past the old insurance's expiry and its 14 days' grace: the nightly jobs keep the mark, since the new one speaks
  // for the item; without it they would suspend (test/use-cases/jobs.test.ts).
  await moveDays(23)
  t.equal((await api('POST', '/jobs/run', {})).statusCode, 200)
  const award = (await api('GET', `/awards/${awardId}`)).json<{ status: string }>()
  t.equal(award.status, 'active', 'the mark is kept')
  t.notMatch((await ann.get('/provider/keeping')).body, /items\/INS_PL/, 'and nothing about insurance to renew')
  await moveDays(-23)
})

await t.test('concerns: only the ones a provider may see, never who raised them', async (t) => {
  const raise = async (providerId: string, summary: string) =>
    (await api('POST', '/concerns', { providerId, source: 'complaint', summary })).json<{ id: string }>().id
  const untriaged = await raise(anns.id, 'Not yet looked at by anyone')
  const low = await raise(anns.id, 'Visits often start late')
  const bobsConcern = await raise(bobs.id, 'Bob’s minibus was unsafe')
  for (const id of [low, bobsConcern]) {
    t.equal((await api('POST', `/concerns/${id}/triage`, { severity: 'low' })).statusCode, 200)
  }
  const page = (await ann.get('/provider/keeping')).body
  t.match(page, /Visits often start late/)
  t.match(page, /Concern raised on 2 March 2026/)
  t.match(page, /The council has looked at it and decided what to do next/)
  t.notMatch(page, /Not yet looked at/, 'not shown before the council has triaged it')
  t.notMatch(page, /minibus/, 'never another provider’s concern')
  t.notMatch(page, /complaint/i, 'not even where it came from')
  t.ok(untriaged)
})

await t.test('an appeal against the decision: lodged within the window, then followed', async (t) => {
  let keeping = (await ann.get('/provider/keeping')).body
  const offer = /href="\/provider\/appeal\?subject=decision">Appeal against the decision on your application by 29 March/
  t.match(keeping, offer)
  const form = await ann.get('/provider/appeal?subject=decision')
  t.equal(form.statusCode, 200)
  t.match(form.body, /You have until 29 March 2026 to appeal/)
  const csrf = csrfOf(form.body)

  const noToken = await ann.post('/provider/appeal', { subject: 'decision', grounds: 'The score missed our DBS' })
  t.equal(noToken.statusCode, 403, 'a form without its CSRF token is refused')
  const blank = await ann.post('/provider/appeal', { _csrf: csrf, subject: 'decision', grounds: '  ' })
  t.equal(blank.statusCode, 400)
  t.match(blank.body, /href="#grounds">Enter why you are appealing/)
  const short = await ann.post('/provider/appeal', { _csrf: csrf, subject: 'decision', grounds: 'Unfair' })
  t.equal(short.statusCode, 400)
  t.match(short.body, /Why you are appealing must be 10 characters or more/)
  t.match(short.body, /<textarea[^>]*>Unfair<\/textarea>/, 'what was typed is kept')
  t.match(short.body, /<title>Error: /)

  const sent = await ann.post('/provider/appeal', {
    _csrf: csrf, subject: 'decision', grounds: 'Our DBS checks were all sent but not counted.'
  })
  t.equal(sent.statusCode, 303)
  t.equal(sent.headers.location, '/provider/keeping?done=appealed')
  keeping = (await ann.get('/provider/keeping?done=appealed')).body
  t.match(keeping, /Your appeal has been sent/)
  t.match(keeping, /Appeal against the decision on your application/)
  t.match(keeping, /We have received your appeal\./)
  t.match(keeping, /Your appeal against the decision on your application is open\./)
  t.notMatch(keeping, /subject=decision/, 'one open appeal at a time')
  const listed = (await api('GET', '/appeals')).json<{ items: Array<{ grounds: string }> }>()
  t.same(listed.items.map((a) => a.grounds), ['Our DBS checks were all sent but not counted.'], 'the API’s record')
  t.notMatch((await bob.get('/provider/keeping')).body, /Our DBS checks/, 'never another provider’s appeal')
})

await t.test('a suspension says why and what to do, a safeguarding one unnamed; the window closes', async (t) => {
  const complaint = { reason: 'serious_complaint', note: 'Mrs X said…' }
  const suspended = await api('POST', `/awards/${awardId}/suspend`, complaint)
  t.equal(suspended.statusCode, 200, suspended.body)
  let page = (await ann.get('/provider/award')).body
  t.match(page, /govuk-tag--red[^>]*>\s*Suspended/)
  t.match(page, /The council received a serious complaint about your service/)
  t.match(page, /How to get it reinstated/)
  t.notMatch(page, /Mrs X/, 'the co-ordinator’s note stays with the council')
  t.notMatch(page, /certificate.pdf/, 'no certificate while suspended')
  t.match((await ann.get('/provider/keeping')).body, /Appeal against the suspension of your mark by 30 March 2026/)

  t.equal((await api('POST', `/awards/${awardId}/reinstate`, { reason: 'Resolved' })).statusCode, 200)
  await moveDays(40)
  const why = { reason: 'safeguarding_investigation', note: 'Alleged abuse of Mr Y' }
  t.equal((await api('POST', `/awards/${awardId}/suspend`, why)).statusCode, 200)
  page = (await ann.get('/provider/award')).body
  t.match(page, /The council is looking into a matter about your service/)
  t.notMatch(page, /safeguard|abuse|Mr Y/i)

  const keeping = (await ann.get('/provider/keeping')).body
  t.match(keeping, /The time to appeal against the decision on your application ended on 29 March 2026\./)
  t.equal((await ann.get('/provider/appeal?subject=decision')).statusCode, 409, 'the window has closed')
  const form = await ann.get('/provider/appeal?subject=suspension')
  t.equal(form.statusCode, 200, 'the suspension is recent: it can still be appealed')
  t.match(form.body, /You have until 9 May 2026 to appeal/)
  await moveDays(40)
  const csrf = csrfOf((await ann.get('/provider/listing')).body)
  const closed = await ann.post('/provider/appeal', {
    _csrf: csrf, subject: 'suspension', grounds: 'We were never told why this happened.'
  })
  t.equal(closed.statusCode, 409, 'the window closed: refused kindly')
  t.match(closed.body, /The time to appeal ended on 9 May 2026/)

  t.equal((await api('POST', `/awards/${awardId}/revoke`, { reason: 'Not put right' })).statusCode, 200)
  const revoked = (await ann.get('/provider/keeping')).body
  t.match(revoked, /Appeal against the removal of your mark by 18 June 2026/, 'a revocation can be appealed')
  const ended = (await ann.get('/provider/award')).body
  t.match(ended, /id="ended">Your gold Quality Mark was removed by the council\. It was valid until 28 February 2027\./)
  t.match(ended, /href="\/provider\/keeping#appeals">keeping your mark/)
  t.notMatch(ended, /badge-html/, 'no badge to copy for a mark that has ended')
})
