// One job run at a time across every service instance: a transaction-level advisory lock per job
// (src/domain/README.md: Scheduled work, "safe with several instances against one database"), and a savepoint per
// action so one failing action is logged and rolled back without undoing the others.
import type { Logger } from 'pino'
import type { Database, Tx } from '../../db/client.js'
import { tryJobLock, waitJobLock } from '../../db/stores/jobs.js'
import { stringPropertyOf } from '../../thrown.js'

/** Stable advisory-lock keys: one per job, the same in every instance (and distinct from the migration lock). */
export const JOB_LOCK_KEYS = {
  'evidence-reminders': 7305901,
  'limiter-suspensions': 7305902,
  'award-renewals': 7305903,
  'comment-erasure': 7305904,
  'outbox-delivery': 7305905
} as const
export type JobName = keyof typeof JOB_LOCK_KEYS

export interface JobResult {
  job: JobName
  /** false when another instance was running this job: it did the work, this run did nothing */
  ran: boolean
  done: number
  failed: number
  /** one line per action taken, e.g. "award 1f… renewal_due" (ids only, never personal data) */
  actions: string[]
}

/** How long a job that waits for its lock (`wait`) waits for another instance's run of it (README: Reliability). */
export const JOB_LOCK_WAIT_MS = 10_000

/**
 * Runs `work` in one transaction holding the job's advisory lock; if another instance holds it, returns ran: false
 * at once, or with `wait`, once that instance's run has ended (at most JOB_LOCK_WAIT_MS; ran: false after that).
 */
export async function runExclusively (
  db: Database,
  job: JobName,
  work: (tx: Tx, result: JobResult) => Promise<void>,
  opts: { wait?: boolean } = {}
): Promise<JobResult> {
  const result: JobResult = { job, ran: false, done: 0, failed: 0, actions: [] }
  try {
    await db.transaction(async (tx) => {
      if (opts.wait === true) await waitJobLock(tx, JOB_LOCK_KEYS[job], JOB_LOCK_WAIT_MS)
      else if (!(await tryJobLock(tx, JOB_LOCK_KEYS[job]))) return
      result.ran = true
      await work(tx, result)
    })
  } catch (error) {
    // lock_not_available: the other instance's run outlasted the wait; this run leaves the job to it
    if (opts.wait !== true || result.ran || codeOf(error) !== '55P03') throw error
  }
  return result
}

function codeOf (error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = stringPropertyOf(e, 'code')
    if (code !== undefined) return code
  }
  return undefined
}

/**
 * One action in a savepoint: its failure is counted and logged, the job goes on. Returns the action's label or null
 * when it had nothing to do.
 */
export async function runAction (
  tx: Tx,
  log: Logger,
  result: JobResult,
  action: (sp: Tx) => Promise<string | null>
): Promise<void> {
  try {
    const label = await tx.transaction(async (sp) => await action(sp))
    if (label === null) return
    result.done += 1
    result.actions.push(label)
  } catch (error) {
    result.failed += 1
    log.error({ err: error, job: result.job }, 'scheduled action failed; it will be retried on the next run')
  }
}
