// Every monitoring job once, in order, each under its own advisory lock: what the in-service scheduler, the
// cron script and POST /api/v1/jobs/run all call (src/domain/README.md: Scheduled work).
import type { Tx } from '../../db/client.js'
import { systemCtx, type Ctx, type Deps } from '../context.js'
import { renewAndExpireAwards } from './award-renewals.js'
import { eraseExpiredComments } from './comment-erasure.js'
import { sendEvidenceReminders } from './evidence-reminders.js'
import { runExclusively, type JobName, type JobResult } from './job-lock.js'
import { suspendLapsedAwards } from './limiter-suspensions.js'
import type { JobScope } from './monitored-assessments.js'
import { fanOutNotifications, sendDueMessages, type SendReport } from '../notifications.js'

export type { JobResult, JobName } from './job-lock.js'
export type { JobScope } from './monitored-assessments.js'

type Job = (tx: Tx, deps: Deps, ctx: Ctx, scope: JobScope, result: JobResult) => Promise<void>

// Suspensions before renewals (a lapsed award does not open a renewal as if all were well); delivery last,
// so what this run wrote goes out in the same run.
const jobs: Array<[JobName, Job]> = [
  ['evidence-reminders', sendEvidenceReminders],
  ['limiter-suspensions', suspendLapsedAwards],
  ['award-renewals', renewAndExpireAwards],
  ['comment-erasure', eraseExpiredComments],
  ['outbox-delivery', fanOutNotifications]
]

export interface JobsReport {
  at: string
  results: JobResult[]
  /** messages to people sent after the jobs, outside their locks (they wait on mail servers) */
  messages: SendReport
}

/**
 * Runs every job as the system at `now` (the scheduler's clock); `scope` limits it to one council. Once `signal` is
 * aborted (the process is shutting down) no further job starts and no further batch of messages is sent.
 */
export async function runJobs (
  deps: Deps,
  now: Date = deps.clock(),
  scope: JobScope = {},
  signal?: AbortSignal
): Promise<JobsReport> {
  const ctx = systemCtx(now)
  const results: JobResult[] = []
  for (const [name, job] of jobs) {
    if (signal?.aborted === true) break
    results.push(
      await runExclusively(
        deps.db,
        name,
        async (tx, result) => {
          await job(tx, deps, ctx, scope, result)
        },
        // The fan-out waits for another instance's, rather than leaving what this run wrote for the next run.
        { wait: name === 'outbox-delivery' }
      )
    )
  }
  return { at: now.toISOString(), results, messages: await sendDueMessages(deps, now, signal) }
}
