// The in-service scheduler: two loops that never overlap themselves. The monitoring jobs run every
// JOBS_INTERVAL_SECONDS; webhook deliveries every WEBHOOK_INTERVAL_SECONDS, because a directory expects an
// award change within seconds, not minutes (0 turns a loop off). Other instances may run the same loops:
// the jobs' advisory locks and the deliveries' SKIP LOCKED claims make that safe.
import type { Deps } from '../context.js'
import { deliverWebhooks } from '../webhooks.js'
import { runJobs } from './run-jobs.js'

/** Stops the loops at once and waits for a run in flight; after `graceMs` that run is told to give up (its signal). */
export type StopScheduler = (graceMs?: number) => Promise<void>

/**
 * Runs `work` every `ms` (first run after one interval), never twice at once; the stop function waits for a run in
 * flight, aborting its signal after the grace period.
 */
function every (ms: number, work: (signal: AbortSignal) => Promise<void>): StopScheduler {
  if (ms <= 0) return async () => {}
  const stopping = new AbortController()
  let running: Promise<void> | null = null
  const timer = setInterval(() => {
    if (running !== null) return
    running = work(stopping.signal).finally(() => {
      running = null
    })
  }, ms)
  timer.unref()
  return async (graceMs = Infinity) => {
    clearInterval(timer)
    if (running === null) return
    const giveUp = Number.isFinite(graceMs) ? setTimeout(() => stopping.abort(), graceMs) : undefined
    await running
    clearTimeout(giveUp)
  }
}

export function startScheduler (
  deps: Deps,
  opts: { intervalMs?: number; webhookIntervalMs?: number } = {}
): StopScheduler {
  const stopJobs = every(opts.intervalMs ?? deps.config.JOBS_INTERVAL_SECONDS * 1000, async (signal) => {
    try {
      const report = await runJobs(deps, deps.clock(), {}, signal)
      const busy = report.results.filter((r) => r.done + r.failed > 0)
      if (busy.length > 0) {
        deps.log.info({ jobs: busy.map(({ job, done, failed }) => ({ job, done, failed })) }, 'scheduled jobs ran')
      }
    } catch (error) {
      deps.log.error({ err: error }, 'scheduled jobs failed; retrying at the next interval')
    }
  })
  // award.* events go to directories' webhooks; the worker claims rows itself, outside any job lock, because it
  // waits on other servers and must not hold a transaction open meanwhile.
  const stopWebhooks = every(opts.webhookIntervalMs ?? deps.config.WEBHOOK_INTERVAL_SECONDS * 1000, async (signal) => {
    try {
      await deliverWebhooks(deps, deps.clock(), { signal })
    } catch (error) {
      deps.log.error({ err: error }, 'webhook delivery failed; retrying at the next interval')
    }
  })
  return async (graceMs) => {
    await Promise.all([stopJobs(graceMs), stopWebhooks(graceMs)])
  }
}
