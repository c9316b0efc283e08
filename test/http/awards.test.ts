// Awards through the API: suspend (reason kept private), reinstate, revoke, withdraw, every refused action, who may
// do what, If-Match, the outbox events directories are told of, and withdrawal when a provider leaves.
import t from 'tap'
import { and, eq } from 'drizzle-orm'
import { withdrawProviderAwards } from '../../src/use-cases/awards.js'
import { systemCtx } from '../../src/use-cases/context.js'
import { outbox } from '../../src/db/schema/index.js'
import { AwardEvent, awardTransitions, type AwardState } from '../../src/domain/workflow/index.js'
import { buildTestApp } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { insertAward } from '../helpers/awards.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const d = assessmentDriver(h)
const staff = north.coordinator.token

const newAward = async (name: string, status: AwardState = 'active') => {
  const p = await h.addProvider(north, { name })
  const { awardId } = await insertAward(h.db.db, {
    councilId: north.id,
    providerId: p.id,
    level: 'silver',
    status,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    decidedBy: north.coordinator.id
  })
  return { p, awardId, url: `/api/v1/awards/${awardId}` }
}
const topicsOf = async (awardId: string) =>
  (await h.db.db.select().from(outbox).where(eq(outbox.councilId, north.id)))
    .filter((e) => (e.payload as { awardId?: string }).awardId === awardId && e.topic.startsWith('award.'))
    .map((e) => e.topic)

t.test('suspend with a reason, reinstate, suspend again and revoke — each audited and announced', async (t) => {
  const { p, awardId, url } = await newAward('Suspended Care')
  const suspended = await d.post(staff, `${url}/suspend`, {
    reason: 'evidence_lapsed',
    note: 'Public liability expired 3 weeks ago'
  })
  t.equal(suspended.statusCode, 200, suspended.body)
  t.match(suspended.json(), {
    status: 'suspended',
    statusReason: 'evidence_lapsed: Public liability expired 3 weeks ago',
    version: 2
  })
  const mine = await h.app.inject({ url, headers: h.auth(p.token) })
  t.equal(mine.json().status, 'suspended', 'the provider sees its own award')
  t.equal((await d.post(staff, `${url}/reinstate`, { reason: 'New certificate verified' })).json().status, 'active')
  t.equal((await d.post(staff, `${url}/suspend`, { reason: 'non_engagement' })).json().status, 'suspended')
  const revoked = await d.post(staff, `${url}/revoke`, { reason: 'No response for three months' })
  t.match(revoked.json(), { status: 'revoked', statusReason: 'No response for three months' })
  const history = await h.app.inject({ url: `${url}/history`, headers: h.auth(staff) })
  t.same(
    history.json().items.map((e: { action: string; toState: string }) => `${e.action}→${e.toState}`),
    ['suspend→suspended', 'reinstate→active', 'suspend→suspended', 'revoke→revoked']
  )
  t.same(await topicsOf(awardId), ['award.changed', 'award.changed', 'award.changed', 'award.withdrawn'])
  const payloads = (await h.db.db.select().from(outbox).where(eq(outbox.councilId, north.id))).map((e) =>
    JSON.stringify(e.payload)
  )
  t.notOk(
    payloads.some((s) => s.includes('Public liability')),
    'reasons never leave in the payload'
  )
})

t.test('every refused action is a 409 naming the state', async (t) => {
  const paths: Partial<Record<AwardEvent, [string, object]>> = {
    suspend: ['suspend', { reason: 'serious_complaint' }],
    reinstate: ['reinstate', { reason: 'cleared' }],
    revoke: ['revoke', { reason: 'serious' }],
    withdraw: ['withdraw', { reason: 'left' }]
  }
  let refusals = 0
  for (const state of [
    'active',
    'renewal_due',
    'suspended',
    'superseded',
    'expired',
    'revoked',
    'withdrawn'
  ] as AwardState[]) {
    for (const [event, [path, body]] of Object.entries(paths) as Array<[AwardEvent, [string, object]]>) {
      if (awardTransitions[state][event] !== undefined) continue
      const { url } = await newAward(`Refused ${state} ${event}`, state)
      const res = await d.post(staff, `${url}/${path}`, body)
      t.equal(res.statusCode, 409, `${event} from ${state}`)
      t.equal(res.json().code, 'AWARD_TRANSITION_NOT_ALLOWED')
      t.match(res.json().detail, new RegExp(`${event}.*${state}`))
      refusals++
    }
  }
  t.ok(refusals >= 15, `${refusals} refusals`)
})

t.test("who may: co-ordinators of the award's council only; providers read their own", async (t) => {
  const a = await newAward('Award A')
  const b = await newAward('Award B')
  t.equal(
    (await d.post(a.p.token, `${a.url}/suspend`, { reason: 'non_engagement' })).statusCode,
    403,
    'a provider cannot suspend'
  )
  t.equal(
    (await d.post(south.coordinator.token, `${a.url}/suspend`, { reason: 'non_engagement' })).statusCode,
    404,
    'another council cannot'
  )
  t.equal((await h.app.inject({ url: a.url, headers: h.auth(b.p.token) })).statusCode, 404, "B cannot read A's award")
  t.equal((await h.app.inject({ url: a.url, headers: h.auth(south.coordinator.token) })).statusCode, 404)
  const listB = (await h.app.inject({ url: '/api/v1/awards?perPage=100', headers: h.auth(b.p.token) })).json()
  t.same(
    listB.items.map((x: { id: string }) => x.id),
    [b.awardId],
    'a provider lists only its own'
  )
  const listStaff = (await h.app.inject({ url: `/api/v1/awards?providerId=${a.p.id}`, headers: h.auth(staff) })).json()
  t.same(
    listStaff.items.map((x: { id: string }) => x.id),
    [a.awardId]
  )
  t.equal(
    (await h.app.inject({ url: '/api/v1/awards?perPage=100', headers: h.auth(south.coordinator.token) })).json().meta
      .totalItems,
    0
  )
  t.equal(
    (await d.post(staff, `${a.url}/suspend`, { reason: 'bored' })).statusCode,
    400,
    "suspension reasons are the domain's"
  )
})

t.test('If-Match: a stale suspension is refused with 412', async (t) => {
  const { url } = await newAward('Versioned Award')
  t.equal(
    (await d.post(staff, `${url}/suspend`, { reason: 'serious_complaint' }, { 'if-match': '"v1"' })).statusCode,
    200
  )
  const stale = await d.post(
    north.coordinator2.token,
    `${url}/reinstate`,
    { reason: 'x cleared' },
    { 'if-match': '"v1"' }
  )
  t.equal(stale.statusCode, 412)
  t.equal((await h.app.inject({ url, headers: h.auth(staff) })).json().status, 'suspended')
})

t.test('a suspended award blocks a new one until it is reinstated', async (t) => {
  const { p, url } = await newAward('Blocked Renewal', 'suspended')
  const id = await d.openUnderReview(p.token, staff, 'reassessment')
  await d.proposeAccepted(id, p, north.id, staff, {
    flags: { loneWorking: true },
    tier: 'B',
    level: 'bronze',
    responses: 3
  })
  const refused = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(refused.statusCode, 409, refused.body)
  t.equal(refused.json().code, 'AWARD_TRANSITION_NOT_ALLOWED')
  t.equal(
    (await h.app.inject({ url: `/api/v1/assessments/${id}`, headers: h.auth(staff) })).json().state,
    'decision_proposed',
    'nothing half-written'
  )
  await d.post(staff, `${url}/reinstate`, { reason: 'investigation closed' })
  const published = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(published.statusCode, 200, published.body)
  t.equal((await h.app.inject({ url, headers: h.auth(staff) })).json().status, 'superseded')
})

t.test('a provider that leaves has its live awards withdrawn, announced as award.withdrawn', async (t) => {
  const { p, awardId } = await newAward('Leaving Care')
  const done = await h.db.db.transaction(
    async (tx) => await withdrawProviderAwards(tx, systemCtx(h.clock.now), p.id, 'provider left the scheme')
  )
  t.same(
    done.map((a) => [a.id, a.status]),
    [[awardId, 'withdrawn']]
  )
  const events = await h.db.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.topic, 'award.withdrawn'), eq(outbox.recipientProviderId, p.id)))
  t.equal(events.length, 1)
  t.match(events[0]!.payload, { awardId, providerId: p.id, councilId: north.id, level: 'silver', status: 'withdrawn' })
})
