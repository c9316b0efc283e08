// The demo `npm start` loads: assessments driven through the real use cases end in 2 gold, 3 silver (one suspended),
// 2 bronze and 1 not awarded, published in the directory and the ORUK feed, with a working feedback link; loaded once.
import { count, eq } from 'drizzle-orm'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { demoStories } from '../../src/use-cases/demo-content.js'
import { seedDemoIfEmpty } from '../../src/use-cases/demo.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { loadConfig } from '../../src/config.js'
import {
  assessments,
  auditEvents,
  awards,
  councils,
  evidence,
  evidenceFiles,
  feedbackInvitations,
  feedbackResponses,
  outbox,
  providers,
  users
} from '../../src/db/schema/index.js'
import { createTestDatabase } from '../helpers/database.js'
import { testClock } from '../helpers/app.js'

// buildTestApp creates councils, and the demo only loads into a database without any: build the app directly.
const db = await createTestDatabase()
const clock = testClock('2026-03-02T10:00:00Z')
const config = loadConfig({
  LOG_LEVEL: 'silent',
  JOBS_INTERVAL_SECONDS: '0',
  RATE_LIMIT_PER_MINUTE: '100000',
  MAX_EVENT_LOOP_DELAY_MS: '0'
})
const app = await buildApp(config, { database: db, clock: () => clock.now, logger: false })
t.teardown(async () => {
  await app.close()
  await db.drop()
})

const started = performance.now()
const first = await seedDemoIfEmpty(app.deps, [demoStories])
const seconds = (performance.now() - started) / 1000
const [demo] = await db.db.select().from(councils).where(eq(councils.slug, 'demo'))

const tables = {
  providers,
  users,
  assessments,
  evidence,
  evidenceFiles,
  feedbackResponses,
  feedbackInvitations,
  awards,
  auditEvents
}
async function countRows () {
  const out: Record<string, number> = {}
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.db.select({ n: count() }).from(table))[0]!.n
  return out
}

t.test('the demo decides eight assessments through the use cases', async (t) => {
  t.comment(`demo loaded in ${seconds.toFixed(1)} s`)
  const rows = await db.db
    .select({ level: awards.level, status: awards.status, providerId: awards.providerId })
    .from(awards)
    .where(eq(awards.councilId, demo!.id))
  const byLevel = (level: string) => rows.filter((r) => r.level === level).length
  t.same(
    { gold: byLevel('gold'), silver: byLevel('silver'), bronze: byLevel('bronze') },
    { gold: 2, silver: 3, bronze: 2 }
  )
  t.same(rows.filter((r) => r.status === 'suspended').length, 1, 'one award suspended')
  const states = await db.db
    .select({ state: assessments.state, outcome: assessments.outcome })
    .from(assessments)
    .where(eq(assessments.councilId, demo!.id))
  t.equal(states.filter((s) => s.outcome === 'not_awarded').length, 1, 'one not awarded')
  t.equal(states.filter((s) => s.state === 'info_requested').length, 1, 'one review waiting on information')
  t.equal(states.filter((s) => s.state === 'submitted').length, 1, 'one waiting for a co-ordinator')
  const files = await db.db.select({ n: count() }).from(evidenceFiles)
  t.ok(files[0]!.n > 20, 'document evidence carries its uploaded PDF')
  const feedback = await db.db
    .select({ mode: feedbackResponses.mode, type: feedbackResponses.respondentType })
    .from(feedbackResponses)
  t.same(
    new Set(feedback.map((f) => f.mode)),
    new Set(['interview', 'assisted']),
    'responses entered by the co-ordinator after interviews'
  )
  t.ok(
    feedback.some((f) => f.type === 'carer'),
    'carers give feedback too'
  )
})

t.test('evidence running out soon shows in the operations report and the reminder job', async (t) => {
  const token = /Bearer (qm_\S+)"/.exec(first.links[0]!)![1]!
  const res = await app.inject({ url: '/api/v1/reports/operations', headers: { authorization: `Bearer ${token}` } })
  t.equal(res.statusCode, 200, res.body)
  const report = res.json()
  // FIRST_AID in 6 days and INS_MOTOR in 25; INS_PL in 50 (src/domain/README.md: reminders at 60/30/7 days).
  t.same(
    report.expiring.map((e: { evidence: number }) => e.evidence),
    [2, 3, 3]
  )
  t.ok(
    report.stageDurations.some((s: { medianDays: number | null }) => (s.medianDays ?? 0) > 0),
    'stages took days, not seconds'
  )
  await runJobs(app.deps, clock.now)
  const reminders = await db.db
    .select({ n: count() })
    .from(outbox)
    .where(eq(outbox.topic, 'notification.evidence_expiring'))
  t.equal(reminders[0]!.n, 3, 'one reminder per piece running out within 60 days')
})

t.test('the public sees the awards: ORUK feed and directory', async (t) => {
  for (const line of [
    /Bearer qm_/,
    /\/directory\/demo$/,
    /\/oruk\/demo\/services$/,
    /Sign in as the demo co-ordinator .*\/sign-in\/link\/qml_/,
    /a demo provider .*\/sign-in\/link\/qml_/,
    /Demo mailbox .*\/demo-mailbox$/,
    /Feedback form .*\/feedback\/qmf_/
  ]) {
    t.ok(first.links.some((l) => line.test(l)), `the start-up lines include ${String(line)}`)
  }
  const feed = await app.inject({ url: '/oruk/demo/services?per_page=50' })
  t.equal(feed.statusCode, 200, feed.body)
  const names = feed
    .json()
    .contents.map((s: { name: string }) => s.name)
    .sort()
  t.same(names, [
    'Allotment Days',
    'Bramley Community Care',
    'Calm Minds Walking Group',
    'Shared Lives with Maya',
    "Tom's Trips",
    'Wharfe Valley Care',
    'Yorkshire Supported Living'
  ])
  const page = await app.inject({ url: '/directory/demo' })
  t.equal(page.statusCode, 200)
  t.match(page.body, 'Shared Lives with Maya')
  t.notMatch(page.body, 'Independent Steps', 'no mark, no listing')
})

t.test('the printed feedback link opens the form', async (t) => {
  const link = /(https?:\/\/\S+\/feedback\/qmf_\S+)/.exec(first.links.join('\n'))![1]!
  const form = await app.inject({ url: new URL(link).pathname })
  t.equal(form.statusCode, 200)
  t.match(form.body, 'Moortown Day Centre')
})

t.test('seeding again adds nothing and prints no link it cannot show', async (t) => {
  const before = await countRows()
  clock.advanceDays(1)
  const again = await seedDemoIfEmpty(app.deps, [demoStories])
  const after = await countRows()
  t.same({ ...after, auditEvents: before.auditEvents }, before, 'no row duplicated')
  t.notMatch(again.links.join('\n'), /\/feedback\//, 'a single-use link is shown only when it is made')
  t.match(again.links.join('\n'), /\/directory\/demo/)
})
