// The store of unfinished sign-in steps (OpenID Connect state, passkey challenges): each is taken once.
import { and, eq, gt, lt } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { signInCeremonies, type CeremonyPurpose } from '../schema/index.js'

export async function insertCeremony (
  q: Queryable,
  c: { handleHash: string; purpose: CeremonyPurpose; data: Record<string, string>; createdAt: Date; expiresAt: Date }
): Promise<void> {
  // Finished or abandoned ceremonies are cleared as new ones start: none outlives its few minutes by much.
  await q.delete(signInCeremonies).where(lt(signInCeremonies.expiresAt, c.createdAt))
  await q.insert(signInCeremonies).values(c)
}

/** Removes and returns an unexpired ceremony of this purpose: a second callback with the same handle finds none. */
export async function takeCeremony (q: Queryable, handleHash: string, purpose: CeremonyPurpose, now: Date) {
  const [row] = await q
    .delete(signInCeremonies)
    .where(
      and(
        eq(signInCeremonies.handleHash, handleHash),
        eq(signInCeremonies.purpose, purpose),
        gt(signInCeremonies.expiresAt, now)
      )
    )
    .returning()
  return row?.data
}
