// The co-ordinator's work queue (README: For co-ordinators): each section's rows and counts, oldest first, linking
// to the place to act; "mine" and one-section filters; and nothing of another council, nor for a provider.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { fillQueue, insertAssessment, signedInStaff } from '../helpers/manage.js'
import { browserClient, setEmail, signInByEmail } from '../helpers/sign-in.js'

const h = await buildTestApp(t, { env: { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR: '100' } })
const [north, south] = h.councils
const today = '2026-03-02'
const anns = await h.addProvider(north, { name: 'Ann’s Home Help' })
const bright = await h.addProvider(north, { name: 'Bright Days' })
const q = await fillQueue(h, north, anns.id, today)
// an older submission and a complaint, for the order within a section
const older = await insertAssessment(h, north, bright.id, 'submitted', {
  updatedAt: new Date('2026-02-01T09:00:00Z')
})
const southern = await h.addProvider(south, { name: 'Southern Secret Care' })
await fillQueue(h, south, southern.id, today)
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')

const countOf = (body: string, title: string) => {
  const m = new RegExp(`>${title.replace(/[()]/g, '\\$&')}</a></dt>\\s*<dd[^>]*data-count="(\\d+)"`).exec(body)
  return m === null ? -1 : Number(m[1])
}

t.test('the landing page lists every section with its count and links to act', async (t) => {
  const res = await co.get('/manage')
  t.equal(res.statusCode, 200)
  const body = res.body
  t.equal(countOf(body, 'Applications waiting for review'), 2)
  t.equal(countOf(body, 'Answers to requests for information'), 1)
  t.equal(countOf(body, 'Assessments ready for a decision'), 1)
  t.equal(countOf(body, 'Factual-accuracy windows closing'), 1)
  t.equal(countOf(body, 'Evidence expiring in the next 60 days'), 1)
  t.equal(countOf(body, 'Awards to renew'), 1)
  t.equal(countOf(body, 'Concerns to triage'), 1)
  t.equal(countOf(body, 'Appeals to hear'), 1)
  t.equal(countOf(body, 'Notifications not delivered'), 1)
  for (const href of [
    `/manage/assessments/${q.submitted}`, `/manage/assessments/${q.answered}`, `/manage/assessments/${q.ready}`,
    `/manage/assessments/${q.proposed}`, `/manage/awards/${q.awardId}`, `/manage/concerns/${q.concern}`,
    `/manage/appeals/${q.appeal}`, `/manage/providers/${anns.id}`
  ]) t.match(body, `href="${href}"`, href)
  t.match(body, /#evidence-/, 'evidence links into its assessment')
  t.match(body, /Within 7 days/)
  t.match(body, /Safeguarding/)
  t.ok(body.indexOf(older) < body.indexOf(q.submitted), 'the older submission comes first')
  t.notMatch(body, /Southern Secret Care/, 'nothing of another council')
})

t.test('evidence in 7, 30 and 60 days; a later replacement takes the old piece off', async (t) => {
  const { insertAward, insertEvidence } = await import('../helpers/awards.js')
  const { assessmentId } = await insertAward(h.db.db, {
    councilId: north.id,
    providerId: bright.id,
    validFrom: '2025-06-01',
    validTo: '2026-05-31',
    decidedBy: north.coordinator.id
  })
  const piece = { councilId: north.id, providerId: bright.id, assessmentId }
  await insertEvidence(h.db.db, { ...piece, itemCode: 'SG_TRAIN', expiresOn: '2026-03-20' })
  await insertEvidence(h.db.db, { ...piece, itemCode: 'FIRST_AID', expiresOn: '2026-04-20' })
  await insertEvidence(h.db.db, { ...piece, itemCode: 'FOOD_HYG', expiresOn: '2026-03-04' })
  await insertEvidence(h.db.db, { ...piece, itemCode: 'FOOD_HYG', expiresOn: '2027-03-04' })
  await insertEvidence(h.db.db, { ...piece, itemCode: 'CPD', expiresOn: '2026-09-01' })
  const res = await co.get('/manage?section=evidence_expiring')
  t.equal(countOf(res.body, 'Evidence expiring in the next 60 days'), 3)
  t.match(res.body, /1 within 7 days, 2 within 30 days, 3 within 60 days/)
  t.notMatch(res.body, /Evidence for FOOD_HYG/, 'renewed evidence is not listed')
  t.notMatch(res.body, /id="section-submitted"/, 'one section only')
})

t.test('mine: only what the audit trail shows this person acted on', async (t) => {
  const other = await signedInStaff(h, north.coordinator2, 'co2@northshire.example')
  const calm = await h.addProvider(north, { name: 'Calm Care' })
  const api = async (token: string, url: string, payload: object = {}) =>
    await h.app.inject({ method: 'POST', url: `/api/v1/assessments${url}`, headers: h.auth(token), payload })
  const opened = await api(calm.token, '', { kind: 'initial' })
  t.equal(opened.statusCode, 201, opened.body)
  const id = opened.json().id as string
  const second = north.coordinator2.token
  t.equal((await api(calm.token, `/${id}/submit`)).statusCode, 200, 'submit')
  t.equal((await api(second, `/${id}/start-review`)).statusCode, 200, 'review')
  const asked = await api(second, `/${id}/request-info`, { note: 'Which days?' })
  t.equal(asked.statusCode, 200, asked.body)
  const answered = await api(calm.token, `/${id}/respond`, { note: 'Mondays' })
  t.equal(answered.statusCode, 200, answered.body)
  const mine = await other.get('/manage?mine=yes')
  t.equal(countOf(mine.body, 'Answers to requests for information'), 1)
  t.match(mine.body, `/manage/assessments/${id}`)
  t.notMatch(mine.body, `/manage/assessments/${q.answered}`, 'not an answer on an assessment they never touched')
  t.equal(countOf(mine.body, 'Applications waiting for review'), 0)
  const everyone = await other.get('/manage')
  t.equal(countOf(everyone.body, 'Answers to requests for information'), 2)
  const minePage = await co.get('/manage?mine=yes')
  t.notMatch(minePage.body, `/manage/assessments/${id}`, 'the other co-ordinator does not see it as theirs')
})

t.test('a filter the page does not offer is ignored, never an error', async (t) => {
  const res = await co.get('/manage?section=everything&mine=maybe')
  t.equal(res.statusCode, 200)
  t.equal(countOf(res.body, 'Awards to renew'), 1)
})

t.test('others: a provider gets 403, another council sees only its own, no session goes to sign in', async (t) => {
  await setEmail(h, anns.userId, 'owner@anns.example')
  const owner = browserClient(h)
  await signInByEmail(h, owner, 'owner@anns.example')
  const refused = await owner.get('/manage')
  t.equal(refused.statusCode, 403)
  t.notMatch(refused.body, /Ann’s Home Help|Bright Days/)
  const reviewer = await signedInStaff(h, south.reviewer, 'rev@southshire.example')
  const theirs = await reviewer.get('/manage')
  t.equal(theirs.statusCode, 200)
  t.match(theirs.body, /Southern Secret Care/)
  t.notMatch(theirs.body, /Bright Days|Ann’s Home Help/)
  const anonymous = await browserClient(h).get('/manage')
  t.equal(anonymous.statusCode, 303)
  t.match(String(anonymous.headers.location), /^\/sign-in/)
})

t.test('expiring evidence is counted up to 1,000; past that the page says "more than 1,000"', async (t) => {
  const { insertAward } = await import('../helpers/awards.js')
  const { evidence } = await import('../../src/db/schema/index.js')
  const { EXPIRING_COUNT_CAP } = await import('../../src/db/stores/work-queue.js')
  const busy = await h.addProvider(north, { name: 'Busy Bees Care' })
  const { assessmentId } = await insertAward(h.db.db, {
    councilId: north.id,
    providerId: busy.id,
    validFrom: '2025-06-01',
    validTo: '2027-05-31',
    decidedBy: north.coordinator.id
  })
  const piece = { councilId: north.id, providerId: busy.id, assessmentId }
  const before = await co.get('/manage?section=evidence_expiring')
  const shown = countOf(before.body, 'Evidence expiring in the next 60 days')
  // enough pieces, each for its own item and expiring in 40 days, to pass the cap by 5
  const extra = EXPIRING_COUNT_CAP - shown + 5
  await h.db.db.insert(evidence).values(Array.from({ length: extra }, (_, i) =>
    ({ ...piece, kind: 'document', status: 'verified', itemCode: `ITEM_${i}`, expiresOn: '2026-04-11' } as const)))
  const res = await co.get('/manage?section=evidence_expiring')
  t.equal(res.statusCode, 200)
  t.equal(countOf(res.body, 'Evidence expiring in the next 60 days'), EXPIRING_COUNT_CAP)
  t.match(res.body, />more than 1,000</, 'the summary says where counting stopped')
  t.match(res.body, /Evidence expiring in the next 60 days \(more than 1,000\)/)
  t.match(res.body, /1 within 7 days, 2 within 30 days, more than 1,000 within 60 days\./,
    'the nearer counts stay exact')
  t.match(res.body, /Showing the first 20 of more than 1,000\./)
})
