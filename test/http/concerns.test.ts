// Concerns through the API: the lifecycle and every refused step, a safeguarding concern suspending the live
// award and reinstatement after closing, what a provider may see, and concerns opened from flagged feedback.
import { randomUUID } from 'node:crypto'
import t from 'tap'
import { eq } from 'drizzle-orm'
import { openConcernFromFeedback } from '../../src/use-cases/concerns.js'
import { awards, concerns, outbox } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertAward } from '../helpers/awards.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)
const provider = await h.addProvider(north)
const { awardId } = await insertAward(h.db.db, {
  councilId: north.id,
  providerId: provider.id,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  decidedBy: north.coordinator.id
})

const post = async (url: string, payload: object = {}, headers = staff) =>
  await h.app.inject({ method: 'POST', url: `/api/v1/concerns${url}`, headers, payload })
const awardRow = async () => (await h.db.db.select().from(awards).where(eq(awards.id, awardId)))[0]!
const raise = async (summary: string) => {
  const res = await post('', { providerId: provider.id, source: 'complaint', summary })
  if (res.statusCode !== 201) throw new Error(`raise: ${res.body}`)
  return res.json().id as string
}
/** triaged → investigating → outcome → closed */
const carryToClosed = async (id: string) => {
  for (const [step, body] of [
    ['/start-investigation', {}],
    ['/outcome', { outcome: 'not_upheld', reason: 'No evidence found' }],
    ['/close', {}]
  ] as const) {
    const res = await post(`/${id}${step}`, body)
    if (res.statusCode !== 200) throw new Error(`${step}: ${res.body}`)
  }
}

t.test('steps out of order are refused with a 409 naming the state and the action', async (t) => {
  const id = await raise('Missed visits reported by a relative')
  for (const [step, body] of [
    ['/start-investigation', {}],
    ['/outcome', { outcome: 'upheld', reason: 'Too early' }],
    ['/close', {}]
  ] as const) {
    const res = await post(`/${id}${step}`, body)
    t.equal(res.statusCode, 409, step)
    t.equal(res.json().code, 'CONCERN_TRANSITION_NOT_ALLOWED')
    t.match(res.json().detail, /the concern is received \(allowed: triage\)/)
  }
  const reinstate = await post(`/${id}/reinstate-award`, { reason: 'Too early' })
  t.equal(reinstate.statusCode, 409)
  t.equal(reinstate.json().code, 'CONCERN_NOT_CLOSED')
  t.equal((await post(`/${id}/triage`, { severity: 'low' })).statusCode, 200)
  t.equal(
    (await post(`/${id}/outcome`, { outcome: 'upheld', reason: 'Not investigated yet' })).statusCode,
    409,
    'outcome before investigation'
  )
  t.equal((await post(`/${id}/close`, {})).statusCode, 409, 'close before outcome')
  await carryToClosed(id)
  for (const [step, body] of [
    ['/triage', { severity: 'high' }],
    ['/start-investigation', {}],
    ['/close', {}],
    ['/outcome', { outcome: 'upheld', reason: 'Again' }]
  ] as const) {
    t.equal((await post(`/${id}${step}`, body)).statusCode, 409, `${step} on a closed concern`)
  }
  const noAward = await post(`/${id}/reinstate-award`, { reason: 'Nothing was suspended' })
  t.equal(noAward.json().code, 'CONCERN_SUSPENDED_NO_AWARD')
  const history = (await h.app.inject({ url: `/api/v1/concerns/${id}/history`, headers: staff })).json().items
  t.same(
    history.map((e: { action: string }) => e.action),
    ['receive', 'triage', 'start_investigation', 'not_uphold', 'close']
  )
})

t.test(
  'a safeguarding concern suspends the live award; reinstatement waits until every safeguarding concern is closed',
  async (t) => {
    const first = await raise('A person said they were shouted at')
    const triaged = await post(`/${first}/triage`, { severity: 'safeguarding', reason: 'Possible emotional abuse' })
    t.equal(triaged.statusCode, 200, triaged.body)
    t.equal(triaged.json().suspendedAwardId, awardId)
    const suspended = await awardRow()
    t.equal(suspended.status, 'suspended')
    t.equal(suspended.statusReason, 'safeguarding_investigation', "the concern's details never reach the award")

    const second = await raise('A second referral from the district nurse')
    const triaged2 = await post(`/${second}/triage`, { severity: 'safeguarding' })
    t.equal(triaged2.json().suspendedAwardId, null, 'already suspended: nothing more to suspend')

    await carryToClosed(first)
    const refused = await post(`/${first}/reinstate-award`, { reason: 'Investigation closed' })
    t.equal(refused.statusCode, 409)
    t.equal(refused.json().code, 'SAFEGUARDING_CONCERN_OPEN')
    t.equal((await awardRow()).status, 'suspended')

    await carryToClosed(second)
    const reinstated = await post(`/${first}/reinstate-award`, { reason: 'Both investigations closed, not upheld' })
    t.equal(reinstated.statusCode, 200, reinstated.body)
    t.equal(reinstated.json().award.status, 'active')
    t.equal((await awardRow()).statusReason, null)
    const again = await post(`/${first}/reinstate-award`, { reason: 'Twice' })
    t.equal(again.statusCode, 409, 'the award is no longer suspended')
    t.equal(again.json().code, 'AWARD_TRANSITION_NOT_ALLOWED')
  }
)

t.test('a stale If-Match is refused; another council and a provider may not act', async (t) => {
  const id = await raise('Late invoices')
  const stale = await h.app.inject({
    method: 'POST',
    url: `/api/v1/concerns/${id}/triage`,
    headers: { ...staff, 'if-match': '"v7"' },
    payload: { severity: 'low' }
  })
  t.equal(stale.statusCode, 412)
  t.equal(
    (await post(`/${id}/triage`, { severity: 'low' }, h.auth(south.coordinator.token))).statusCode,
    404,
    'other council: not found'
  )
  t.equal(
    (await h.app.inject({ url: `/api/v1/concerns/${id}`, headers: h.auth(south.coordinator.token) })).statusCode,
    404
  )
  t.equal(
    (await post(`/${id}/triage`, { severity: 'low' }, h.auth(provider.token))).statusCode,
    403,
    'a provider cannot triage'
  )
  t.equal(
    (await post('', { providerId: provider.id, source: 'complaint', summary: 'Self-report' }, h.auth(provider.token)))
      .statusCode,
    403
  )
  t.equal(
    (
      await post(
        '',
        { providerId: provider.id, source: 'complaint', summary: 'Elsewhere' },
        h.auth(south.coordinator.token)
      )
    ).statusCode,
    404
  )
})

t.test(
  'a provider sees triaged non-safeguarding concerns and closed ones, never an open safeguarding enquiry',
  async (t) => {
    const mine = h.auth(provider.token)
    const complaint = await raise('Carer arrived late three times')
    t.equal(
      (await h.app.inject({ url: `/api/v1/concerns/${complaint}`, headers: mine })).statusCode,
      404,
      'not yet triaged'
    )
    await post(`/${complaint}/triage`, { severity: 'medium' })
    const seen = await h.app.inject({ url: `/api/v1/concerns/${complaint}`, headers: mine })
    t.equal(seen.statusCode, 200)
    t.equal(seen.json().summary, 'Carer arrived late three times', 'a complaint is shown so it can be answered')
    t.notOk('allowedActions' in seen.json())

    const enquiry = await raise('Referral under section 42')
    await post(`/${enquiry}/triage`, { severity: 'safeguarding' })
    t.equal(
      (await h.app.inject({ url: `/api/v1/concerns/${enquiry}`, headers: mine })).statusCode,
      404,
      'open safeguarding: not disclosed'
    )
    const listed = (await h.app.inject({ url: '/api/v1/concerns?perPage=100', headers: mine }))
      .json()
      .items.map((c: { id: string }) => c.id)
    t.ok(listed.includes(complaint))
    t.notOk(listed.includes(enquiry))
    await carryToClosed(enquiry)
    const closed = await h.app.inject({ url: `/api/v1/concerns/${enquiry}`, headers: mine })
    t.equal(closed.statusCode, 200)
    t.equal(closed.json().outcome, 'not_upheld')
    t.notOk('summary' in closed.json(), 'a safeguarding summary is never shown to the provider')
    await post(`/${enquiry}/reinstate-award`, { reason: 'Closed' })
  }
)

t.test('a flagged feedback response opens one concern, received, and tells the co-ordinators', async (t) => {
  const responseId = randomUUID()
  const ctx = { actor: { kind: 'respondent' as const, councilId: north.id }, now: h.clock.now }
  const input = {
    councilId: north.id,
    providerId: provider.id,
    feedbackResponseId: responseId,
    summary: 'Respondent ticked "I do not feel safe"'
  }
  const first = await h.db.db.transaction(async (tx) => await openConcernFromFeedback(tx, ctx, input))
  const again = await h.db.db.transaction(async (tx) => await openConcernFromFeedback(tx, ctx, input))
  t.equal(again.id, first.id, 'once per response')
  t.equal(first.state, 'received')
  t.equal(first.source, 'feedback')
  t.equal((await h.db.db.select().from(concerns).where(eq(concerns.feedbackResponseId, responseId))).length, 1)
  const notes = await h.db.db
    .select()
    .from(outbox)
    .where(eq(outbox.dedupeKey, `concern-received:${first.id}`))
  t.equal(notes.length, 1)
  t.equal(notes[0]!.topic, 'notification.concern_received')
  t.equal((await awardRow()).status, 'active', 'an anonymous form alone does not suspend the award')
})
