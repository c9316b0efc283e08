// Concerns and appeals through the co-ordinator's pages (README: Concerns and appeals in the portal): raise, triage
// (safeguarding suspends the live award), investigate, record the outcome, close after a confirmation; an appeal the
// co-ordinator may not hear (the page says why) heard and decided by an independent reviewer; another council's 404.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { appeals, awards, concerns } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertAward } from '../helpers/awards.js'
import { browserClient, csrfOf, setEmail, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const p = await h.addProvider(north, { name: 'Bright Days' })
await setEmail(h, north.coordinator.id, 'co@northshire.example')
await setEmail(h, north.reviewer.id, 'reviewer@northshire.example')
await setEmail(h, south.coordinator.id, 'co@southshire.example')
const { awardId } = await insertAward(h.db.db, {
  councilId: north.id,
  providerId: p.id,
  level: 'silver',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  decidedBy: north.coordinator.id
})
const co = browserClient(h)
await signInByEmail(h, co, 'co@northshire.example')
const formOf = async (url: string) => {
  const res = await co.get(url)
  return { res, csrf: csrfOf(res.body), version: /name="version" value="(\d+)"/.exec(res.body)?.[1] ?? '' }
}
let concernUrl = ''

t.test('raise a concern: every field checked, the input kept', async (t) => {
  const list = await co.get('/manage/concerns')
  t.equal(list.statusCode, 200)
  t.match(list.body, /href="\/manage\/concerns\/new">Raise a concern/)
  const form = await formOf('/manage/concerns/new')
  const empty = await co.post('/manage/concerns/new', { _csrf: form.csrf, summary: 'Shouting at a client' })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /Select the provider it is about/)
  t.match(empty.body, /Select where it came from/)
  t.match(empty.body, />Shouting at a client<\/textarea>/)
  const raised = await co.post('/manage/concerns/new', {
    _csrf: form.csrf,
    providerId: p.id,
    source: 'complaint',
    summary: 'Shouting at a client'
  })
  t.equal(raised.statusCode, 303)
  concernUrl = String(raised.headers.location).split('?')[0]!
  const page = await co.get(String(raised.headers.location))
  t.match(page.body, /The concern is raised\./)
  t.match(page.body, /A concern about Bright Days/)
  t.match(page.body, /Triage the concern/)
})

t.test('safeguarding triage suspends the award; investigate; outcome needs a reason; close asks first', async (t) => {
  const triage = await formOf(`${concernUrl}/triage`)
  const none = await co.post(`${concernUrl}/triage`, { _csrf: triage.csrf, version: triage.version, note: '' })
  t.equal(none.statusCode, 400)
  t.match(none.body, /Select how serious it is/)
  const done = await co.post(`${concernUrl}/triage`, {
    _csrf: triage.csrf,
    version: triage.version,
    severity: 'safeguarding',
    note: 'A vulnerable adult'
  })
  t.equal(done.statusCode, 303)
  const page = await co.get(String(done.headers.location))
  t.match(page.body, /An open safeguarding concern/)
  const [award] = await h.db.db.select().from(awards).where(eq(awards.id, awardId))
  t.equal(award!.status, 'suspended', 'the live award is suspended')

  const stale = await co.post(`${concernUrl}/investigate`, { _csrf: triage.csrf, version: triage.version })
  t.equal(stale.statusCode, 409, 'read before the triage: someone else changed this')
  t.match(stale.body, /Someone else changed this/)
  const inv = await formOf(`${concernUrl}/investigate`)
  t.equal((await co.post(`${concernUrl}/investigate`, { _csrf: inv.csrf, version: inv.version })).statusCode, 303)

  const out = await formOf(`${concernUrl}/outcome`)
  const noWhy = await co.post(`${concernUrl}/outcome`, { _csrf: out.csrf, version: out.version, outcome: 'upheld' })
  t.equal(noWhy.statusCode, 400)
  t.match(noWhy.body, /Enter why you reached this outcome/)
  t.match(noWhy.body, /value="upheld" checked/)
  const upheld = await co.post(`${concernUrl}/outcome`, {
    _csrf: out.csrf,
    version: out.version,
    outcome: 'upheld',
    note: 'Two witnesses'
  })
  t.equal(upheld.statusCode, 303)

  const close = await formOf(`${concernUrl}/close`)
  const asked = await co.post(`${concernUrl}/close`, { _csrf: close.csrf, version: close.version })
  t.equal(asked.statusCode, 200)
  t.match(asked.body, /Are you sure\? Close the concern/)
  const [open] = await h.db.db.select().from(concerns).where(eq(concerns.providerId, p.id))
  t.equal(open!.state, 'upheld', 'nothing changes before the confirmation')
  const closed = await co.post(`${concernUrl}/close`, { _csrf: close.csrf, version: close.version, confirm: 'yes' })
  t.equal(closed.statusCode, 303)
  const [row] = await h.db.db.select().from(concerns).where(eq(concerns.providerId, p.id))
  t.equal(row!.state, 'closed')
})

t.test('an appeal: the co-ordinator who decided cannot hear it and is told why; a reviewer hears it', async (t) => {
  const lodged = await h.app.inject({
    method: 'POST',
    url: '/api/v1/appeals',
    headers: h.auth(p.token),
    payload: { subjectType: 'suspension', awardId, grounds: 'The concern was about a former worker' }
  })
  t.equal(lodged.statusCode, 201, lodged.body)
  const url = `/manage/appeals/${lodged.json().id as string}`
  t.match((await co.get('/manage/appeals')).body, /Bright Days/)
  const page = await co.get(url)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Appeals are heard only by a reviewer, who took no part in the decision appealed/)
  t.notMatch(page.body, /Hear the appeal/)
  const ack = await formOf(`${url}/acknowledge`)
  t.equal((await co.post(`${url}/acknowledge`, { _csrf: ack.csrf, version: ack.version })).statusCode, 303)
  const forced = await co.post(`${url}/hear`, { _csrf: ack.csrf, version: String(Number(ack.version) + 1) })
  t.equal(forced.statusCode, 403, 'posting anyway is refused by the use case')

  const reviewer = browserClient(h)
  await signInByEmail(h, reviewer, 'reviewer@northshire.example')
  const theirs = await reviewer.get(url)
  t.match(theirs.body, /href="[^"]+\/hear">Hear the appeal/)
  const hear = await reviewer.get(`${url}/hear`)
  const fields = { _csrf: csrfOf(hear.body), version: /name="version" value="(\d+)"/.exec(hear.body)![1]! }
  t.equal((await reviewer.post(`${url}/hear`, fields)).statusCode, 303)
  const decide = await reviewer.get(`${url}/decide`)
  const v = /name="version" value="(\d+)"/.exec(decide.body)![1]!
  const decision = { _csrf: fields._csrf, version: v, outcome: 'dismissed', note: 'The suspension was proportionate' }
  const sure = await reviewer.post(`${url}/decide`, decision)
  t.match(sure.body, /Are you sure\? Decide the appeal/)
  const decided = await reviewer.post(`${url}/decide`, { ...decision, confirm: 'yes' })
  t.equal(decided.statusCode, 303)
  const [row] = await h.db.db.select().from(appeals).where(eq(appeals.id, lodged.json().id))
  t.equal(row!.state, 'dismissed')
  t.equal(row!.reviewerId, north.reviewer.id)

  const other = browserClient(h)
  await signInByEmail(h, other, 'co@southshire.example')
  t.equal((await other.get(url)).statusCode, 404)
  t.equal((await other.get(concernUrl)).statusCode, 404)
  t.equal((await other.get(`${concernUrl}/triage`)).statusCode, 404)
  t.notMatch((await other.get('/manage/concerns')).body, /Bright Days/)
})
