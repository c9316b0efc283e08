// The council's name as reports and exports print it (README: Reports), read by id.
import { eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { councils } from '../schema/index.js'

export async function councilName (q: Queryable, councilId: string): Promise<string> {
  const [row] = await q.select({ name: councils.name }).from(councils).where(eq(councils.id, councilId))
  if (row === undefined) throw new Error(`no council ${councilId}`)
  return row.name
}
