// Bearer tokens: 256 random bits, shown once, stored only as a SHA-256 hash, revocable, last use recorded.
import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/client.js'
import { findLiveToken, insertToken, touchToken } from '../db/stores/councils.js'
import { principalOf, type Principal } from './context.js'

const TOKEN_PREFIX = 'qm_'

export function generateSecret (prefix = TOKEN_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url')
}

export const sha256Hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')

export async function issueToken (q: Queryable, userId: string, label: string, expiresAt: Date | null = null) {
  const token = generateSecret()
  const tokenHash = sha256Hex(token)
  const record = await insertToken(q, { userId, label, tokenHash, prefix: token.slice(0, 10), expiresAt })
  return { token, record }
}

/** The principal behind a presented token, or null when it is unknown, revoked, expired or its user inactive. */
export async function authenticateToken (q: Queryable, token: string, now: Date): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const row = await findLiveToken(q, sha256Hex(token), now)
  if (row === undefined) return null
  // Last use to the minute: one write per token per minute, not one per request.
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await touchToken(q, row.tokenId, now, new Date(now.getTime() - 60_000))
  }
  const user = { id: row.userId, role: row.role, councilId: row.councilId, providerId: row.providerId }
  return principalOf(user, row.tokenId)
}
