// `npm run jobs:run-once`: every monitoring job once, for cron-style deployments (JOBS_INTERVAL_SECONDS=0 in the
// service). Safe alongside running instances: each job takes its advisory lock. Prints what it did, then exits.
import { destination, pino } from 'pino'
import { systemResolver } from '../src/use-cases/webhook-targets.js'
import type { Deps } from '../src/use-cases/context.js'
import { runJobs } from '../src/use-cases/jobs/run-jobs.js'
import { deliverWebhooks } from '../src/use-cases/webhooks.js'
import { openFromEnvironment } from './cli.js'
import { channelsFromConfig } from '../src/notifications/index.js'

const { config, database } = await openFromEnvironment()
const deps: Deps = {
  db: database.db,
  config,
  clock: () => new Date(),
  log: pino({ level: config.LOG_LEVEL }, destination(2)),
  resolveHost: systemResolver,
  channels: channelsFromConfig(config)
}
try {
  const report = await runJobs(deps)
  for (const r of report.results) {
    const head = r.ran
      ? `${r.job}: ${r.done} done${r.failed > 0 ? `, ${r.failed} failed (see log)` : ''}`
      : `${r.job}: skipped, another instance is running it`
    process.stdout.write(`${[head, ...r.actions.map((a) => `  - ${a}`)].join('\n')}\n`)
  }
  const m = report.messages
  process.stdout.write(`messages: ${m.sent} sent, ${m.retrying} to retry, ${m.failed} failed\n`)
  const hooks = await deliverWebhooks(deps, deps.clock())
  process.stdout.write(
    `webhooks: ${hooks.fannedOut} queued, ${hooks.delivered} delivered, ` +
      `${hooks.retrying} to retry, ${hooks.failed} failed\n`
  )
  process.exitCode = report.results.some((r) => r.failed > 0) ? 1 : 0
} finally {
  await deps.channels.close()
  await database.close()
}
