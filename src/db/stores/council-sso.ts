// The store of councils' single sign-on settings and the staff user a verified claim names.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { councils, councilSso, users } from '../schema/index.js'

export type CouncilSsoRow = typeof councilSso.$inferSelect
export type CouncilSsoValues = Pick<CouncilSsoRow, 'issuer' | 'clientId' | 'clientSecret' | 'userClaim' | 'enabled'>

export async function findCouncilSso (q: Queryable, councilId: string): Promise<CouncilSsoRow | undefined> {
  const [row] = await q.select().from(councilSso).where(eq(councilSso.councilId, councilId))
  return row
}

export async function findCouncilSsoBySlug (q: Queryable, slug: string) {
  const [row] = await q
    .select({ sso: councilSso, council: { id: councils.id, slug: councils.slug, name: councils.name } })
    .from(councilSso)
    .innerJoin(councils, eq(councils.id, councilSso.councilId))
    .where(and(eq(councils.slug, slug), eq(councilSso.enabled, true)))
  return row
}

/** Councils whose staff sign in through their own identity provider, for the sign-in page. */
export async function listSsoCouncils (q: Queryable) {
  return await q
    .select({ slug: councils.slug, name: councils.name })
    .from(councilSso)
    .innerJoin(councils, eq(councils.id, councilSso.councilId))
    .where(eq(councilSso.enabled, true))
    .orderBy(councils.name)
}

export async function upsertCouncilSso (q: Queryable, councilId: string, v: CouncilSsoValues, now: Date) {
  const [row] = await q
    .insert(councilSso)
    .values({ councilId, ...v, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: councilSso.councilId,
      set: { ...v, updatedAt: now, version: sql`${councilSso.version} + 1` }
    })
    .returning()
  if (row === undefined) throw new Error('council SSO upsert returned nothing')
  return row
}

/** The active staff user of a council whose email is the claimed value (case-insensitive). */
export async function findStaffByEmail (q: Queryable, councilId: string, email: string) {
  const [row] = await q
    .select({ id: users.id, role: users.role, councilId: users.councilId, providerId: users.providerId })
    .from(users)
    .where(
      and(
        eq(users.councilId, councilId),
        inArray(users.role, ['coordinator', 'reviewer']),
        eq(users.active, true),
        sql`lower(${users.email}) = lower(${email})`
      )
    )
    .limit(1)
  return row
}
