// The monitoring jobs with a moving clock: evidence reminders at 60/30/7 days exactly once each, suspension of an
// award whose limiter lapsed past grace, renewal opening, expiry, comment erasure and delivery; two schedulers at
// once on the real server do every action exactly once.
import t from 'tap'
import { DEFAULT_SCHEME } from '../../src/domain/scheme/index.js'
import { and, eq, like } from 'drizzle-orm'
import { changeAward } from '../../src/use-cases/awards.js'
import type { Ctx } from '../../src/use-cases/context.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { startScheduler } from '../../src/use-cases/jobs/scheduler.js'
import { openDatabase } from '../../src/db/client.js'
import {
  assessments,
  auditEvents,
  awards,
  feedbackResponses,
  outbox,
  type OutboxTopic
} from '../../src/db/schema/index.js'
import { addCalendarDays } from '../../src/domain/workflow/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertAward, insertEvidence } from '../helpers/awards.js'
import { onRealPostgres } from '../helpers/database.js'

const h = await buildTestApp(t)
const [north, south] = h.councils
const db = h.db.db
const today = () => h.clock.now.toISOString().slice(0, 10)
const run = async () => await runJobs(h.app.deps, h.clock.now)

/** A provider with a live award valid for `validForDays` more days, and INS_PL (a limiter) expiring as given. */
async function awardedProvider (
  council = north,
  opts: { validForDays?: number; insPlExpiresInDays?: number | null } = {}
) {
  const p = await h.addProvider(council)
  const { assessmentId, awardId } = await insertAward(db, {
    councilId: council.id,
    providerId: p.id,
    validFrom: addCalendarDays(today(), -30),
    validTo: addCalendarDays(today(), opts.validForDays ?? 300),
    decidedBy: council.coordinator.id
  })
  const base = { councilId: council.id, providerId: p.id, assessmentId }
  if (opts.insPlExpiresInDays !== null) {
    await insertEvidence(db, {
      ...base,
      itemCode: 'INS_PL',
      expiresOn: addCalendarDays(today(), opts.insPlExpiresInDays ?? 400)
    })
  }
  await insertEvidence(db, { ...base, itemCode: 'DBS_ENH', expiresOn: addCalendarDays(today(), 1000) })
  return { ...p, assessmentId, awardId }
}
const notes = async (providerId: string, topic: OutboxTopic) =>
  await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipientProviderId, providerId), eq(outbox.topic, topic)))
const awardOf = async (awardId: string) => (await db.select().from(awards).where(eq(awards.id, awardId)))[0]!
const auditCount = async (awardId: string, action: string) =>
  (
    await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, awardId), eq(auditEvents.action, action)))
  ).length

t.test('evidence reminders at 60, 30 and 7 days before expiry, each exactly once', async (t) => {
  const p = await awardedProvider(north, { insPlExpiresInDays: 61 })
  const reminders = async () =>
    (await notes(p.id, 'notification.evidence_expiring')).map((n) => (n.payload as { daysBefore: number }).daysBefore)
  await run()
  t.same(await reminders(), [], '61 days before: nothing yet')
  const steps: Array<[number, number[]]> = [
    [1, [60]],
    [0, [60]],
    [29, [60]],
    [1, [60, 30]],
    [22, [60, 30]],
    [1, [60, 30, 7]],
    [6, [60, 30, 7]],
    [2, [60, 30, 7]]
  ]
  for (const [days, expected] of steps) {
    h.clock.advanceDays(days)
    await run()
    await run()
    t.same(
      (await reminders()).sort((a, b) => b - a),
      expected,
      `${today()}: ${expected.join('/')}`
    )
  }
  const [first] = await notes(p.id, 'notification.evidence_expiring')
  t.match(first!.payload, { itemCode: 'INS_PL', providerId: p.id })
  t.ok(first!.sentAt, 'delivered by the outbox step')
})

t.test(
  'a limiter lapsed past the 14-day grace suspends the award once; a reinstatement is not overruled',
  async (t) => {
    const p = await awardedProvider(north, { insPlExpiresInDays: 0 })
    h.clock.advanceDays(14)
    await run()
    t.equal((await awardOf(p.awardId)).status, 'active', 'last day of grace')
    h.clock.advanceDays(1)
    await run()
    await run()
    const suspended = await awardOf(p.awardId)
    t.equal(suspended.status, 'suspended')
    t.match(suspended.statusReason, /^evidence_lapsed: INS_PL/)
    t.equal(await auditCount(p.awardId, 'suspend'), 1)
    t.equal((await notes(p.id, 'notification.award_suspended')).length, 1)
    const coordinator: Ctx = {
      actor: {
        kind: 'user',
        userId: north.coordinator.id,
        role: 'coordinator',
        councilId: north.id,
        providerId: null,
        tokenId: 't'
      },
      now: h.clock.now
    }
    await changeAward(
      h.app.deps,
      coordinator,
      p.awardId,
      'reinstate',
      'New certificate seen at the visit; upload to follow'
    )
    h.clock.advanceDays(1)
    await run()
    t.equal((await awardOf(p.awardId)).status, 'active', 'the same lapse does not suspend again')
  }
)

t.test('renewed limiter evidence keeps the mark: on its own assessment, or verified on a later one', async (t) => {
  const renewedOn = async (assessmentOf: (p: Awaited<ReturnType<typeof awardedProvider>>) => Promise<string>) => {
    const p = await awardedProvider(north, { insPlExpiresInDays: 0 })
    await insertEvidence(db, {
      councilId: north.id,
      providerId: p.id,
      assessmentId: await assessmentOf(p),
      itemCode: 'INS_PL',
      expiresOn: addCalendarDays(today(), 365)
    })
    return p
  }
  const same = await renewedOn(async (p) => p.assessmentId)
  const later = await renewedOn(async (p) => {
    const [renewal] = await db.insert(assessments).values({
      councilId: north.id,
      providerId: p.id,
      kind: 'renewal',
      state: 'under_review',
      schemeVersionId: (await db.select().from(assessments).where(eq(assessments.id, p.assessmentId)))[0]!
        .schemeVersionId
    }).returning()
    return renewal!.id
  })
  const unrenewed = await awardedProvider(north, { insPlExpiresInDays: 0 })
  h.clock.advanceDays(20)
  await run()
  t.equal((await awardOf(unrenewed.awardId)).status, 'suspended', 'without new insurance: suspended')
  t.equal((await awardOf(same.awardId)).status, 'active', 'new insurance on the decided assessment keeps it')
  t.equal((await awardOf(later.awardId)).status, 'active', 'so does new insurance verified on the renewal')
})

t.test('renewal opens 60 days before the end, then the award expires the day after its last valid day', async (t) => {
  const p = await awardedProvider(north, { validForDays: 61 })
  await run()
  t.equal((await awardOf(p.awardId)).status, 'active')
  h.clock.advanceDays(1)
  await run()
  await run()
  t.equal((await awardOf(p.awardId)).status, 'renewal_due')
  const renewals = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.providerId, p.id), eq(assessments.kind, 'renewal')))
  t.equal(renewals.length, 1, 'one renewal assessment')
  t.equal(renewals[0]!.state, 'draft')
  t.equal(renewals[0]!.renewsAwardId, p.awardId)
  const [due] = await notes(p.id, 'notification.renewal_due')
  t.equal(
    (due!.payload as { renewalAssessmentId: string }).renewalAssessmentId,
    renewals[0]!.id,
    'the provider is told which assessment to fill in'
  )
  h.clock.advanceDays(60)
  await run()
  t.equal((await awardOf(p.awardId)).status, 'renewal_due', 'valid through its last day')
  h.clock.advanceDays(1)
  await run()
  await run()
  t.equal((await awardOf(p.awardId)).status, 'expired')
  t.equal(await auditCount(p.awardId, 'expire'), 1)
  t.equal((await notes(p.id, 'notification.award_expired')).length, 1)
})

t.test('feedback comments are erased after the retention period, the answers kept', async (t) => {
  const p = await awardedProvider(north)
  const retention = DEFAULT_SCHEME.settings.commentRetentionDays
  const response = async (daysAgo: number) =>
    (
      await db
        .insert(feedbackResponses)
        .values({
          councilId: north.id,
          assessmentId: p.assessmentId,
          providerId: p.id,
          respondentType: 'person',
          mode: 'self',
          instrumentVersion: 1,
          sizeBand: 'micro',
          answers: { SAFE: '3' },
          comment: `said ${daysAgo} days ago`,
          commentStatus: 'approved',
          receivedOn: addCalendarDays(today(), -daysAgo)
        })
        .returning()
    )[0]!.id
  const old = await response(retention + 1)
  const lastDay = await response(retention)
  const recent = await response(10)
  await run()
  const row = async (id: string) => (await db.select().from(feedbackResponses).where(eq(feedbackResponses.id, id)))[0]!
  t.match(await row(old), { comment: null, commentStatus: 'erased', answers: { SAFE: '3' } })
  t.match(
    await row(lastDay),
    { comment: `said ${retention} days ago`, commentStatus: 'approved' },
    'kept through its last day'
  )
  t.equal((await row(recent)).commentStatus, 'approved')
})

t.test('delivery marks notifications sent and leaves award events to the webhook deliverer', async (t) => {
  await run()
  const pending = await db.select().from(outbox).where(like(outbox.topic, 'notification.%'))
  t.ok(pending.length > 0)
  t.ok(
    pending.every((n) => n.sentAt !== null),
    'every notification sent'
  )
  const awardEvents = await db.select().from(outbox).where(like(outbox.topic, 'award.%'))
  t.ok(awardEvents.length > 0 && awardEvents.every((n) => n.sentAt === null), 'award.* untouched')
})

t.test("POST /api/v1/jobs/run: staff run their council's jobs now; a provider may not", async (t) => {
  const p = await awardedProvider(south, { validForDays: 60 })
  const provider = await h.app.inject({ method: 'POST', url: '/api/v1/jobs/run', headers: h.auth(p.token) })
  t.equal(provider.statusCode, 403)
  const northRun = await h.app.inject({
    method: 'POST',
    url: '/api/v1/jobs/run',
    headers: h.auth(north.coordinator.token)
  })
  t.equal(northRun.statusCode, 200)
  t.equal((await awardOf(p.awardId)).status, 'active', "another council's run leaves it alone")
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/jobs/run', headers: h.auth(south.coordinator.token) })
  t.equal(res.statusCode, 200, res.body)
  const renewals = res.json().results.find((r: { job: string }) => r.job === 'award-renewals')
  t.match(renewals, { ran: true, done: 1, failed: 0 })
  t.equal((await awardOf(p.awardId)).status, 'renewal_due')
})

t.test('the in-service scheduler runs the jobs on its interval and stops cleanly', async (t) => {
  const p = await awardedProvider(north, { validForDays: 60 })
  const stop = startScheduler(h.app.deps, { intervalMs: 50, webhookIntervalMs: 0 })
  const deadline = Date.now() + 10_000
  while ((await awardOf(p.awardId)).status === 'active' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stop()
  t.equal((await awardOf(p.awardId)).status, 'renewal_due')
})

t.test(
  'two schedulers on one database at once: every action exactly once',
  { skip: onRealPostgres() ? false : 'needs the real PostgreSQL server (DATABASE_URL): PGlite has one connection' },
  async (t) => {
    const second = await openDatabase({ url: h.db.url, max: 5 })
    t.teardown(async () => {
      await second.close()
    })
    const renewing = await Promise.all([1, 2, 3].map(async () => await awardedProvider(south, { validForDays: 60 })))
    const expiring = await Promise.all([1, 2].map(async () => await awardedProvider(south, { validForDays: -1 })))
    const lapsed = await Promise.all([1, 2].map(async () => await awardedProvider(south, { insPlExpiresInDays: -20 })))
    const reminded = await Promise.all([1, 2].map(async () => await awardedProvider(south, { insPlExpiresInDays: 30 })))
    const other = { ...h.app.deps, db: second.db }
    const reports = await Promise.all([run(), runJobs(other, h.clock.now), run(), runJobs(other, h.clock.now)])
    const doneBy = (job: string) =>
      reports
        .flatMap((r) => r.results)
        .filter((r) => r.job === job)
        .reduce((n, r) => n + r.done, 0)
    t.equal(doneBy('award-renewals'), 5, '3 renewals + 2 expiries, once')
    t.equal(doneBy('limiter-suspensions'), 2)
    t.ok(
      reports.flatMap((r) => r.results).every((r) => r.failed === 0),
      'nothing failed'
    )
    for (const p of renewing) {
      t.equal(await auditCount(p.awardId, 'open_renewal'), 1)
      t.equal(
        (
          await db
            .select()
            .from(assessments)
            .where(and(eq(assessments.providerId, p.id), eq(assessments.kind, 'renewal')))
        ).length,
        1
      )
    }
    for (const p of expiring) t.equal(await auditCount(p.awardId, 'expire'), 1)
    for (const p of lapsed) t.equal(await auditCount(p.awardId, 'suspend'), 1)
    for (const p of reminded) t.equal((await notes(p.id, 'notification.evidence_expiring')).length, 1)
    const sentTwice = await db.select().from(auditEvents).where(eq(auditEvents.action, 'open_renewal'))
    t.equal(new Set(sentTwice.map((e) => e.entityId)).size, sentTwice.length, 'no award renewed twice anywhere')
  }
)
