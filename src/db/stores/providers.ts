// The store of providers (README: Architecture): the only place that queries the providers table.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { providers } from '../schema/index.js'
import type { SizeBand } from '../../domain/providers.js'

export type ProviderRecord = typeof providers.$inferSelect
export type NewProvider = typeof providers.$inferInsert
export type ProviderChanges = Partial<Omit<NewProvider, 'id' | 'councilId' | 'createdAt'>>

export async function findProvider (q: Queryable, id: string): Promise<ProviderRecord | undefined> {
  const [row] = await q.select().from(providers).where(eq(providers.id, id))
  return row
}

/** Locks the provider row until the transaction ends (one open assessment per provider). */
export async function lockProvider (q: Queryable, id: string): Promise<ProviderRecord | undefined> {
  const [row] = await q.select().from(providers).where(eq(providers.id, id)).for('update')
  return row
}

export async function insertProvider (q: Queryable, values: NewProvider): Promise<ProviderRecord> {
  const [row] = await q.insert(providers).values(values).returning()
  if (row === undefined) throw new Error('insert returned no provider')
  return row
}

/** Writes `changes` to the provider; the caller holds its lock and has checked its version. */
export async function updateProviderRecord (
  q: Queryable,
  id: string,
  changes: ProviderChanges
): Promise<ProviderRecord> {
  const [row] = await q.update(providers).set(changes).where(eq(providers.id, id)).returning()
  if (row === undefined) throw new Error(`provider ${id} vanished under its lock`)
  return row
}

/** Which of a council's providers a list shows. */
export interface ProviderFilter {
  councilId: string
  /** only this provider (a provider's own person sees only its own record in any list) */
  onlyId?: string | undefined
  status: 'active' | 'inactive' | 'all'
  sizeBand?: SizeBand | undefined
  serviceType?: string | undefined
  clientGroup?: string | undefined
  /** words in the name, description or area (LIKE wildcards in them match themselves) */
  text?: string | undefined
}

export const PROVIDER_SORTS = {
  name: providers.name,
  createdAt: providers.createdAt,
  fte: providers.fte,
  updatedAt: providers.updatedAt
}
export type ProviderSort = keyof typeof PROVIDER_SORTS

function whereOf (f: ProviderFilter): SQL | undefined {
  const where: SQL[] = [eq(providers.councilId, f.councilId)]
  if (f.onlyId !== undefined) where.push(eq(providers.id, f.onlyId))
  if (f.status !== 'all') where.push(eq(providers.status, f.status))
  if (f.sizeBand !== undefined) where.push(eq(providers.sizeBand, f.sizeBand))
  if (f.serviceType !== undefined) {
    where.push(sql`${providers.serviceTypes} @> ${JSON.stringify([f.serviceType])}::jsonb`)
  }
  if (f.clientGroup !== undefined) {
    where.push(sql`${providers.clientGroups} @> ${JSON.stringify([f.clientGroup])}::jsonb`)
  }
  if (f.text !== undefined) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const anyField = or(ilike(providers.name, like), ilike(providers.description, like), ilike(providers.area, like))
    if (anyField !== undefined) where.push(anyField)
  }
  return and(...where)
}

/** One page of the filtered providers, sorted (ties broken by id, so pages never overlap). */
export async function listProviderPage (
  q: Queryable,
  f: ProviderFilter,
  sort: { by: ProviderSort; descending: boolean },
  page: { limit: number; offset: number }
): Promise<ProviderRecord[]> {
  const column = PROVIDER_SORTS[sort.by]
  const order = sort.descending ? [desc(column), desc(providers.id)] : [asc(column), asc(providers.id)]
  return await q.select().from(providers).where(whereOf(f)).orderBy(...order).limit(page.limit).offset(page.offset)
}

export async function countProviders (q: Queryable, f: ProviderFilter): Promise<Array<{ n: number }>> {
  return await q.select({ n: count() }).from(providers).where(whereOf(f))
}
