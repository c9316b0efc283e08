// Deciding through the co-ordinator's pages (README: Reviewing an assessment and deciding): mark ready, propose the
// computed level or a lower one with a reason, see the provider's comment, publish after a confirmation, then the
// award page: suspend (reason, confirmation), reinstate, the badge, and another council that sees nothing.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { assessments, auditEvents, awards } from '../../src/db/schema/index.js'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { browserClient, csrfOf, setEmail, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = north.coordinator.token
const d = assessmentDriver(h)
const flags = sampleProvider().flags
const p = await h.addProvider(north, { name: 'Bright Days' })
await setEmail(h, north.coordinator.id, 'co@northshire.example')
await setEmail(h, south.coordinator.id, 'co@southshire.example')
const id = await d.openUnderReview(p.token, staff)
await d.meetItems(id, flags, 'B', p.token, staff)
await d.addGlowingFeedback(id, north.id, p.id, 3)
const page = `/manage/assessments/${id}`

const co = browserClient(h)
await signInByEmail(h, co, 'co@northshire.example')
const formOf = async (url: string) => {
  const res = await co.get(url)
  const version = /name="version" value="(\d+)"/.exec(res.body)?.[1] ?? ''
  return { res, csrf: csrfOf(res.body), version }
}
const stateOf = async () => (await h.db.db.select().from(assessments).where(eq(assessments.id, id)))[0]!

t.test('mark ready, then propose: a lower level needs a reason; the computed one does not', async (t) => {
  const review = await formOf(page)
  t.match(review.res.body, /govuk-tag--orange">Bronze</, 'the live score is bronze')
  const ready = await co.post(`${page}/mark-ready`, { _csrf: review.csrf, version: review.version })
  t.equal(ready.statusCode, 303)
  t.equal((await stateOf()).state, 'ready_for_decision')

  const form = await formOf(`${page}/propose`)
  t.equal(form.res.statusCode, 200)
  t.match(form.res.body, /value="bronze" checked/, 'the computed level is chosen to start with')
  t.notMatch(form.res.body, /value="silver"/, 'never above the computed level')
  const lower = await co.post(`${page}/propose`, { _csrf: form.csrf, version: form.version, level: 'none', reason: '' })
  t.equal(lower.statusCode, 400)
  t.match(lower.body, /href="#reason">Enter why you are proposing a lower level than computed/)
  t.match(lower.body, /value="none" checked/, 'the choice is kept')
  const above = await co.post(`${page}/propose`, { _csrf: form.csrf, version: form.version, level: 'gold' })
  t.equal(above.statusCode, 400, 'a forged level above the computed one is refused on the field')
  t.match(above.body, /href="#level">/)
  t.equal((await stateOf()).state, 'ready_for_decision', 'nothing half-written')

  const proposed = await co.post(`${page}/propose`, { _csrf: form.csrf, version: form.version, level: 'bronze' })
  t.equal(proposed.statusCode, 303)
  const after = await co.get(String(proposed.headers.location))
  t.match(after.body, /The decision has been proposed to the provider\./)
  t.match(after.body, /Proposed level[\s\S]*?Bronze/)
  const row = await stateOf()
  t.equal(row.state, 'decision_proposed')
  t.equal(row.proposedBy, north.coordinator.id)
})

t.test("the provider's factual-accuracy comment shows; publish asks first, then issues the award", async (t) => {
  const v = (await stateOf()).version
  const commented = await d.post(p.token, `/api/v1/assessments/${id}/comment`, { comment: 'Our address is wrong' },
    { 'if-match': `"v${v}"` })
  t.equal(commented.statusCode, 200, commented.body)
  await d.post(p.token, `/api/v1/assessments/${id}/accept-decision`)
  const review = await co.get(page)
  t.match(review.body, /Provider&#39;s comment[\s\S]*?Our address is wrong/)

  const confirm = await formOf(`${page}/publish`)
  t.match(confirm.res.body, /Publishing issues the award/)
  const stale = await co.post(`${page}/publish`, { _csrf: confirm.csrf, version: String(Number(confirm.version) - 1) })
  t.equal(stale.statusCode, 409)
  t.match(stale.body, /Someone else changed this/)
  t.equal((await stateOf()).state, 'decision_proposed')

  const published = await co.post(`${page}/publish`, { _csrf: confirm.csrf, version: confirm.version })
  t.equal(published.statusCode, 303)
  const row = await stateOf()
  t.equal(row.state, 'decided')
  t.equal(row.outcome, 'awarded')
  t.ok(row.awardId)
  const after = await co.get(String(published.headers.location))
  t.match(after.body, new RegExp(`href="/manage/awards/${row.awardId}"`))
})

t.test('the award: suspend with a reason and a confirmation, then reinstate', async (t) => {
  const { awardId } = await stateOf()
  const url = `/manage/awards/${awardId}`
  const award = await co.get(url)
  t.equal(award.statusCode, 200)
  t.match(award.body, /Bright Days: Bronze award/)
  t.match(award.body, /govuk-tag--green">Active</)
  t.match(award.body, new RegExp(`src="/badges/${awardId}.svg"`), 'the badge')
  t.match(award.body, new RegExp(`href="${url}/suspend"`))
  t.notMatch(award.body, new RegExp(`href="${url}/reinstate"`), 'only what the state allows')
  t.match((await co.get('/manage/awards')).body, /Bright Days/)

  const form = await formOf(`${url}/suspend`)
  const none = await co.post(`${url}/suspend`, { _csrf: form.csrf, version: form.version, note: '' })
  t.equal(none.statusCode, 400)
  t.match(none.body, /Select why you are suspending the award/)
  t.match(none.body, /Enter what happened/)
  const fields = { _csrf: form.csrf, version: form.version, reason: 'serious_complaint', note: 'Missed visits' }
  const asked = await co.post(`${url}/suspend`, fields)
  t.equal(asked.statusCode, 200)
  t.match(asked.body, /Are you sure you want to suspend this award\?/)
  t.match(asked.body, /name="confirm" value="yes"/)
  const [still] = await h.db.db.select().from(awards).where(eq(awards.id, awardId!))
  t.equal(still!.status, 'active', 'nothing changes before the confirmation')

  const done = await co.post(`${url}/suspend`, { ...fields, confirm: 'yes' })
  t.equal(done.statusCode, 303)
  const suspended = await co.get(String(done.headers.location))
  t.match(suspended.body, /The award is suspended\./)
  t.match(suspended.body, /govuk-tag--orange">Suspended</)
  t.match(suspended.body, /serious_complaint: Missed visits/)
  const [audit] = await h.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'suspend'))
  t.equal(audit!.actorUserId, north.coordinator.id)

  const again = await formOf(`${url}/reinstate`)
  const empty = await co.post(`${url}/reinstate`, { _csrf: again.csrf, version: again.version, note: '' })
  t.match(empty.body, /Enter why the award is reinstated/)
  const reinstated = await co.post(`${url}/reinstate`, {
    _csrf: again.csrf,
    version: again.version,
    note: 'The complaint was resolved'
  })
  t.equal(reinstated.statusCode, 303, 'reinstating asks no confirmation: it takes nothing away')
  const [back] = await h.db.db.select().from(awards).where(eq(awards.id, awardId!))
  t.equal(back!.status, 'active')
  t.equal((await co.get(`${url}/reinstate`)).statusCode, 409, 'an action the state does not allow')
})

t.test("another council's co-ordinator gets 404 for the award and its actions", async (t) => {
  const { awardId } = await stateOf()
  const other = browserClient(h)
  await signInByEmail(h, other, 'co@southshire.example')
  const url = `/manage/awards/${awardId}`
  t.equal((await other.get(url)).statusCode, 404)
  t.equal((await other.get(`${url}/suspend`)).statusCode, 404)
  const csrf = csrfOf((await other.get('/account')).body)
  const post = await other.post(`${url}/suspend`, {
    _csrf: csrf,
    version: '1',
    reason: 'serious_complaint',
    note: 'x',
    confirm: 'yes'
  })
  t.equal(post.statusCode, 404)
  t.notMatch((await other.get('/manage/awards')).body, /Bright Days/)
})

t.test('revoke follows a suspension and asks first; withdraw is offered while the award is live', async (t) => {
  const { awardId } = await stateOf()
  const url = `/manage/awards/${awardId}`
  t.match((await co.get(url)).body, new RegExp(`href="${url}/withdraw"`))
  const s = await formOf(`${url}/suspend`)
  const suspend = { _csrf: s.csrf, version: s.version, reason: 'non_engagement', note: 'No reply', confirm: 'yes' }
  t.equal((await co.post(`${url}/suspend`, suspend)).statusCode, 303)
  const r = await formOf(`${url}/revoke`)
  const asked = await co.post(`${url}/revoke`, { _csrf: r.csrf, version: r.version, note: 'No reply in three months' })
  t.match(asked.body, /Are you sure you want to revoke this award\?/)
  t.match(asked.body, /govuk-button--warning/)
  const done = await co.post(`${url}/revoke`, {
    _csrf: r.csrf,
    version: r.version,
    note: 'No reply in three months',
    confirm: 'yes'
  })
  t.equal(done.statusCode, 303)
  const page = await co.get(String(done.headers.location))
  t.match(page.body, /The award is revoked\./)
  t.match(page.body, /govuk-tag--red">Revoked</)
  t.notMatch(page.body, /govuk-button[^"]*" href="[^"]+\/(suspend|reinstate|revoke|withdraw)"/, 'nothing more to do')
})
