// The store of providers (README: Architecture): the only place that queries the providers table.
import { eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { providers } from '../schema/index.js'

export type ProviderRecord = typeof providers.$inferSelect

export async function findProvider (q: Queryable, id: string): Promise<ProviderRecord | undefined> {
  const [row] = await q.select().from(providers).where(eq(providers.id, id))
  return row
}

/** Locks the provider row until the transaction ends (one open assessment per provider). */
export async function lockProvider (q: Queryable, id: string): Promise<ProviderRecord | undefined> {
  const [row] = await q.select().from(providers).where(eq(providers.id, id)).for('update')
  return row
}
