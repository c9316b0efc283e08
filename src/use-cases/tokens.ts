// Bearer tokens: 256 random bits, shown once, stored only as a SHA-256 hash, revocable, last use recorded.
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm'
import type { Queryable } from '../db/client.js'
import { apiTokens, users } from '../db/schema/index.js'
import { principalOf, type Principal } from './context.js'

const TOKEN_PREFIX = 'qm_'

export function generateSecret (prefix = TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url')
}

export const sha256Hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')

export async function issueToken (q: Queryable, userId: string, label: string, expiresAt: Date | null = null) {
  const token = generateSecret()
  const [row] = await q
    .insert(apiTokens)
    .values({
      userId,
      label,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 10),
      expiresAt
    })
    .returning()
  return { token, record: row! }
}

/** The principal behind a presented token, or null when it is unknown, revoked, expired or its user inactive. */
export async function authenticateToken (q: Queryable, token: string, now: Date): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
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
        eq(apiTokens.tokenHash, sha256Hex(token)),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))
      )
    )
  if (row === undefined) return null
  // Last use to the minute: one write per token per minute, not one per request.
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await q
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))
        )
      )
  }
  const user = { id: row.userId, role: row.role, councilId: row.councilId, providerId: row.providerId }
  return principalOf(user, row.tokenId)
}
