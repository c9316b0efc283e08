// The store of councils, their users and the users' bearer tokens (README: Architecture): the only place that
// queries these tables. Records are the tables' rows, typed by the domain's vocabularies.
import { and, asc, desc, eq, gt, isNull, like, lt, or } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { apiTokens, councils, providers, users } from '../schema/index.js'
import type { SizeBand } from '../../domain/providers.js'

export type CouncilRecord = typeof councils.$inferSelect
export type UserRecord = typeof users.$inferSelect
export type TokenRecord = typeof apiTokens.$inferSelect
export type NewCouncil = typeof councils.$inferInsert
export type NewUser = typeof users.$inferInsert
export type CouncilPatch = Partial<Pick<CouncilRecord, 'name' | 'contactEmail' | 'microMaxFte' | 'smallMaxFte' |
  'mediumMaxFte' | 'brandColour' | 'accessibilityEmail' | 'dataProtectionEmail' | 'safeguardingPhone'>>

export async function findCouncilBySlug (q: Queryable, slug: string): Promise<CouncilRecord | undefined> {
  const [row] = await q.select().from(councils).where(eq(councils.slug, slug))
  return row
}

export async function findCouncil (q: Queryable, id: string): Promise<CouncilRecord | undefined> {
  const [row] = await q.select().from(councils).where(eq(councils.id, id))
  return row
}

/** Locks the council row until the transaction ends (serialises per-council operations). */
export async function lockCouncil (q: Queryable, id: string): Promise<CouncilRecord | undefined> {
  const [row] = await q.select().from(councils).where(eq(councils.id, id)).for('update')
  return row
}

export async function insertCouncil (q: Queryable, values: NewCouncil): Promise<CouncilRecord> {
  const [row] = await q.insert(councils).values(values).returning()
  if (row === undefined) throw new Error('insert returned no council')
  return row
}

/** Whether the database holds any council at all. */
export async function hasAnyCouncil (q: Queryable): Promise<boolean> {
  const [row] = await q.select({ id: councils.id }).from(councils).limit(1)
  return row !== undefined
}

export async function listAllCouncils (q: Queryable): Promise<CouncilRecord[]> {
  return await q.select().from(councils).orderBy(asc(councils.name))
}

export async function updateCouncilRow (
  q: Queryable,
  before: CouncilRecord,
  patch: CouncilPatch,
  now: Date
): Promise<CouncilRecord> {
  const [row] = await q
    .update(councils)
    .set({ ...patch, updatedAt: now, version: before.version + 1 })
    .where(eq(councils.id, before.id))
    .returning()
  if (row === undefined) throw new Error('update returned no council')
  return row
}

/** Size bands are stored for fast filtering: the council's providers with their FTE and stored band. */
export async function listProviderSizes (q: Queryable, councilId: string) {
  return await q
    .select({ id: providers.id, fte: providers.fte, sizeBand: providers.sizeBand })
    .from(providers)
    .where(eq(providers.councilId, councilId))
}

export async function setProviderSizeBand (q: Queryable, providerId: string, sizeBand: SizeBand): Promise<void> {
  await q.update(providers).set({ sizeBand }).where(eq(providers.id, providerId))
}

export async function findUser (q: Queryable, id: string): Promise<UserRecord | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id))
  return row
}

export async function insertUser (q: Queryable, values: NewUser): Promise<UserRecord> {
  const [row] = await q.insert(users).values(values).returning()
  if (row === undefined) throw new Error('insert returned no user')
  return row
}

/** Users by name, of one council or (undefined) of all. */
export async function listUsersOf (q: Queryable, councilId: string | undefined): Promise<UserRecord[]> {
  return await q
    .select()
    .from(users)
    .where(councilId === undefined ? undefined : eq(users.councilId, councilId))
    .orderBy(asc(users.name), asc(users.id))
}

/** The council's first active user in a role, by name (the demo's co-ordinator and provider person). */
export async function findFirstUserIn (
  q: Queryable,
  councilId: string,
  role: UserRecord['role']
): Promise<UserRecord | undefined> {
  const [row] = await q
    .select()
    .from(users)
    .where(and(eq(users.councilId, councilId), eq(users.role, role), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1)
  return row
}

/** A provider's people, active first, then by name. */
export async function listProviderPeople (q: Queryable, providerId: string): Promise<UserRecord[]> {
  return await q
    .select()
    .from(users)
    .where(eq(users.providerId, providerId))
    .orderBy(desc(users.active), asc(users.name), asc(users.id))
}

export async function setUserActiveRow (
  q: Queryable,
  before: UserRecord,
  active: boolean,
  now: Date
): Promise<UserRecord> {
  const [row] = await q
    .update(users)
    .set({ active, updatedAt: now, version: before.version + 1 })
    .where(eq(users.id, before.id))
    .returning()
  if (row === undefined) throw new Error('update returned no user')
  return row
}

export async function insertToken (
  q: Queryable,
  values: { userId: string; label: string; tokenHash: string; prefix: string; expiresAt: Date | null }
): Promise<TokenRecord> {
  const [row] = await q.insert(apiTokens).values(values).returning()
  if (row === undefined) throw new Error('insert returned no token')
  return row
}

export async function findToken (q: Queryable, id: string): Promise<TokenRecord | undefined> {
  const [row] = await q.select().from(apiTokens).where(eq(apiTokens.id, id))
  return row
}

export async function listTokensOf (q: Queryable, userId: string): Promise<TokenRecord[]> {
  return await q.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt))
}

/** Revokes a user's live tokens whose label starts with `labelPrefix` (the demo's start-up tokens). */
export async function revokeTokensLabelled (
  q: Queryable,
  userId: string,
  labelPrefix: string,
  now: Date
): Promise<void> {
  await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), like(apiTokens.label, `${labelPrefix}%`), isNull(apiTokens.revokedAt)))
}

/** Revokes a token not yet revoked; undefined when it already was. */
export async function revokeTokenRow (q: Queryable, id: string, now: Date): Promise<TokenRecord | undefined> {
  const [row] = await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning()
  return row
}

/** The live token with this hash and its active user, or undefined (unknown, revoked, expired, user inactive). */
export async function findLiveToken (q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      role: users.role,
      councilId: users.councilId,
      providerId: users.providerId
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))
      )
    )
  return row
}

/** Records a token's use unless it was recorded after `since` (one write per token per minute at most). */
export async function touchToken (q: Queryable, id: string, now: Date, since: Date): Promise<void> {
  await q
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, since))))
}
