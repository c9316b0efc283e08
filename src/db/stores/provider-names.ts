// Provider names for a list of records in one query (a page of assessments or awards names each provider).
import { and, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { providers } from '../schema/index.js'

export async function findProviderNames (
  q: Queryable,
  councilId: string,
  ids: readonly string[]
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await q
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(and(eq(providers.councilId, councilId), inArray(providers.id, [...new Set(ids)])))
  return new Map(rows.map((r) => [r.id, r.name]))
}
