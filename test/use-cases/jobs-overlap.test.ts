// Two instances' job runs overlapping: while another instance's fan-out holds its lock, this run waits for it and
// still sends what it wrote in the same run, instead of leaving it for the next run (README: Reliability). On a
// private PostgreSQL cluster, where "another instance" is a second connection holding the fan-out's lock.
import postgres from 'postgres'
import t from 'tap'
import { eq } from 'drizzle-orm'
import { outbox, users } from '../../src/db/schema/index.js'
import { JOB_LOCK_KEYS } from '../../src/use-cases/jobs/job-lock.js'
import { runJobs } from '../../src/use-cases/jobs/run-jobs.js'
import { buildTestApp } from '../helpers/app.js'
import { startSmtp } from '../helpers/mail.js'
import { startPrivatePostgres } from '../helpers/private-postgres.js'

t.test('a run that finds the fan-out locked waits for it and delivers in the same run', async (t) => {
  const pg = await startPrivatePostgres(t)
  const smtp = await startSmtp()
  t.teardown(smtp.close)
  const h = await buildTestApp(t, { serverUrl: pg.url, env: { SMTP_URL: smtp.url } })
  const [north] = h.councils
  const p = await h.addProvider(north)
  await h.db.db.update(users).set({ email: 'owner@care.example' }).where(eq(users.id, p.userId))
  await h.db.db.insert(outbox).values({
    councilId: north.id,
    topic: 'notification.evidence_expiring',
    dedupeKey: 'overlap:1',
    recipientProviderId: p.id,
    payload: { itemCode: 'INS_PL', expiresOn: '2026-04-01', daysLeft: 30 },
    createdAt: h.clock.now,
    nextAttemptAt: h.clock.now
  })

  // the other instance, in the middle of its own fan-out
  const other = postgres(h.db.url!, { max: 1, onnotice: () => {} })
  t.teardown(async () => await other.end())
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    other.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${JOB_LOCK_KEYS['outbox-delivery']})`
      resolve()
      await new Promise<void>((resolve) => {
        release = resolve
      })
    }).catch(() => {})
  })
  await held
  const run = runJobs(h.app.deps, h.clock.now)
  setTimeout(() => release(), 500)
  const report = await run
  const fanOut = report.results.find((r) => r.job === 'outbox-delivery')
  t.equal(fanOut?.ran, true, 'the fan-out ran in this run, after the other instance’s')
  t.equal(report.messages.sent, 1, 'and the message went out in the same run')
  await smtp.waitFor(1)
  t.match(JSON.stringify(smtp.messages[0]?.to), 'owner@care.example')
})
