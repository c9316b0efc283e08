// The session store: one row per signed-in browser, found by the hash of its cookie (README: Sign-in and sessions).
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm'
import type { Queryable } from '../client.js'
import { sessions, users, type SessionEndReason, type SignInMethod } from '../schema/index.js'

export type SessionRow = typeof sessions.$inferSelect

export interface NewSession {
  tokenHash: string
  userId: string
  method: SignInMethod
  device: string
  now: Date
  expiresAt: Date
}

export async function insertSession (q: Queryable, s: NewSession): Promise<SessionRow> {
  const { now, ...values } = s
  const [row] = await q
    .insert(sessions)
    .values({ ...values, createdAt: now, lastSeenAt: now })
    .returning()
  if (row === undefined) throw new Error('session insert returned nothing')
  return row
}

/** A live session and its active user, by the hash of its cookie. */
export async function findOpenSession (q: Queryable, tokenHash: string) {
  const [row] = await q
    .select({
      session: sessions,
      user: {
        id: users.id,
        role: users.role,
        councilId: users.councilId,
        providerId: users.providerId,
        name: users.name
      }
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt), eq(users.active, true)))
  return row
}

/**
 * Records activity, at most once a minute per session (one write a minute, not one a request). `lastSeenAt` is what
 * was read with the session: when it is under a minute old no statement is sent at all.
 */
export async function touchSession (q: Queryable, id: string, lastSeenAt: Date, now: Date): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < 60_000) return
  await q
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))))
}

export async function endSession (q: Queryable, id: string, now: Date, reason: SessionEndReason): Promise<void> {
  await q
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
}

/** Ends every open session of a user; returns how many ended. */
export async function endUserSessions (q: Queryable, userId: string, now: Date): Promise<number> {
  const ended = await q
    .update(sessions)
    .set({ endedAt: now, endReason: 'signed_out_everywhere' })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id })
  return ended.length
}

/** A user's sessions still open and not yet past either limit, newest first. */
export async function listOpenSessions (q: Queryable, userId: string, now: Date, idleSince: Date) {
  return await q
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, now),
        or(gt(sessions.lastSeenAt, idleSince), eq(sessions.lastSeenAt, idleSince))
      )
    )
    .orderBy(desc(sessions.lastSeenAt))
}
