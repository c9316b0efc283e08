// The store of appeals (README: Architecture): the only place that queries the appeals table, and that reads the
// audit trail for when an award entered a state. Row locks live here; access checks stay in the use case.
import { and, count, desc, eq, notInArray, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { appeals, auditEvents } from '../schema/index.js'
import type { AppealState, AppealSubject } from '../../domain/workflow/index.js'
import { one } from './rows.js'

export type AppealRecord = typeof appeals.$inferSelect
export type NewAppeal = typeof appeals.$inferInsert
export type AppealPatch = Partial<Pick<AppealRecord, 'state' | 'reviewerId' | 'outcome' | 'outcomeReason' |
  'decidedAt'>>

export async function findAppeal (q: Queryable, id: string): Promise<AppealRecord | undefined> {
  const [row] = await q.select().from(appeals).where(eq(appeals.id, id))
  return row
}

export async function lockAppealRow (q: Queryable, id: string): Promise<AppealRecord | undefined> {
  const [row] = await q.select().from(appeals).where(eq(appeals.id, id)).for('update')
  return row
}

/** An appeal against the same subject that is neither closed nor withdrawn. */
export async function findOpenAppeal (
  q: Queryable,
  subjectType: AppealSubject,
  subject: { assessmentId: string } | { awardId: string }
) {
  const sameSubject = 'assessmentId' in subject
    ? eq(appeals.assessmentId, subject.assessmentId)
    : eq(appeals.awardId, subject.awardId)
  const [row] = await q
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.subjectType, subjectType), sameSubject, notInArray(appeals.state, ['closed', 'withdrawn'])))
  return row
}

export async function insertAppeal (q: Queryable, values: NewAppeal): Promise<AppealRecord> {
  return one(await q.insert(appeals).values(values).returning(), 'appeal')
}

export async function updateAppeal (
  q: Queryable,
  before: Pick<AppealRecord, 'id' | 'version'>,
  patch: AppealPatch,
  now: Date
): Promise<AppealRecord> {
  return one(
    await q
      .update(appeals)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(appeals.id, before.id))
      .returning(),
    'appeal'
  )
}

export interface AppealFilter {
  councilId: string
  providerIds: string[]
  state?: AppealState | undefined
}

const whereOf = (f: AppealFilter): SQL | undefined =>
  and(
    eq(appeals.councilId, f.councilId),
    ...f.providerIds.map((id) => eq(appeals.providerId, id)),
    f.state === undefined ? undefined : eq(appeals.state, f.state)
  )

export async function pageAppeals (q: Queryable, f: AppealFilter, limit: number, offset: number) {
  return await q
    .select()
    .from(appeals)
    .where(whereOf(f))
    .orderBy(desc(appeals.lodgedAt), desc(appeals.id))
    .limit(limit)
    .offset(offset)
}

export async function countAppeals (q: Queryable, f: AppealFilter) {
  return await q.select({ n: count() }).from(appeals).where(whereOf(f))
}

/** The last audit event that moved the award into `state`: when, and who. */
export async function findLastAwardEntry (q: Queryable, awardId: string, state: string) {
  const [event] = await q
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'award'), eq(auditEvents.entityId, awardId), eq(auditEvents.toState, state)))
    .orderBy(desc(auditEvents.id))
    .limit(1)
  return event
}
