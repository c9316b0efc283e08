// The workflow tells people: every action a person takes through the API that someone must hear about writes a
// notification, which the jobs word and deliver (here to the demo mailbox: no channel is configured). Each step is
// checked by what the provider (or the invited person) would find in their mailbox.
import { eq } from 'drizzle-orm'
import t from 'tap'
import { notificationMessages, users } from '../../src/db/schema/index.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { buildTestApp, sampleProvider } from '../helpers/app.js'
import { assessmentDriver } from '../helpers/assessments.js'

const h = await buildTestApp(t)
const [north] = h.councils
const staff = north.coordinator.token
const d = assessmentDriver(h)
const flags = sampleProvider().flags

/** Runs the jobs, then returns the messages one person has been sent, in the order the events happened. */
async function mailboxOf (userId: string) {
  await runJobs(h.app.deps)
  const rows = await h.db.db
    .select()
    .from(notificationMessages)
    .where(eq(notificationMessages.recipientUserId, userId))
    .orderBy(notificationMessages.outboxId)
  return rows.map((r) => ({ kind: r.kind, subject: r.subject, body: r.body, channel: r.channel, status: r.status }))
}
const kindsOf = async (userId: string) => (await mailboxOf(userId)).map((m) => m.kind)

const p = await h.addProvider(north, { name: 'Bright Days' })
await h.db.db.update(users).set({ email: 'owner@bright.example' }).where(eq(users.id, p.userId))

t.test('a new provider user is invited by email', async (t) => {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: h.auth(staff),
    payload: { role: 'provider', name: 'Sam Partner', email: 'sam@bright.example', providerId: p.id }
  })
  t.equal(res.statusCode, 201, res.body)
  const mail = await mailboxOf(res.json().id)
  t.same(
    mail.map((m) => [m.kind, m.channel, m.status]),
    [['provider_invited', 'mailbox', 'sent']]
  )
})

t.test('requests for information, on the assessment and on one item, carry the note', async (t) => {
  const id = await d.openUnderReview(p.token, staff)
  const asked = await d.post(staff, `/api/v1/assessments/${id}/request-info`, { note: 'Which days do you work?' })
  t.equal(asked.statusCode, 200, asked.body)
  const answered = await d.post(p.token, `/api/v1/assessments/${id}/respond`, { note: 'Monday to Friday' })
  t.equal(answered.json().state, 'under_review', 'the answer goes back to the co-ordinator')
  const ev = await d.post(p.token, `/api/v1/assessments/${id}/evidence`, {
    itemCode: 'MCA',
    kind: 'narrative',
    narrative: 'We ask people what they want, every visit'
  })
  t.equal(ev.statusCode, 201, ev.body)
  {
    const rejected = await d.post(staff, `/api/v1/assessments/${id}/evidence/${ev.json().id}/request-info`, {
      note: 'Please attach your own policy'
    })
    t.equal(rejected.statusCode, 200, rejected.body)
  }
  const mail = (await mailboxOf(p.userId)).filter((m) => m.kind === 'information_requested')
  t.match(mail[0]!.body, /Which days do you work\?/)
  t.equal(mail.length, 2)
  t.match(mail[1]!.body, /Please attach your own policy/)
  await d.post(staff, `/api/v1/assessments/${id}/withdraw`, { note: 'test done' })
})

t.test('a proposed decision, its publication, suspension, reinstatement and revocation are each told', async (t) => {
  const id = await d.openUnderReview(p.token, staff)
  await d.meetItems(id, flags, 'B', p.token, staff)
  await d.addGlowingFeedback(id, north.id, p.id, 3)
  await d.post(staff, `/api/v1/assessments/${id}/mark-ready`)
  const proposed = await d.post(staff, `/api/v1/assessments/${id}/propose-decision`, { level: 'bronze' })
  t.equal(proposed.statusCode, 200, proposed.body)
  const deadline = proposed.json().factualAccuracyEndsOn as string
  const told = (await mailboxOf(p.userId)).filter((m) => m.kind === 'decision_proposed')
  t.equal(told.length, 1)
  t.match(told[0]!.body, /bronze/i)
  const [y, m, day] = deadline.split('-').map(Number)
  t.match(told[0]!.body, new RegExp(`${day!} \\w+ ${y!}`), 'the factual-accuracy deadline is named')
  t.ok(m)

  await d.post(p.token, `/api/v1/assessments/${id}/accept-decision`)
  const published = await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)
  t.equal(published.statusCode, 200, published.body)
  const awardId = published.json().awardId as string
  t.ok(awardId, 'the decision issued an award')
  const award = (path: string, payload: object) => d.post(staff, `/api/v1/awards/${awardId}/${path}`, payload)
  t.equal((await award('suspend', { reason: 'non_engagement', note: 'No answer to three letters' })).statusCode, 200)
  t.equal((await award('reinstate', { reason: 'The provider answered' })).statusCode, 200)
  t.equal((await award('suspend', { reason: 'non_engagement' })).statusCode, 200)
  t.equal((await award('revoke', { reason: 'No answer after the suspension' })).statusCode, 200)
  const kinds = (await kindsOf(p.userId)).filter((k) => k.startsWith('award_'))
  t.same(kinds, ['award_published', 'award_suspended', 'award_reinstated', 'award_suspended', 'award_revoked'])
  const bodies = (await mailboxOf(p.userId)).map((m) => m.body).join('\n')
  t.notMatch(bodies, /No answer to three letters/, 'why it was suspended is read after signing in, never mailed')

  const again = await kindsOf(p.userId)
  t.equal(again.length, (await kindsOf(p.userId)).length, 'running the jobs again tells nobody twice')
})

t.test('an appeal is acknowledged when lodged and its decision is told', async (t) => {
  const id = await d.openUnderReview(p.token, staff)
  await d.proposeAccepted(id, p, north.id, staff, { flags, tier: 'B', level: 'bronze', responses: 3 })
  t.equal((await d.post(staff, `/api/v1/assessments/${id}/publish-decision`)).statusCode, 200)
  const lodged = await d.post(p.token, '/api/v1/appeals', {
    subjectType: 'decision',
    assessmentId: id,
    grounds: 'Our insurance certificate was verified but not counted'
  })
  t.equal(lodged.statusCode, 201, lodged.body)
  const appealId = lodged.json().id as string
  await d.post(staff, `/api/v1/appeals/${appealId}/acknowledge`, {})
  t.equal((await d.post(north.reviewer.token, `/api/v1/appeals/${appealId}/start-review`, {})).statusCode, 200)
  const decided = await d.post(north.reviewer.token, `/api/v1/appeals/${appealId}/decide`, {
    outcome: 'dismissed',
    reason: 'The certificate had expired before the decision'
  })
  t.equal(decided.statusCode, 200, decided.body)
  const mail = (await mailboxOf(p.userId)).filter((m) => m.kind.startsWith('appeal_'))
  t.same(
    mail.map((m) => m.kind),
    ['appeal_acknowledged', 'appeal_decided']
  )
  t.match(mail[1]!.body, /dismissed/, 'the outcome is told; the reasons are read after signing in')
})
