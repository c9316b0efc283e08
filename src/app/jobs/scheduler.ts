// The in-service scheduler: runs every job each JOBS_INTERVAL_SECONDS (0 = off) without overlapping itself.
// Other instances may run the same schedule: the jobs' advisory locks make that safe.
import type { Deps } from '../context.js'
import { deliverWebhooks } from '../webhooks.js'
import { runJobs } from './run-jobs.js'

/** Starts the interval (first run after one interval); returns a stop function that waits for a run in flight. */
export function startScheduler (deps: Deps, opts: { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = opts.intervalMs ?? deps.config.JOBS_INTERVAL_SECONDS * 1000
  if (intervalMs <= 0) return async () => {}
  let running: Promise<void> | null = null
  const tick = () => {
    if (running !== null) return
    running = runJobs(deps).then(async (report) => {
      const busy = report.results.filter((r) => r.done + r.failed > 0)
      if (busy.length > 0) deps.log.info({ jobs: busy.map(({ job, done, failed }) => ({ job, done, failed })) }, 'scheduled jobs ran')
      // award.* events go to directories' webhooks: their worker claims rows itself (SKIP LOCKED), outside our locks,
      // because it waits on other servers and must not hold a transaction open meanwhile.
      await deliverWebhooks(deps, deps.clock())
    }).catch((error: unknown) => { deps.log.error({ err: error }, 'scheduled jobs failed; retrying at the next interval') })
      .finally(() => { running = null })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    if (running !== null) await running
  }
}
