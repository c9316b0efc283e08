// The monitoring jobs' store (src/domain/README.md: Scheduled work): the job's advisory lock, the assessments and
// awards the jobs watch, and the award row lock an action takes before it changes the award.
import { and, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Queryable, Tx } from '../client.js'
import { assessments, awards, schemeVersions } from '../schema/index.js'
import { schemeSetting } from './scheme-settings.js'
import { LIVE_AWARD_STATES, type AwardState } from '../../domain/workflow/index.js'

/** Restricts a job to one council (a co-ordinator's "run now"); undefined = every council (the scheduler). */
export type JobScope = { councilId?: string | undefined }

const inScope = (column: AnyPgColumn, scope: JobScope): SQL | undefined =>
  scope.councilId === undefined ? undefined : eq(column, scope.councilId)

/** Takes the job's transaction-level advisory lock; false when another instance holds it. */
export async function tryJobLock (tx: Tx, key: number): Promise<boolean> {
  const [row] = await tx
    .select({ locked: sql<boolean>`pg_try_advisory_xact_lock(${key})` })
    .from(sql`(select 1) as one`)
  return row?.locked === true
}

/** Waits for the job's transaction-level advisory lock, at most `waitMs` (then lock_not_available, 55P03). */
export async function waitJobLock (tx: Tx, key: number, waitMs: number): Promise<void> {
  await tx.execute(sql.raw(`set local lock_timeout = ${Math.trunc(waitMs)}`))
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`)
}

export interface MonitoredAssessment {
  id: string
  councilId: string
  providerId: string
  schemeVersionId: string
  createdAt: Date
  awardId: string | null
  awardStatus: AwardState | null
}

/** 'open-or-live' for reminders (open assessments and those behind a live award); else the award's states. */
export async function findMonitoredAssessments (
  q: Queryable,
  scope: JobScope,
  awardStates: readonly AwardState[] | 'open-or-live'
): Promise<MonitoredAssessment[]> {
  const condition =
    awardStates === 'open-or-live'
      ? or(notInArray(assessments.state, ['decided', 'withdrawn']), inArray(awards.status, [...LIVE_AWARD_STATES]))
      : inArray(awards.status, [...awardStates])
  return await q
    .select({
      id: assessments.id,
      councilId: assessments.councilId,
      providerId: assessments.providerId,
      schemeVersionId: assessments.schemeVersionId,
      createdAt: assessments.createdAt,
      awardId: awards.id,
      awardStatus: awards.status
    })
    .from(assessments)
    .leftJoin(awards, eq(awards.assessmentId, assessments.id))
    .where(and(condition, inScope(assessments.councilId, scope)))
    .orderBy(assessments.id)
}

export interface WatchedAward {
  awardId: string
  state: AwardState
  validTo: string
  councilId: string
  providerId: string
  /** the renewal lead time of the scheme version the award was decided under (scheme setting renewalLeadDays) */
  leadDays: number
}

/** Live awards, each with the renewal lead time of the scheme version it was decided under. */
export async function findLiveAwardsWithLeadTime (q: Queryable, scope: JobScope): Promise<WatchedAward[]> {
  return await q
    .select({
      awardId: awards.id,
      state: awards.status,
      validTo: awards.validTo,
      councilId: awards.councilId,
      providerId: awards.providerId,
      leadDays: schemeSetting(schemeVersions.document, 'renewalLeadDays')
    })
    .from(awards)
    .innerJoin(assessments, eq(assessments.id, awards.assessmentId))
    .innerJoin(schemeVersions, eq(schemeVersions.id, assessments.schemeVersionId))
    .where(and(inArray(awards.status, [...LIVE_AWARD_STATES]), inScope(awards.councilId, scope)))
    .orderBy(awards.id)
}

/** Locks one award until the transaction ends and says its state now (undefined: no such award). */
export async function lockAwardState (q: Queryable, awardId: string): Promise<AwardState | undefined> {
  const [row] = await q.select({ status: awards.status }).from(awards).where(eq(awards.id, awardId)).for('update')
  return row?.status
}
