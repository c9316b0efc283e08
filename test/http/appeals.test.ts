// Appeals through the API: the 28-day window to the day, reviewer independence, every refused step, and an upheld
// appeal applying its outcome (reinstating a suspended award; issuing an award never above the computed level).
import t from 'tap'
import { eq } from 'drizzle-orm'
import { createUser } from '../../src/use-cases/admin.js'
import { changeAward } from '../../src/use-cases/awards.js'
import type { Ctx } from '../../src/use-cases/context.js'
import { issueToken } from '../../src/use-cases/tokens.js'
import { assessments, awards } from '../../src/db/schema/index.js'
import { addCalendarDays } from '../../src/domain/workflow/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertAward } from '../helpers/awards.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const db = h.db.db
const today = () => h.clock.now.toISOString().slice(0, 10)
const adminCtx: Ctx = {
  actor: { kind: 'user', userId: h.admin.id, role: 'admin', councilId: null, providerId: null, tokenId: 't' },
  now: h.clock.now
}
const secondReviewer = await createUser(h.app.deps, adminCtx, {
  councilId: north.id,
  role: 'reviewer',
  name: 'Independent Reviewer'
})
const independent = { id: secondReviewer.id, token: (await issueToken(db, secondReviewer.id, 'test')).token }
const coordinatorCtx = (): Ctx => ({
  actor: {
    kind: 'user',
    userId: north.coordinator.id,
    role: 'coordinator',
    councilId: north.id,
    providerId: null,
    tokenId: 't'
  },
  now: h.clock.now
})

/** A provider whose award was decided `daysAgo` days ago by the council's reviewer. */
async function decided (
  daysAgo: number,
  over: { level?: 'gold' | 'silver' | 'bronze'; computedLevel?: 'gold' | 'silver' | 'bronze' } = {}
) {
  const p = await h.addProvider(north)
  const on = addCalendarDays(today(), -daysAgo)
  const ids = await insertAward(db, {
    councilId: north.id,
    providerId: p.id,
    validFrom: on,
    validTo: addCalendarDays(on, 364),
    decidedBy: north.reviewer.id,
    decidedAt: new Date(`${on}T15:00:00Z`),
    ...over
  })
  return { ...p, ...ids }
}
const call = async (token: string, url: string, payload?: object) =>
  await h.app.inject({
    method: payload === undefined ? 'GET' : 'POST',
    url: `/api/v1/appeals${url}`,
    headers: h.auth(token),
    ...(payload === undefined ? {} : { payload })
  })
const lodge = async (
  p: { token: string; assessmentId: string },
  grounds = 'The co-ordinator missed our verified insurance certificate'
) => await call(p.token, '', { subjectType: 'decision', assessmentId: p.assessmentId, grounds })
const awardOf = async (id: string) => (await db.select().from(awards).where(eq(awards.id, id)))[0]!

t.test('an appeal on day 28 is in time; on day 29 it is refused', async (t) => {
  const onTime = await lodge(await decided(28))
  t.equal(onTime.statusCode, 201, onTime.body)
  t.equal(onTime.json().state, 'lodged')
  t.notOk('decisionMakerIds' in onTime.json(), 'who decided is not echoed to the provider')
  const late = await lodge(await decided(29))
  t.equal(late.statusCode, 422)
  t.equal(late.json().code, 'APPEAL_WINDOW_CLOSED')
  t.match(late.json().detail, /within 28 days/)
})

t.test('the reviewer who made the decision may not hear the appeal; an independent reviewer may', async (t) => {
  const p = await decided(3)
  const id = (await lodge(p)).json().id
  t.equal((await call(north.coordinator.token, `/${id}/acknowledge`, {})).statusCode, 200)
  const own = await call(north.reviewer.token, `/${id}/start-review`, {})
  t.equal(own.statusCode, 403)
  t.equal(own.json().code, 'REVIEWER_NOT_INDEPENDENT')
  t.equal(
    (await call(north.coordinator2.token, `/${id}/start-review`, {})).statusCode,
    403,
    'a co-ordinator is not a reviewer'
  )
  const ok = await call(independent.token, `/${id}/start-review`, {})
  t.equal(ok.statusCode, 200, ok.body)
  t.equal(ok.json().reviewerId, independent.id)
})

t.test('steps out of order, by the wrong people or twice are refused', async (t) => {
  const p = await decided(1)
  const id = (await lodge(p)).json().id
  const dup = await lodge(p)
  t.equal(dup.statusCode, 409)
  t.equal(dup.json().code, 'APPEAL_ALREADY_OPEN')
  const refused = async (token: string, step: string, body: object, status: number, code?: string) => {
    const res = await call(token, `/${id}${step}`, body)
    t.equal(res.statusCode, status, `${step}: ${res.body}`)
    if (code !== undefined) t.equal(res.json().code, code)
  }
  await refused(independent.token, '/start-review', {}, 409, 'APPEAL_TRANSITION_NOT_ALLOWED')
  await refused(
    independent.token,
    '/decide',
    { outcome: 'dismissed', reason: 'Too soon' },
    409,
    'APPEAL_TRANSITION_NOT_ALLOWED'
  )
  await refused(north.coordinator.token, '/close', {}, 409, 'APPEAL_TRANSITION_NOT_ALLOWED')
  await refused(p.token, '/acknowledge', {}, 403)
  await refused(south.coordinator.token, '/acknowledge', {}, 404)
  await refused(north.coordinator.token, '/acknowledge', {}, 200)
  await refused(north.coordinator.token, '/acknowledge', {}, 409, 'APPEAL_TRANSITION_NOT_ALLOWED')
  await refused(independent.token, '/start-review', {}, 200)
  await refused(north.reviewer.token, '/decide', { outcome: 'upheld', reason: 'Mine' }, 403)
  await refused(
    independent.token,
    '/decide',
    { outcome: 'dismissed', reason: 'No error', level: 'gold' },
    422,
    'APPEAL_LEVEL_NOT_APPLICABLE'
  )
  await refused(independent.token, '/decide', { outcome: 'dismissed', reason: 'The decision followed the scheme' }, 200)
  await refused(p.token, '/withdraw', {}, 409, 'APPEAL_TRANSITION_NOT_ALLOWED')
  await refused(north.coordinator.token, '/close', {}, 200)
  await refused(north.coordinator.token, '/close', {}, 409)
  const history = (await call(north.coordinator.token, `/${id}/history`))
    .json()
    .items.map((e: { action: string }) => e.action)
  t.same(history, ['lodge', 'acknowledge', 'start_review', 'dismiss', 'close'])
  t.equal(
    (
      await call(p.token, '', {
        subjectType: 'suspension',
        awardId: p.awardId,
        grounds: 'Our award is not suspended at all'
      })
    ).json().code,
    'APPEAL_SUBJECT_INVALID'
  )
  const other = await h.addProvider(north)
  t.equal((await call(other.token, `/${id}`)).statusCode, 404, 'another provider cannot see it')
})

t.test('an upheld appeal against a suspension reinstates the award', async (t) => {
  const p = await decided(100)
  await changeAward(h.app.deps, coordinatorCtx(), p.awardId, 'suspend', 'non_engagement')
  h.clock.advanceDays(5)
  const lodged = await call(p.token, '', {
    subjectType: 'suspension',
    awardId: p.awardId,
    grounds: 'We answered every letter; copies attached to the evidence'
  })
  t.equal(lodged.statusCode, 201, lodged.body)
  const id = lodged.json().id
  await call(north.coordinator.token, `/${id}/acknowledge`, {})
  // The co-ordinator suspended it, so the council's own reviewer is independent here.
  t.equal((await call(north.reviewer.token, `/${id}/start-review`, {})).statusCode, 200)
  const res = await call(north.reviewer.token, `/${id}/decide`, {
    outcome: 'upheld',
    reason: 'The provider did engage; the letters were misfiled'
  })
  t.equal(res.statusCode, 200, res.body)
  t.same(res.json().applied, { action: 'award_reinstated', awardId: p.awardId, assessmentId: null })
  t.equal((await awardOf(p.awardId)).status, 'active')
})

t.test('an upheld decision appeal may set the level, never above the computed level', async (t) => {
  const p = await decided(10, { level: 'bronze', computedLevel: 'silver' })
  const lodged = await call(p.token, '', {
    subjectType: 'downgrade',
    awardId: p.awardId,
    grounds: 'Bronze was given although silver was computed'
  })
  t.equal(lodged.statusCode, 201, lodged.body)
  const id = lodged.json().id
  await call(north.coordinator.token, `/${id}/acknowledge`, {})
  await call(independent.token, `/${id}/start-review`, {})
  const tooHigh = await call(independent.token, `/${id}/decide`, {
    outcome: 'upheld',
    reason: 'Exemplary',
    level: 'gold'
  })
  t.equal(tooHigh.statusCode, 422)
  t.equal(tooHigh.json().code, 'APPEAL_LEVEL_ABOVE_COMPUTED')
  const res = await call(independent.token, `/${id}/decide`, {
    outcome: 'upheld',
    reason: 'The reason for the lower level did not hold',
    level: 'silver'
  })
  t.equal(res.statusCode, 200, res.body)
  const applied = res.json().applied
  t.equal(applied.action, 'award_issued')
  const raised = await awardOf(applied.awardId)
  t.match(raised, { level: 'silver', status: 'active', validTo: (await awardOf(p.awardId)).validTo })
  t.equal((await awardOf(p.awardId)).status, 'superseded')
})

t.test('an upheld decision appeal without a level opens a reassessment for a fresh decision', async (t) => {
  const p = await decided(2)
  const id = (await lodge(p)).json().id
  await call(north.coordinator.token, `/${id}/acknowledge`, {})
  await call(independent.token, `/${id}/start-review`, {})
  const res = await call(independent.token, `/${id}/decide`, {
    outcome: 'upheld',
    reason: 'Evidence was misread; decide again'
  })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.json().applied.action, 'reassessment_opened')
  const [opened] = await db.select().from(assessments).where(eq(assessments.id, res.json().applied.assessmentId))
  t.match(opened, { kind: 'reassessment', state: 'draft', providerId: p.id })
  t.equal((await awardOf(p.awardId)).status, 'active', 'the award stands until the fresh decision')
})
