// The postcode reference store: look a postcode up, and load a new edition of the directory through a staging
// table — batches committed with the import's progress, then swapped in whole in one transaction.
import { count, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { postcodeImports, postcodeLocations, postcodeLocationsStaging } from '../schema/index.js'

export interface PostcodeLocation {
  postcode: string
  latitude: number
  longitude: number
  terminatedOn: string | null
}

export type PostcodeImport = typeof postcodeImports.$inferSelect

/** A postcode that appears again (a later row, a corrected demo entry) takes the incoming values. */
const takeIncoming = {
  latitude: sql`excluded.latitude`,
  longitude: sql`excluded.longitude`,
  terminatedOn: sql`excluded.terminated_on`
}

export async function findPostcodeLocation (q: Queryable, postcode: string): Promise<PostcodeLocation | undefined> {
  const [row] = await q.select().from(postcodeLocations).where(eq(postcodeLocations.postcode, postcode))
  return row
}

/**
 * Whether a whole edition of the directory has been imported: only then is a postcode missing from it unknown. A few
 * postcodes added by hand (the demo's) place those providers but cannot prove another postcode wrong.
 */
export async function hasImportedReference (q: Queryable): Promise<boolean> {
  const rows = await q
    .select({ id: postcodeImports.id })
    .from(postcodeImports)
    .where(sql`${postcodeImports.finishedAt} is not null`)
    .limit(1)
  return rows.length > 0
}

export async function countPostcodeLocations (q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(postcodeLocations)
  return row?.n ?? 0
}

/** The unfinished import of this very file, if one was stopped part way. */
export async function findUnfinishedImport (
  q: Queryable,
  source: Pick<PostcodeImport, 'source' | 'sourceBytes' | 'sourceModified'>
): Promise<PostcodeImport | undefined> {
  const rows = await q
    .select()
    .from(postcodeImports)
    .where(
      sql`${postcodeImports.finishedAt} is null and ${postcodeImports.source} = ${source.source}
        and ${postcodeImports.sourceBytes} = ${source.sourceBytes}
        and ${postcodeImports.sourceModified} = ${source.sourceModified}`
    )
    .orderBy(sql`${postcodeImports.startedAt} desc`)
    .limit(1)
  return rows[0]
}

/** Starts a fresh import: staging emptied, earlier unfinished imports abandoned. */
export async function startImport (
  q: Queryable,
  source: Pick<PostcodeImport, 'source' | 'sourceBytes' | 'sourceModified'>
): Promise<PostcodeImport> {
  return await q.transaction(async (tx) => {
    await tx.delete(postcodeLocationsStaging)
    await tx.delete(postcodeImports).where(sql`${postcodeImports.finishedAt} is null`)
    const [row] = await tx.insert(postcodeImports).values(source).returning()
    if (row === undefined) throw new Error('insert returned no row')
    return row
  })
}

/** Commits one batch together with the progress that counts it, so a resume never loads a row twice. */
export async function stageBatch (
  q: Queryable,
  importId: string,
  rows: PostcodeLocation[],
  rowsRead: number
): Promise<void> {
  await q.transaction(async (tx) => {
    if (rows.length > 0) {
      await tx
        .insert(postcodeLocationsStaging)
        .values(rows)
        .onConflictDoUpdate({ target: postcodeLocationsStaging.postcode, set: takeIncoming })
    }
    await tx
      .update(postcodeImports)
      .set({ rowsRead, rowsLoaded: sql`${postcodeImports.rowsLoaded} + ${rows.length}` })
      .where(eq(postcodeImports.id, importId))
  })
}

/** Replaces the reference data with the staged edition in one transaction: readers see the old or the new, whole. */
export async function promoteStaged (q: Queryable, importId: string, now: Date): Promise<number> {
  return await q.transaction(async (tx) => {
    await tx.delete(postcodeLocations)
    await tx.execute(
      sql`insert into ${postcodeLocations} (postcode, latitude, longitude, terminated_on)
          select postcode, latitude, longitude, terminated_on from ${postcodeLocationsStaging}`
    )
    await tx.delete(postcodeLocationsStaging)
    await tx.update(postcodeImports).set({ finishedAt: now }).where(eq(postcodeImports.id, importId))
    const [row] = await tx.select({ n: count() }).from(postcodeLocations)
    return row?.n ?? 0
  })
}

/** Adds or corrects a few postcodes without replacing the rest (the demo's own postcodes). */
export async function upsertPostcodeLocations (q: Queryable, rows: PostcodeLocation[]): Promise<void> {
  if (rows.length === 0) return
  await q
    .insert(postcodeLocations)
    .values(rows)
    .onConflictDoUpdate({ target: postcodeLocations.postcode, set: takeIncoming })
}
