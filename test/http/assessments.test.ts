// Assessments through the API: the whole path from application to a published award, every refused transition,
// If-Match, the authorisation matrix, audit, and two co-ordinators deciding at once (real PostgreSQL only).
import t from 'tap'
import { eq } from 'drizzle-orm'
import { awards, outbox } from '../../src/db/schema/index.js'
import { assessmentTransitions, AssessmentEvent, type AssessmentState } from '../../src/domain/workflow/index.js'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'
import { onRealPostgres } from '../helpers/database.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const d = assessmentDriver(h)
const flags = sampleProvider().flags
const staff = north.coordinator.token

t.test('from application to a published gold award, with the provider seeing why at every step', async (t) => {
  const p = await h.addProvider(north)
  const opened = await d.post(p.token, '/api/v1/assessments', { kind: 'initial' })
  t.equal(opened.statusCode, 201, opened.body)
  const id = opened.json().id
  t.equal(opened.json().state, 'draft')
  t.ok(opened.json().schemeVersionId, 'pinned to the published scheme')

  const detail = await h.app.inject({ url: `/api/v1/assessments/${id}`, headers: h.auth(p.token) })
  t.equal(detail.statusCode, 200)
  const checklist = detail.json().checklist as Array<{ code: string; status: string; applicable: boolean }>
  t.equal(
    checklist.find((i) => i.code === 'CQC_REG')?.status,
    'not_applicable',
    'personal care items are not applicable'
  )
  t.equal(checklist.find((i) => i.code === 'LONE_WORK')?.status, 'missing', 'lone working applies and has no evidence')
  t.same(detail.json().allowedActions, ['submit', 'withdraw'])

  t.equal((await d.post(p.token, `/api/v1/assessments/${id}/submit`)).json().state, 'submitted')
  t.equal((await d.post(staff, `/api/v1/assessments/${id}/start-review`)).json().state, 'under_review')
  const asked = await d.post(staff, `/api/v1/assessments/${id}/request-info`, {
    note: 'Please send your insurance certificate'
  })
  t.equal(asked.json().state, 'info_requested')
  t.equal(asked.json().infoRequestNote, 'Please send your insurance certificate')
  t.equal(
    (await d.post(p.token, `/api/v1/assessments/${id}/respond`, { note: 'Uploaded it' })).json().state,
    'under_review'
  )

  await d.meetItems(id, flags, 'G', p.token, staff)
  await d.addGlowingFeedback(id, north.id, p.id, 5)
  const score = await h.app.inject({ url: `/api/v1/assessments/${id}/score`, headers: h.auth(staff) })
  t.equal(score.statusCode, 200, score.body)
  t.equal(score.json().computedLevel, 'gold', JSON.stringify(score.json().reasons))
  t.equal(
    (await h.app.inject({ url: `/api/v1/assessments/${id}/score`, headers: h.auth(p.token) })).statusCode,
    403,
    "the live score is the co-ordinators'"
  )

  t.equal((await d.post(staff, `/api/v1/assessments/${id}/mark-ready`)).json().state, 'ready_for_decision')
  const above = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'gold' })
  t.equal(above.statusCode, 200, above.body)
  t.equal(above.json().state, 'decision_proposed')
  t.equal(above.json().factualAccuracyEndsOn, '2026-03-16', '14 days from 2 March')

  const why = await h.app.inject({ url: `/api/v1/assessments/${id}/decision`, headers: h.auth(p.token) })
  t.equal(why.statusCode, 200)
  t.equal(why.json().proposedLevel, 'gold')
  t.same(why.json().score.feedback.itemMeans, {}, 'providers never see per-question feedback')

  const early = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(early.statusCode, 409)
  t.equal(early.json().code, 'FACTUAL_ACCURACY_WINDOW_OPEN')
  const comment = await d.post(p.token, `/api/v1/assessments/${id}/comment`, {
    comment: 'Our name is spelt Ann, not Anne'
  })
  t.equal(comment.statusCode, 200, comment.body)
  t.equal(comment.json().providerComment, 'Our name is spelt Ann, not Anne')

  h.clock.advanceDays(14)
  const late = await d.post(p.token, `/api/v1/assessments/${id}/comment`, { comment: 'too late' })
  t.equal(late.statusCode, 409)
  t.equal(late.json().code, 'FACTUAL_ACCURACY_WINDOW_CLOSED')
  const published = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(published.statusCode, 200, published.body)
  t.equal(published.json().state, 'decided')
  t.equal(published.json().outcome, 'awarded')
  const award = await h.app.inject({ url: `/api/v1/awards/${published.json().awardId}`, headers: h.auth(p.token) })
  t.equal(award.statusCode, 200)
  t.match(award.json(), { level: 'gold', status: 'active', validFrom: '2026-03-16', validTo: '2027-03-15' })
  const events = await h.db.db.select().from(outbox).where(eq(outbox.topic, 'award.published'))
  t.ok(
    events.some((e) => (e.payload as { awardId: string }).awardId === award.json().id),
    'award.published in the outbox'
  )

  const audit = await h.app.inject({
    url: `/api/v1/audit?entityType=assessment&entityId=${id}`,
    headers: h.auth(staff)
  })
  t.same(
    audit.json().items.map((e: { action: string }) => e.action),
    [
      'open',
      'submit',
      'start_review',
      'request_info',
      'respond_info',
      'mark_ready',
      'propose_decision',
      'comment',
      'publish_decision'
    ]
  )
  const history = await h.app.inject({ url: `/api/v1/awards/${award.json().id}/history`, headers: h.auth(staff) })
  t.same(
    history.json().items.map((e: { action: string }) => e.action),
    ['issue']
  )
  h.clock.set('2026-03-02T10:00:00Z')
})

t.test(
  'a lower level needs a reason; a higher one is refused; acceptance allows early publication; renewal supersedes',
  async (t) => {
    const p = await h.addProvider(north, { name: 'Lower Level Care' })
    const id = await d.openUnderReview(p.token, staff)
    await d.meetItems(id, flags, 'S', p.token, staff)
    await d.addGlowingFeedback(id, north.id, p.id, 3)
    await d.post(staff, `/api/v1/assessments/${id}/mark-ready`)
    const higher = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'gold' })
    t.equal(higher.statusCode, 422)
    t.equal(higher.json().code, 'DECISION_ABOVE_COMPUTED')
    t.equal(higher.json().proposed, 'gold', 'the refusal names the level proposed (an RFC 9457 extension member)')
    t.equal(typeof higher.json().computed, 'string', 'and the level the score allows')
    const noReason = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'bronze' })
    t.equal(noReason.json().code, 'DECISION_REASON_REQUIRED')
    const lower = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, {
      level: 'bronze',
      reason: 'Complaints log not kept up to date on visit'
    })
    t.equal(lower.statusCode, 200, lower.body)
    const again = await d.post(staff, `/api/v1/assessments/${id}/mark-ready`)
    t.equal(again.json().code, 'ASSESSMENT_TRANSITION_NOT_ALLOWED', again.body)
    t.match(again.json(), { from: 'decision_proposed', action: 'mark_ready', allowed: Array },
      'a refused transition names the state, the action and what the state allows')
    const why = (await h.app.inject({ url: `/api/v1/assessments/${id}/decision`, headers: h.auth(p.token) })).json()
    t.match(why, {
      computedLevel: 'silver',
      proposedLevel: 'bronze',
      decisionReason: 'Complaints log not kept up to date on visit'
    })
    t.ok(
      why.score.reasons.some((r: { level: string }) => r.level === 'gold'),
      'reasons for the levels not reached'
    )
    t.equal(
      (await d.post(staff, `/api/v1/assessments/${id}/accept-decision`)).statusCode,
      403,
      'only the provider accepts'
    )
    t.equal((await d.post(p.token, `/api/v1/assessments/${id}/accept-decision`)).statusCode, 200)
    const published = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
    t.equal(published.statusCode, 200, published.body)
    const first = published.json().awardId

    const renewal = await d.openUnderReview(p.token, staff, 'renewal')
    await d.proposeAccepted(renewal, p, north.id, staff, { flags, tier: 'S', level: 'silver', responses: 3 })
    const second = await d.post(staff, `/api/v1/assessments/${renewal}/publish-decision`)
    t.equal(second.statusCode, 200, second.body)
    const rows = await h.db.db.select().from(awards).where(eq(awards.providerId, p.id))
    t.equal(rows.find((r) => r.id === first)?.status, 'superseded')
    t.equal(rows.find((r) => r.id === second.json().awardId)?.status, 'active')
  }
)

t.test('no award when the score is none; opening rules', async (t) => {
  const p = await h.addProvider(north, { name: 'Not Yet Care' })
  t.equal((await d.post(p.token, '/api/v1/assessments', { kind: 'renewal' })).json().code, 'NO_LIVE_AWARD')
  const id = await d.openUnderReview(p.token, staff)
  t.equal((await d.post(p.token, '/api/v1/assessments', {})).json().code, 'ASSESSMENT_ALREADY_OPEN')
  await d.post(staff, `/api/v1/assessments/${id}/mark-ready`)
  const proposed = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'none' })
  t.equal(proposed.statusCode, 200, proposed.body)
  h.clock.advanceDays(15)
  const published = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.match(published.json(), { state: 'decided', outcome: 'not_awarded', awardId: null })
  h.clock.set('2026-03-02T10:00:00Z')
  const coordinatorOpens = await d.post(staff, '/api/v1/assessments', { providerId: p.id, kind: 'reassessment' })
  t.equal(coordinatorOpens.statusCode, 201, 'a co-ordinator opens one for the provider')
  const missing = await d.post(staff, '/api/v1/assessments', { kind: 'initial' })
  t.equal(missing.statusCode, 422)
})

t.test('every refused transition is a 409 naming the state and the action', async (t) => {
  const p = await h.addProvider(north, { name: 'Refusals Ltd' })
  const paths: Record<AssessmentEvent, [string, string, object]> = {
    submit: ['submit', p.token, {}],
    start_review: ['start-review', staff, {}],
    request_info: ['request-info', staff, { note: 'more' }],
    respond_info: ['respond', p.token, { note: 'here' }],
    mark_ready: ['mark-ready', staff, {}],
    reopen_review: ['reopen', staff, { note: 'again' }],
    propose_decision: ['propose-decision', staff, { level: 'none' }],
    comment: ['comment', p.token, { comment: 'hm' }],
    publish_decision: ['publish-decision', staff, {}],
    withdraw: ['withdraw', p.token, { note: 'bye' }]
  }
  // Reach each state, then try every action the table does not allow from it.
  const id = (await d.post(p.token, '/api/v1/assessments', {})).json().id
  const route: Array<[AssessmentState, AssessmentEvent | null]> = [
    ['draft', 'submit'],
    ['submitted', 'start_review'],
    ['under_review', 'request_info'],
    ['info_requested', 'respond_info'],
    ['under_review', 'mark_ready'],
    ['ready_for_decision', 'propose_decision'],
    ['decision_proposed', 'withdraw'],
    ['withdrawn', null]
  ]
  let refusals = 0
  for (const [state, next] of route) {
    for (const event of AssessmentEvent.options) {
      if (assessmentTransitions[state][event] !== undefined) continue
      const [path, token, body] = paths[event]
      const res = await d.post(token, `/api/v1/assessments/${id}/${path}`, body)
      t.equal(res.statusCode, 409, `${event} from ${state}: ${res.body}`)
      t.equal(res.json().code, 'ASSESSMENT_TRANSITION_NOT_ALLOWED')
      t.match(res.json().detail, new RegExp(`${event}.*${state}`))
      refusals++
    }
    if (next !== null) {
      const [path, token, body] = paths[next]
      t.equal((await d.post(token, `/api/v1/assessments/${id}/${path}`, body)).statusCode, 200, `${next} from ${state}`)
    }
  }
  t.ok(refusals > 40, `${refusals} refusals checked`)
})

t.test('If-Match: a stale version is refused with 412 and nothing changes', async (t) => {
  const p = await h.addProvider(north, { name: 'Versioned Care' })
  const opened = await d.post(p.token, '/api/v1/assessments', {})
  t.equal(opened.headers.etag, '"v1"')
  const id = opened.json().id
  const ok = await d.post(p.token, `/api/v1/assessments/${id}/submit`, {}, { 'if-match': '"v1"' })
  t.equal(ok.statusCode, 200)
  t.equal(ok.headers.etag, '"v2"')
  const stale = await d.post(staff, `/api/v1/assessments/${id}/withdraw`, { note: 'x' }, { 'if-match': '"v1"' })
  t.equal(stale.statusCode, 412)
  t.equal(stale.json().code, 'VERSION_MISMATCH')
  t.equal((await h.app.inject({ url: `/api/v1/assessments/${id}`, headers: h.auth(staff) })).json().state, 'submitted')
})

t.test("authorisation: provider A never reaches B's assessment; council X never reaches Y's", async (t) => {
  const a = await h.addProvider(north, { name: 'Provider A' })
  const b = await h.addProvider(north, { name: 'Provider B' })
  const y = await h.addProvider(south, { name: 'Southern Provider' })
  const id = (await d.post(a.token, '/api/v1/assessments', {})).json().id
  for (const [who, token] of [
    ['provider B', b.token],
    ["another council's provider", y.token],
    ["another council's co-ordinator", south.coordinator.token]
  ] as const) {
    t.equal(
      (await h.app.inject({ url: `/api/v1/assessments/${id}`, headers: h.auth(token) })).statusCode,
      404,
      `${who} cannot read it`
    )
    t.equal((await h.app.inject({ url: `/api/v1/assessments/${id}/decision`, headers: h.auth(token) })).statusCode, 404)
  }
  t.equal((await d.post(b.token, `/api/v1/assessments/${id}/submit`)).statusCode, 404, 'provider B cannot act on it')
  t.equal((await d.post(south.coordinator.token, `/api/v1/assessments/${id}/withdraw`, { note: 'x' })).statusCode, 404)
  t.equal(
    (await d.post(b.token, '/api/v1/assessments', { providerId: a.id })).statusCode,
    404,
    'B cannot open one for A'
  )
  t.equal((await d.post(south.coordinator.token, '/api/v1/assessments', { providerId: a.id })).statusCode, 404)
  t.equal((await d.post(a.token, `/api/v1/assessments/${id}/start-review`)).statusCode, 403, 'a provider cannot review')
  const listB = (await h.app.inject({ url: '/api/v1/assessments', headers: h.auth(b.token) })).json()
  t.notOk(
    listB.items.some((x: { id: string }) => x.id === id),
    "B's list does not show A's"
  )
  const listSouth = (
    await h.app.inject({ url: '/api/v1/assessments?perPage=100', headers: h.auth(south.coordinator.token) })
  ).json()
  t.notOk(listSouth.items.some((x: { councilId: string }) => x.councilId === north.id))
  t.equal(
    (
      await h.app.inject({
        url: `/api/v1/audit?entityType=assessment&entityId=${id}`,
        headers: h.auth(south.coordinator.token)
      })
    ).json().items.length,
    0
  )
})

t.test(
  'two co-ordinators publishing the same decision at once → exactly one award',
  {
    skip: onRealPostgres()
      ? false
      : 'concurrency needs a real PostgreSQL server (PGlite runs one query at a time): set DATABASE_URL'
  },
  async (t) => {
    const p = await h.addProvider(north, { name: 'Race Care' })
    const id = await d.openUnderReview(p.token, staff)
    await d.proposeAccepted(id, p, north.id, staff, { flags, tier: 'B', level: 'bronze', responses: 3 })
    const [r1, r2] = await Promise.all([
      d.post(north.coordinator.token, `/api/v1/assessments/${id}/publish-decision`),
      d.post(north.coordinator2.token, `/api/v1/assessments/${id}/publish-decision`)
    ])
    t.same([r1.statusCode, r2.statusCode].sort(), [200, 409], `${r1.body} ${r2.body}`)
    t.equal((await h.db.db.select().from(awards).where(eq(awards.providerId, p.id))).length, 1)
  }
)
