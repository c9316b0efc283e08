// The sign-in link store: single-use links, found by the hash of their secret.
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { signInLinks, users } from '../schema/index.js'

export type SignInLinkRow = typeof signInLinks.$inferSelect

export async function insertSignInLink (
  q: Queryable,
  link: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }
): Promise<void> {
  await q.insert(signInLinks).values(link)
}

export async function findSignInLink (q: Queryable, tokenHash: string): Promise<SignInLinkRow | undefined> {
  const [row] = await q.select().from(signInLinks).where(eq(signInLinks.tokenHash, tokenHash))
  return row
}

/** Marks a link used if it still was unused and unexpired; the row when this call was the one that used it. */
export async function useSignInLink (q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .update(signInLinks)
    .set({ usedAt: now })
    .where(and(eq(signInLinks.tokenHash, tokenHash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)))
    .returning()
  return row
}

/** Links made for a user since a time: the per-address limit counts them, on every instance alike. */
export async function countRecentLinks (q: Queryable, userId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(signInLinks)
    .where(and(eq(signInLinks.userId, userId), gt(signInLinks.createdAt, since)))
  return row?.n ?? 0
}

/** The active user with this email address (case-insensitive); the oldest account if several share it. */
export async function findUserByEmail (q: Queryable, email: string) {
  const [row] = await q
    .select({ id: users.id, role: users.role, councilId: users.councilId, providerId: users.providerId })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1)
  return row
}

export async function findActiveUser (q: Queryable, id: string) {
  const [row] = await q
    .select({ id: users.id, role: users.role, councilId: users.councilId, providerId: users.providerId })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
  return row
}
