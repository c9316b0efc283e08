// The store of concerns (README: Architecture): the only place that queries the concerns table. Row locks live
// here; who may see or move a concern is the use case's check.
import { and, count, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { concerns } from '../schema/index.js'
import type { ConcernState } from '../../domain/workflow/index.js'
import { one } from './rows.js'

export type ConcernRecord = typeof concerns.$inferSelect
export type NewConcern = typeof concerns.$inferInsert
export type ConcernPatch = Partial<Pick<ConcernRecord, 'state' | 'severity' | 'outcome' | 'suspendedAwardId' |
  'closedOn'>>

export async function findConcern (q: Queryable, id: string): Promise<ConcernRecord | undefined> {
  const [row] = await q.select().from(concerns).where(eq(concerns.id, id))
  return row
}

export async function lockConcernRow (q: Queryable, id: string): Promise<ConcernRecord | undefined> {
  const [row] = await q.select().from(concerns).where(eq(concerns.id, id)).for('update')
  return row
}

export async function findConcernOfResponse (q: Queryable, feedbackResponseId: string) {
  const [row] = await q.select().from(concerns).where(eq(concerns.feedbackResponseId, feedbackResponseId))
  return row
}

export async function listConcernsAbout (q: Queryable, providerId: string): Promise<ConcernRecord[]> {
  return await q.select().from(concerns).where(eq(concerns.providerId, providerId))
}

export async function insertConcernRow (q: Queryable, values: NewConcern): Promise<ConcernRecord> {
  return one(await q.insert(concerns).values(values).returning(), 'concern')
}

export async function updateConcern (
  q: Queryable,
  before: Pick<ConcernRecord, 'id' | 'version'>,
  patch: ConcernPatch,
  now: Date
): Promise<ConcernRecord> {
  return one(
    await q
      .update(concerns)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(concerns.id, before.id))
      .returning(),
    'concern'
  )
}

/** The provider's safeguarding concerns not yet closed, but for one. */
export async function listOpenSafeguarding (q: Queryable, providerId: string, exceptConcernId?: string) {
  return await q
    .select({ id: concerns.id, state: concerns.state, severity: concerns.severity })
    .from(concerns)
    .where(
      and(
        eq(concerns.providerId, providerId),
        eq(concerns.severity, 'safeguarding'),
        ne(concerns.state, 'closed'),
        exceptConcernId === undefined ? undefined : ne(concerns.id, exceptConcernId)
      )
    )
}

export interface ConcernFilter {
  councilId: string
  providerIds: string[]
  state?: ConcernState | undefined
  /** what a provider may see: triaged low, medium or high, or closed (src/use-cases/concerns.ts) */
  providerVisibleOnly: boolean
}

const whereOf = (f: ConcernFilter): SQL | undefined =>
  and(
    eq(concerns.councilId, f.councilId),
    ...f.providerIds.map((id) => eq(concerns.providerId, id)),
    f.providerVisibleOnly
      ? or(inArray(concerns.severity, ['low', 'medium', 'high']), eq(concerns.state, 'closed'))
      : undefined,
    f.state === undefined ? undefined : eq(concerns.state, f.state)
  )

export async function pageConcerns (q: Queryable, f: ConcernFilter, limit: number, offset: number) {
  return await q
    .select()
    .from(concerns)
    .where(whereOf(f))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(limit)
    .offset(offset)
}

export async function countConcerns (q: Queryable, f: ConcernFilter) {
  return await q.select({ n: count() }).from(concerns).where(whereOf(f))
}
