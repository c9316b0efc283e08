// The store of scheme versions (README: Architecture): the only place that queries scheme_versions. A version's
// document is the domain's SchemeDocument, validated before it is written.
import { and, asc, desc, eq, getTableColumns, max, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { schemeVersions } from '../schema/index.js'

export type SchemeVersionRow = typeof schemeVersions.$inferSelect
export type NewSchemeVersion = typeof schemeVersions.$inferInsert
export type SchemeVersionStatus = SchemeVersionRow['status']
/** A version in a list: its title, not its whole document. */
export type SchemeVersionSummary = Omit<SchemeVersionRow, 'document'> & { title: string }

const one = (rows: SchemeVersionRow[]): SchemeVersionRow => {
  const [row] = rows
  if (row === undefined) throw new Error('write returned no scheme version')
  return row
}

export async function insertSchemeVersion (q: Queryable, values: NewSchemeVersion): Promise<SchemeVersionRow> {
  return one(await q.insert(schemeVersions).values(values).returning())
}

export async function findSchemeVersion (q: Queryable, id: string): Promise<SchemeVersionRow | undefined> {
  const [row] = await q.select().from(schemeVersions).where(eq(schemeVersions.id, id))
  return row
}

export async function lockSchemeVersion (q: Queryable, id: string): Promise<SchemeVersionRow | undefined> {
  const [row] = await q.select().from(schemeVersions).where(eq(schemeVersions.id, id)).for('update')
  return row
}

export async function listSchemeVersionSummaries (
  q: Queryable,
  councilId: string,
  status: SchemeVersionStatus | 'all'
): Promise<SchemeVersionSummary[]> {
  const { document, ...columns } = getTableColumns(schemeVersions)
  return await q
    .select({ ...columns, title: sql<string>`${document}->>'title'` })
    .from(schemeVersions)
    .where(
      and(eq(schemeVersions.councilId, councilId), status === 'all' ? undefined : eq(schemeVersions.status, status))
    )
    .orderBy(asc(schemeVersions.number))
}

/** The council's highest-numbered published version. */
export async function findLatestPublished (q: Queryable, councilId: string): Promise<SchemeVersionRow | undefined> {
  const [row] = await q
    .select()
    .from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, councilId), eq(schemeVersions.status, 'published')))
    .orderBy(desc(schemeVersions.number))
    .limit(1)
  return row
}

export async function findPublished (
  q: Queryable,
  councilId: string,
  id: string
): Promise<SchemeVersionRow | undefined> {
  const [row] = await q
    .select()
    .from(schemeVersions)
    .where(
      and(eq(schemeVersions.id, id), eq(schemeVersions.councilId, councilId), eq(schemeVersions.status, 'published'))
    )
  return row
}

export async function findDraft (q: Queryable, councilId: string) {
  const [row] = await q
    .select({ id: schemeVersions.id, number: schemeVersions.number })
    .from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, councilId), eq(schemeVersions.status, 'draft')))
  return row
}

export async function highestNumber (q: Queryable, councilId: string): Promise<number> {
  const [last] = await q
    .select({ n: max(schemeVersions.number) })
    .from(schemeVersions)
    .where(eq(schemeVersions.councilId, councilId))
  return last?.n ?? 0
}

export async function updateSchemeVersion (
  q: Queryable,
  before: SchemeVersionRow,
  patch: Partial<Pick<SchemeVersionRow, 'document' | 'status' | 'publishedAt' | 'publishedBy'>>,
  now: Date
): Promise<SchemeVersionRow> {
  return one(
    await q
      .update(schemeVersions)
      .set({ ...patch, updatedAt: now, version: before.version + 1 })
      .where(eq(schemeVersions.id, before.id))
      .returning()
  )
}

export async function deleteSchemeVersion (q: Queryable, id: string): Promise<void> {
  await q.delete(schemeVersions).where(eq(schemeVersions.id, id))
}
