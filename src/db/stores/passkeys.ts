// The passkey store: WebAuthn credentials registered by signed-in people.
import { and, asc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { passkeys } from '../schema/index.js'

export type PasskeyRow = typeof passkeys.$inferSelect
export type NewPasskey = typeof passkeys.$inferInsert

export async function insertPasskey (q: Queryable, p: NewPasskey): Promise<PasskeyRow> {
  const [row] = await q.insert(passkeys).values(p).returning()
  if (row === undefined) throw new Error('passkey insert returned nothing')
  return row
}

export async function listPasskeys (q: Queryable, userId: string): Promise<PasskeyRow[]> {
  return await q.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt))
}

export async function findPasskey (q: Queryable, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await q.select().from(passkeys).where(eq(passkeys.credentialId, credentialId))
  return row
}

export async function recordPasskeyUse (q: Queryable, id: string, counter: number, now: Date): Promise<void> {
  await q.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id))
}

export async function deletePasskey (q: Queryable, userId: string, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await q
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning()
  return row
}
