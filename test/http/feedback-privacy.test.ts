// The threat model of README "Security and privacy" (feedback), claim by claim: nothing a co-ordinator can read
// and nothing in the database links a link response to its invitation or its time of day.
import { eq, sql, type SQL } from 'drizzle-orm'
import t from 'tap'
import { auditEvents, feedbackHeld, feedbackInvitations, feedbackSpends } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'

const h = await buildTestApp(t)
const [north] = h.councils
const staff = h.auth(north.coordinator.token)
const provider = await h.addProvider(north)
const db = h.db.db

async function rows<T> (query: SQL): Promise<T[]> {
  const result = await db.execute(query)
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
const send = async (link: string, answers: Record<string, string>) =>
  await h.app.inject({
    method: 'POST',
    url: pathOf(link),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(answers).toString()
  })
const listed = async (id: string) =>
  (await h.app.inject({ url: `/api/v1/assessments/${id}/feedback-responses`, headers: staff })).json()
// The answer that tells the responses apart in these tests: the order they were sent in.
const RECOMMEND = ['definitely', 'probably', 'not_sure']
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('a co-ordinator sees no single link response until three have arrived, then all three at once', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const links = await makeLinks(h, north, id, { count: 3 })
  h.clock.set('2026-03-02T09:12:00Z')
  for (const [i, link] of links.entries()) {
    const before = await listed(id)
    t.same(before.items, [], `nothing listed after ${i}`)
    t.equal(before.waiting, i)
    const aggregate = await h.app.inject({ url: `/api/v1/assessments/${id}/feedback-aggregate`, headers: staff })
    t.equal(aggregate.json().responses, 0, 'nor counted in the aggregate')
    t.equal((await send(link, { ...bestAnswers(), RECOMMEND: RECOMMEND[i]! })).statusCode, 303)
    h.clock.set(`2026-03-02T1${i}:47:00Z`)
  }
  const after = await listed(id)
  t.equal(after.items.length, 3)
  t.equal(after.waiting, 0)
  t.ok(after.items.every((r: { receivedOn: string }) => r.receivedOn === '2026-03-02'), 'the release day, no time')
  t.ok(after.items.every((r: { id: string }) => UUID_V4.test(r.id)), 'random ids (UUID v4)')
  t.same(await db.select().from(feedbackHeld).where(eq(feedbackHeld.assessmentId, id)), [], 'nothing left held')
})

t.test('no system column pairs a response with its invitation', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  for (const link of await makeLinks(h, north, id, { count: 3 })) {
    t.equal((await send(link, bestAnswers())).statusCode, 303)
  }
  const xmins = async (table: string) =>
    await rows<{ x: string }>(sql`select xmin::text as x from ${sql.identifier(table)} where assessment_id = ${id}`)
  const responseTx = await xmins('feedback_responses')
  const invitationTx = await xmins('feedback_invitations')
  t.equal(responseTx.length, 3)
  t.equal(new Set(responseTx.map((r) => r.x)).size, 1, 'the batch shares one transaction')
  t.notOk(invitationTx.some((i) => i.x === responseTx[0]!.x), 'which no invitation shares')
})

t.test('the audit has one event per batch, none per response, and no time of day', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  h.clock.set('2026-03-03T16:21:09Z')
  for (const link of await makeLinks(h, north, id, { count: 3 })) await send(link, bestAnswers())
  const { items } = await listed(id)
  for (const r of items) {
    const url = `/api/v1/audit?entityType=feedback_response&entityId=${r.id}`
    const trail = await h.app.inject({ url, headers: staff })
    t.same(trail.json().items, [], 'no event names a response')
  }
  const batch = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))
  const released = batch.filter((e) => e.action === 'release_feedback')
  t.equal(released.length, 1)
  t.same(released[0]!.after, { responses: 3 })
  t.equal(released[0]!.at.toISOString(), '2026-03-03T00:00:00.000Z')
})

t.test('neither the listing nor the physical order follows the order of arrival', async (t) => {
  // Six batches of three: the chance that all six come out in arrival order by chance is 1 in 46,656.
  const physical: string[][] = []
  const listing: string[][] = []
  for (let batch = 0; batch < 6; batch++) {
    const id = await addAssessment(h, north, provider.id)
    const links = await makeLinks(h, north, id, { count: 3 })
    for (const [i, link] of links.entries()) await send(link, { ...bestAnswers(), RECOMMEND: RECOMMEND[i]! })
    physical.push((await rows<{ r: string }>(sql`select answers->>'RECOMMEND' as r from feedback_responses
      where assessment_id = ${id} order by ctid`)).map((row) => row.r))
    listing.push((await listed(id)).items.map((r: { answers: { RECOMMEND: string } }) => r.answers.RECOMMEND))
  }
  const arrival = JSON.stringify(RECOMMEND)
  t.ok(physical.some((p) => JSON.stringify(p) !== arrival), `rows written in random order: ${JSON.stringify(physical)}`)
  t.ok(listing.some((l) => JSON.stringify(l) !== arrival), `listed unrelated to arrival: ${JSON.stringify(listing)}`)
})

t.test('a failure between spending the link and holding the answers loses nothing; then it works once', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const [link] = await makeLinks(h, north, id)
  await db.execute(sql.raw(`create or replace function refuse_held () returns trigger language plpgsql as
    $$ begin raise exception 'the disk is full' using errcode = '53100'; end $$`))
  await db.execute(
    sql.raw('create trigger refuse_held before insert on feedback_held for each row execute function refuse_held()')
  )
  const failed = await send(link!, bestAnswers())
  await db.execute(sql.raw('drop trigger refuse_held on feedback_held'))
  // A full disk (SQLSTATE class 53) is an outage: 503 with Retry-After, the form kept (README: Reliability).
  t.equal(failed.statusCode, 503, 'the answers did not go through')
  const [invitation] = await db.select().from(feedbackInvitations).where(eq(feedbackInvitations.assessmentId, id))
  t.not(invitation!.usedAt, null, 'the link was spent')
  t.equal((await h.app.inject({ url: pathOf(link!) })).statusCode, 200, 'the form still opens')
  const [again, twice] = await Promise.all([send(link!, bestAnswers()), send(link!, bestAnswers())])
  t.same([again.statusCode, twice.statusCode].sort(), [303, 410], 'the answers are taken once')
  t.equal((await listed(id)).waiting, 1)
  t.same(await db.select().from(feedbackSpends), [], 'no spend record left')
  t.equal((await send(link!, bestAnswers())).statusCode, 410)
})
