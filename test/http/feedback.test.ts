// Feedback through the API and the link pages: invitations shown once and stored as hashes, link statuses,
// one response per link, interview entry, moderation, aggregates with the fewer-than-3 rule, safeguarding, privacy.
import t from 'tap'
import { eq } from 'drizzle-orm'
import {
  auditEvents,
  concerns,
  feedbackHeld,
  feedbackInvitations,
  feedbackResponses,
  outbox
} from '../../src/db/schema/index.js'
import { sha256Hex } from '../../src/use-cases/tokens.js'
import { eraseExpiredFeedbackComments } from '../../src/use-cases/feedback-responses.js'
import { systemCtx } from '../../src/use-cases/context.js'
import { DEFAULT_INSTRUMENT, measureFeedbackQuality } from '../../src/domain/feedback/index.js'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers, makeLinks, pathOf } from '../helpers/feedback.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const staff = h.auth(north.coordinator.token)
const provider = await h.addProvider(north)
const assessmentId = await addAssessment(h, north, provider.id)
const db = h.db.db

const form = (answers: Record<string, string>, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...answers, ...extra }).toString()
const post = async (link: string, body: string, headers: Record<string, string> = {}) =>
  await h.app.inject({
    method: 'POST',
    url: pathOf(link),
    payload: body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }
  })
const responsesOf = async (id: string) =>
  await db.select().from(feedbackResponses).where(eq(feedbackResponses.assessmentId, id))
// Link answers are held until three have arrived (README: Security and privacy, feedback).
const heldOf = async (id: string) => await db.select().from(feedbackHeld).where(eq(feedbackHeld.assessmentId, id))

t.test('a co-ordinator gets the links once; only their hashes are stored; the list never shows them', async (t) => {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-invitations`,
    headers: staff,
    payload: { count: 3, respondentType: 'carer', mode: 'easy_read', expiresInDays: 14 }
  })
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.headers['cache-control'], 'no-store')
  const items = res.json().items as Array<{ id: string; link: string; status: string; mode: string }>
  t.equal(items.length, 3)
  const tokens = items.map((i) => pathOf(i.link).split('/')[2]!)
  t.equal(new Set(tokens).size, 3)
  for (const token of tokens) t.ok(Buffer.from(token.slice(4), 'base64url').length >= 16, 'at least 128 random bits')
  t.ok(items.every((i) => i.status === 'unused' && i.mode === 'easy_read'))
  const stored = await db.select().from(feedbackInvitations).where(eq(feedbackInvitations.id, items[0]!.id))
  t.equal(stored[0]!.tokenHash, sha256Hex(tokens[0]!))
  t.notMatch(JSON.stringify(stored), tokens[0]!, 'the token itself is stored nowhere in the row')
  const list = await h.app.inject({ url: `/api/v1/assessments/${assessmentId}/feedback-invitations`, headers: staff })
  t.equal(list.statusCode, 200)
  for (const token of tokens) t.notMatch(list.body, token)
  t.notMatch(list.body, stored[0]!.tokenHash)
  t.notMatch(list.body, /link|tokenHash/)
})

t.test('invitations are refused to providers, other councils, unknown modes and closed assessments', async (t) => {
  const asProvider = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-invitations`,
    headers: h.auth(provider.token),
    payload: { count: 1, respondentType: 'person' }
  })
  t.equal(asProvider.statusCode, 403)
  const otherCouncil = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-invitations`,
    headers: h.auth(south.coordinator.token),
    payload: { count: 1, respondentType: 'person' }
  })
  t.equal(otherCouncil.statusCode, 404)
  const badMode = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-invitations`,
    headers: staff,
    payload: { count: 0, respondentType: 'neighbour', mode: 'interview' }
  })
  t.equal(badMode.statusCode, 400)
  const paths = badMode.json().errors.map((e: { path: string }) => e.path)
  t.same(paths.sort(), ['body.count', 'body.mode', 'body.respondentType'])
  const decided = await addAssessment(h, north, provider.id, 'decided')
  const closed = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${decided}/feedback-invitations`,
    headers: staff,
    payload: { count: 1, respondentType: 'person' }
  })
  t.equal(closed.statusCode, 409)
  t.equal(closed.json().code, 'FEEDBACK_CLOSED')
})

t.test(
  'link pages: the form; unknown 404; used, expired and revoked 410 — kind HTML, never a stack trace',
  async (t) => {
    const id = await addAssessment(h, north, provider.id)
    const [fresh, toUse, toRevoke] = await makeLinks(h, north, id, { count: 3 })
    const page = await h.app.inject({ url: pathOf(fresh!) })
    t.equal(page.statusCode, 200)
    t.match(page.headers['content-type'], /text\/html/)
    t.equal(page.headers['cache-control'], 'no-store')
    t.match(page.body, /id="q-SAFE-0" name="SAFE"/)
    t.match(page.body, /<legend[^>]*>\s*<span class="govuk-caption-m">Question 7<\/span> How safe do you feel/)
    t.match(page.body, /Your answers are anonymous/)
    const easy = await h.app.inject({ url: `${pathOf(fresh!)}?version=easy` })
    t.match(easy.body, /Do you feel safe when they help you\?/)

    t.equal((await post(toUse!, form(bestAnswers()))).statusCode, 303)
    const used = await h.app.inject({ url: pathOf(toUse!) })
    t.equal(used.statusCode, 410)
    t.match(used.body, /Answers have already been sent with this link/)

    const [invitation] = await db
      .select()
      .from(feedbackInvitations)
      .where(eq(feedbackInvitations.tokenHash, sha256Hex(pathOf(toRevoke!).split('/')[2]!)))
    const revoke = await h.app.inject({
      method: 'POST',
      url: `/api/v1/feedback-invitations/${invitation!.id}/revoke`,
      headers: staff
    })
    t.equal(revoke.statusCode, 200)
    t.equal(revoke.json().status, 'revoked')
    const revoked = await h.app.inject({ url: pathOf(toRevoke!) })
    t.equal(revoked.statusCode, 410)
    t.match(revoked.body, /no longer works/)
    t.equal((await post(toRevoke!, form(bestAnswers()))).statusCode, 410, 'a revoked link takes no answers')

    const unknown = await h.app.inject({ url: '/feedback/qmf_thisisnotarealtokenatallbutlooksalittlelikeone00' })
    t.equal(unknown.statusCode, 404)
    t.match(unknown.body, /We cannot find this feedback form/)
    const garbage = await h.app.inject({ url: '/feedback/%3Cscript%3E' })
    t.equal(garbage.statusCode, 404)
    const scripts = (body: string) => body.match(/<script/g)?.length ?? 0
    t.equal(scripts(garbage.body), scripts(unknown.body), 'the path is never reflected as markup')
    t.notMatch(unknown.body + used.body + revoked.body, /at .*\.(ts|js):\d+/, 'no stack trace')

    const [expiring] = await makeLinks(h, north, id, { expiresInDays: 1 })
    h.clock.advanceDays(2)
    try {
      const expired = await h.app.inject({ url: pathOf(expiring!) })
      t.equal(expired.statusCode, 410)
      t.match(expired.body, /has expired/)
      const list = (
        await h.app.inject({ url: `/api/v1/assessments/${id}/feedback-invitations`, headers: staff })
      ).json()
      t.same(list.counts, { unused: 1, used: 1, expired: 1, revoked: 1 })
      const usedItem = list.items.find((i: { status: string }) => i.status === 'used')
      t.match(usedItem.usedOn, /^\d{4}-\d{2}-\d{2}$/)
      const revokeUsed = await h.app.inject({
        method: 'POST',
        url: `/api/v1/feedback-invitations/${usedItem.id}/revoke`,
        headers: staff
      })
      t.equal(revokeUsed.statusCode, 409)
    } finally {
      h.clock.advanceDays(-2)
    }
  }
)

t.test('a form posted twice — one after the other or at once — records one response', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const [link, racing] = await makeLinks(h, north, id, { count: 2 })
  const first = await post(link!, form(bestAnswers()))
  t.equal(first.statusCode, 303)
  t.match(first.headers.location, /^\/feedback\/thank-you\?council=northshire$/)
  const again = await post(link!, form(bestAnswers()))
  t.equal(again.statusCode, 410)
  const both = await Promise.all([post(racing!, form(bestAnswers())), post(racing!, form(bestAnswers()))])
  t.same(both.map((r) => r.statusCode).sort(), [303, 410])
  t.equal((await heldOf(id)).length + (await responsesOf(id)).length, 2, 'one response per link')
  const thanks = await h.app.inject({ url: first.headers.location as string })
  t.equal(thanks.statusCode, 200)
  t.match(thanks.body, /Thank you/)
  t.match(thanks.body, /Northshire Council/)
})

t.test(
  'a bad submit re-renders with an error summary linked to the fields, the answers kept, status 400, nothing stored',
  async (t) => {
    const id = await addAssessment(h, north, provider.id)
    const [link] = await makeLinks(h, north, id)
    const { SAFE, OCC_WITHOUT, ...rest } = bestAnswers()
    const res = await post(link!, form({ ...rest, RECOMMEND: 'bribe', COMMENT: 'Kind <b>staff</b>' }))
    t.equal(res.statusCode, 400)
    t.match(res.body, /<title>Error: /)
    t.match(res.body, /<div class="govuk-error-summary" data-module="govuk-error-summary">\s*<div role="alert">/)
    t.match(
      res.body,
      /<a href="#q-SAFE-0">Select an answer to question 7: How safe do you feel when this provider supports you\?<\/a>/
    )
    t.match(
      res.body,
      /<a href="#q-OCC_WITHOUT-0">Select an answer to question 3 because you said yes to question 2: If you did not have support from this provider, how would you spend your time\?<\/a>/
    )
    t.match(
      res.body,
      /<a href="#q-RECOMMEND-0">Select one of the answers shown for question 12: Would you recommend this provider to someone who needs similar support\?<\/a>/
    )
    t.match(res.body, /value="as_i_want"\s+checked\s*\/?>/, 'answers kept')
    t.match(res.body, /Kind &lt;b&gt;staff&lt;\/b&gt;<\/textarea>/, 'comment kept, escaped')
    t.equal((await responsesOf(id)).length, 0)
    t.equal((await h.app.inject({ url: pathOf(link!) })).statusCode, 200, 'the link still works')
  }
)

t.test('"without this support" is ignored unless the support makes a difference: then it equals "now"', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const [link] = await makeLinks(h, north, id)
  const res = await post(link!, form({ ...bestAnswers(), OCC_AFFECT: 'no', OCC_WITHOUT: 'nothing' }))
  t.equal(res.statusCode, 303)
  const [row] = await heldOf(id)
  t.equal(row!.answers.OCC_WITHOUT, 'as_i_want')
  t.equal(row!.answers.CTL_WITHOUT, 'none')
  t.equal(row!.mode, 'self')
})

t.test('nothing identifying is stored: no invitation link, no IP or user agent, the day only', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const [link] = await makeLinks(h, north, id, { mode: 'easy_read' })
  h.clock.set('2026-03-02T15:47:13Z')
  const res = await post(link!, form(bestAnswers(), { version: 'easy', COMMENT: 'Lovely' }), {
    'user-agent': 'UniqueAgent/9.9',
    'x-forwarded-for': '203.0.113.77'
  })
  t.equal(res.statusCode, 303)
  t.match(res.headers.location, /version=easy/)
  const [row] = await heldOf(id)
  t.equal(row!.mode, 'easy_read')
  t.same(Object.keys(row!).sort(), [
    'answers', 'assessmentId', 'comment', 'councilId', 'id', 'instrumentVersion', 'mode', 'providerId',
    'respondentType', 'sizeBand'
  ], 'held with no date, no invitation, nobody who entered it (the size band is the same for all its answers)')
  const everything = JSON.stringify(row)
  t.notMatch(everything, /UniqueAgent|203\.0\.113\.77|127\.0\.0\.1/)
  const [invitation] = await db.select().from(feedbackInvitations).where(eq(feedbackInvitations.assessmentId, id))
  t.equal(invitation!.usedAt!.toISOString(), '2026-03-02T00:00:00.000Z', 'used on a day, not at a time')
  const audits = await db.select().from(auditEvents).where(eq(auditEvents.entityType, 'feedback_response'))
  t.same(audits.filter((a) => a.actorRole === 'respondent'), [], 'no audit event per response')
})

t.test('interview entry: same checks naming the fields, the mode and the co-ordinator recorded', async (t) => {
  const today = h.clock.now.toISOString()
  h.clock.set('2026-02-10T09:00:00Z') // the assessment opened before the interview of 20 February
  const id = await addAssessment(h, north, provider.id)
  h.clock.set(today)
  const url = `/api/v1/assessments/${id}/feedback-responses`
  const ok = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: {
      respondentType: 'carer',
      mode: 'interview',
      answers: { ...bestAnswers(), COMMENT: 'Always on time' },
      receivedOn: '2026-02-20'
    }
  })
  t.equal(ok.statusCode, 201, ok.body)
  t.equal(ok.json().mode, 'interview')
  t.equal(ok.json().enteredByCoordinator, true)
  t.equal(ok.json().comment, 'Always on time')
  t.equal(ok.json().commentStatus, 'pending')
  t.equal(ok.json().answers.COMMENT, undefined, 'free text is held apart from the answers')
  const bad = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: { respondentType: 'person', mode: 'interview', answers: { SAFE: 'very', HAPPY: 'yes' } }
  })
  t.equal(bad.statusCode, 422)
  t.same(
    bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort(),
    ['body.answers.HAPPY', 'body.answers.SAFE']
  )
  const future = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: { respondentType: 'person', mode: 'assisted', answers: bestAnswers(), receivedOn: '2030-01-01' }
  })
  t.equal(future.statusCode, 422)
  t.equal(future.json().errors[0].path, 'body.receivedOn')
  const wrongMode = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: { respondentType: 'person', mode: 'self', answers: bestAnswers(), extra: 1 }
  })
  t.equal(wrongMode.statusCode, 400)
  t.ok(wrongMode.json().errors.some((e: { path: string }) => e.path === 'body.mode'))
  const empty = await h.app.inject({
    method: 'POST',
    url,
    headers: staff,
    payload: { respondentType: 'person', mode: 'assisted', answers: {} }
  })
  t.equal(empty.statusCode, 422)
  const asProvider = await h.app.inject({
    method: 'POST',
    url,
    headers: h.auth(provider.token),
    payload: { respondentType: 'person', mode: 'interview', answers: bestAnswers() }
  })
  t.equal(asProvider.statusCode, 403)
  t.equal((await responsesOf(id)).length, 1, 'refused entries wrote nothing')
})

t.test(
  'aggregates: providers see nothing below 3 responses, then counts, means, Q, G, n and approved comments only',
  async (t) => {
    const other = await h.addProvider(north, { name: "Bob's Day Club" })
    const id = await addAssessment(h, north, other.id)
    const aggregateUrl = `/api/v1/assessments/${id}/feedback-aggregate`
    const entered = async (answers: Record<string, string>) =>
      await h.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${id}/feedback-responses`,
        headers: staff,
        payload: { respondentType: 'person', mode: 'interview', answers }
      })
    const first = await entered({ ...bestAnswers(), COMMENT: 'Very kind' })
    await entered({ ...bestAnswers(), SAFE: 'less_than_i_want', COMMENT: 'Sometimes late' })

    const hidden = (await h.app.inject({ url: aggregateUrl, headers: h.auth(other.token) })).json()
    t.equal(hidden.hidden, true)
    t.equal(hidden.hiddenReason, 'fewer than 3 responses: hidden to protect anonymity')
    t.same([hidden.responses, hidden.q, hidden.items, hidden.comments], [null, null, [], []])
    const forStaff = (await h.app.inject({ url: aggregateUrl, headers: staff })).json()
    t.equal(forStaff.hidden, false)
    t.equal(forStaff.smallGroup, true)
    t.equal(forStaff.responses, 2)
    t.equal(
      (
        await h.app.inject({ url: `/api/v1/providers/${other.id}/feedback-aggregate`, headers: h.auth(other.token) })
      ).json().hidden,
      true
    )

    // an interview: a link answer would wait for two more (test/http/feedback-privacy.test.ts)
    const third = await entered({ ...bestAnswers(), SAFE: 'not_at_all', OCC_AFFECT: 'no', COMMENT: 'Hidden text' })
    t.equal(third.statusCode, 201)
    const approve = await h.app.inject({
      method: 'POST',
      url: `/api/v1/feedback-responses/${first.json().id}/comment-moderation`,
      headers: staff,
      payload: { status: 'approved' }
    })
    t.equal(approve.statusCode, 200)
    t.equal(approve.json().commentStatus, 'approved')
    const pending = (
      await h.app.inject({ url: `/api/v1/assessments/${id}/feedback-responses?commentStatus=pending`, headers: staff })
    ).json().items
    t.equal(pending.length, 2)
    const toHide = pending.find((r: { comment: string }) => r.comment === 'Hidden text')
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/v1/feedback-responses/${toHide.id}/comment-moderation`,
          headers: staff,
          payload: { status: 'hidden', reason: 'names a worker' }
        })
      ).statusCode,
      200
    )

    const seen = await h.app.inject({ url: aggregateUrl, headers: h.auth(other.token) })
    t.equal(seen.statusCode, 200)
    const agg = seen.json()
    t.equal(agg.hidden, false)
    t.equal(agg.responses, 3)
    t.same(agg.comments, ['Very kind'], 'approved comments only')
    const safe = agg.items.find((i: { code: string }) => i.code === 'SAFE')
    t.same(
      safe.counts.map((c: { count: number }) => c.count),
      [1, 0, 1, 1]
    )
    t.equal(safe.mean, 1.33)
    const stored = await responsesOf(id)
    const expected = measureFeedbackQuality(
      DEFAULT_INSTRUMENT,
      stored.map((r) => ({ answers: r.answers as Record<string, string> }))
    )
    t.equal(agg.q, expected.q, 'Q from the one implementation the scorer uses')
    t.equal(agg.g, expected.g)
    t.equal(agg.n, 3)
    t.notMatch(seen.body, /"id"|receivedOn|respondentType/, 'no single response reaches the provider')
    const providerAgg = (
      await h.app.inject({ url: `/api/v1/providers/${other.id}/feedback-aggregate`, headers: h.auth(other.token) })
    ).json()
    t.equal(providerAgg.responses, 3)
    t.equal(providerAgg.q, agg.q)
    t.equal(
      (await h.app.inject({ url: aggregateUrl, headers: h.auth(provider.token) })).statusCode,
      404,
      "another provider's aggregate does not exist for them"
    )
    t.equal(
      (await h.app.inject({ url: `/api/v1/assessments/${id}/feedback-responses`, headers: h.auth(other.token) }))
        .statusCode,
      403,
      'providers never list responses'
    )
  }
)

t.test('the safeguarding box opens a concern; a co-ordinator can flag a response too', async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const [link] = await makeLinks(h, north, id)
  t.equal((await post(link!, form(bestAnswers(), { safeguarding: 'yes' }))).statusCode, 303)
  const [row] = await responsesOf(id)
  t.equal(row!.safeguardingFlag, true)
  const opened = await db.select().from(concerns).where(eq(concerns.feedbackResponseId, row!.id))
  t.equal(opened.length, 1)
  t.equal(opened[0]!.providerId, provider.id)
  t.equal(opened[0]!.source, 'feedback')
  // Neither the concern nor its notification may date the anonymous response to the second.
  t.equal(opened[0]!.createdAt.toISOString().slice(11), '00:00:00.000Z', 'the concern carries the day only')
  const [note] = await db
    .select()
    .from(outbox)
    .where(eq(outbox.dedupeKey, `concern-received:${opened[0]!.id}`))
  t.equal(note!.createdAt.toISOString().slice(11), '00:00:00.000Z', 'so does its notification')

  const entered = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/feedback-responses`,
    headers: staff,
    payload: { respondentType: 'person', mode: 'assisted', answers: bestAnswers() }
  })
  const flag = await h.app.inject({
    method: 'POST',
    url: `/api/v1/feedback-responses/${entered.json().id}/safeguarding`,
    headers: staff,
    payload: { summary: 'Said a worker shouts at them' }
  })
  t.equal(flag.statusCode, 200, flag.body)
  t.equal(flag.json().response.safeguardingFlag, true)
  const again = await h.app.inject({
    method: 'POST',
    url: `/api/v1/feedback-responses/${entered.json().id}/safeguarding`,
    headers: staff,
    payload: { summary: 'Again' }
  })
  t.equal(again.json().concernId, flag.json().concernId, 'one concern per response')
  const other = await h.app.inject({
    method: 'POST',
    url: `/api/v1/feedback-responses/${entered.json().id}/safeguarding`,
    headers: h.auth(south.coordinator.token),
    payload: { summary: 'x y z' }
  })
  t.equal(other.statusCode, 404)
})

t.test("comment text is erased after the scheme's retention period", async (t) => {
  const id = await addAssessment(h, north, provider.id)
  const entered = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${id}/feedback-responses`,
    headers: staff,
    payload: { respondentType: 'person', mode: 'interview', answers: { ...bestAnswers(), COMMENT: 'Remember me' } }
  })
  t.equal((await eraseExpiredFeedbackComments(h.app.deps.db, systemCtx(h.clock.now))).length, 0)
  const later = new Date(h.clock.now.getTime() + 800 * 86_400_000)
  t.ok((await eraseExpiredFeedbackComments(h.app.deps.db, systemCtx(later))).length >= 1)
  const [row] = await db.select().from(feedbackResponses).where(eq(feedbackResponses.id, entered.json().id))
  t.equal(row!.comment, null)
  t.equal(row!.commentStatus, 'erased')
  const moderate = await h.app.inject({
    method: 'POST',
    url: `/api/v1/feedback-responses/${row!.id}/comment-moderation`,
    headers: staff,
    payload: { status: 'approved' }
  })
  t.equal(moderate.statusCode, 409)
})
