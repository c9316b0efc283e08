// Sessions for people signed in through a page (README: Sign-in and sessions). The browser holds a random secret;
// the database holds its hash, so any instance can resolve it and a leaked table signs nobody in. A session resolves
// to the same Principal a bearer token does, so pages and the API share one set of role and tenancy rules.
import {
  endSession,
  endUserSessions,
  findOpenSession,
  insertSession,
  listOpenSessions,
  touchSession,
  type SessionRow
} from '../db/stores/sessions.js'
import type { SignInMethod } from '../db/schema/index.js'
import { deviceLabel, idleCutoff, sessionExpiry, sessionState, type SessionPolicy } from '../domain/sign-in/index.js'
import { recordAudit } from './audit.js'
import { principalOf, type Ctx, type Deps, type Principal } from './context.js'
import { generateSecret, sha256Hex } from './tokens.js'

const SESSION_PREFIX = 'qms_'
/** The name authenticators show beside a passkey. */
export const SERVICE_RP_NAME = 'Quality Mark'

export interface SignedIn {
  principal: Principal
  session: SessionRow
  userName: string
}

export type SessionUser = Parameters<typeof principalOf>[0]

export const sessionPolicy = (deps: Deps): SessionPolicy => ({
  idleMinutes: deps.config.SESSION_IDLE_MINUTES,
  absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS
})

/** Opens a new session with a new secret (so a session id planted before sign-in is never the one signed in). */
export async function startSession (
  deps: Deps,
  user: SessionUser,
  method: SignInMethod,
  userAgent: string | undefined,
  requestId?: string
): Promise<{ secret: string; session: SessionRow }> {
  const now = deps.clock()
  const secret = generateSecret(SESSION_PREFIX)
  return await deps.db.transaction(async (tx) => {
    const session = await insertSession(tx, {
      tokenHash: sha256Hex(secret),
      userId: user.id,
      method,
      device: deviceLabel(userAgent),
      now,
      expiresAt: sessionExpiry(now, sessionPolicy(deps))
    })
    const ctx: Ctx = { actor: principalOf(user, `session:${session.id}`), now, requestId }
    await recordAudit(tx, ctx, {
      councilId: user.councilId,
      entityType: 'session',
      entityId: session.id,
      action: 'sign_in',
      after: { userId: user.id, method, device: session.device }
    })
    return { secret, session }
  })
}

/** The signed-in person behind a session secret, or null (unknown, ended, idle or past its absolute limit). */
export async function resolveSession (deps: Deps, secret: string): Promise<SignedIn | null> {
  if (!secret.startsWith(SESSION_PREFIX) || secret.length > 200) return null
  const now = deps.clock()
  const row = await findOpenSession(deps.db, sha256Hex(secret))
  if (row === undefined) return null
  const state = sessionState(row.session, now, sessionPolicy(deps))
  if (state !== 'active') {
    await endSession(deps.db, row.session.id, now, state)
    return null
  }
  await touchSession(deps.db, row.session.id, row.session.lastSeenAt, now)
  const principal = principalOf(row.user, `session:${row.session.id}`)
  return { principal, session: row.session, userName: row.user.name }
}

/** The signed-in person's open sessions, newest activity first. */
export async function listMySessions (deps: Deps, ctx: Ctx, me: Principal) {
  return await listOpenSessions(deps.db, me.userId, ctx.now, idleCutoff(ctx.now, sessionPolicy(deps)))
}

export async function signOut (deps: Deps, ctx: Ctx, signedIn: SignedIn): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, signedIn.session.id, ctx.now, 'signed_out')
    await recordAudit(tx, ctx, {
      councilId: signedIn.principal.councilId,
      entityType: 'session',
      entityId: signedIn.session.id,
      action: 'sign_out'
    })
  })
}

/** Ends every session of the signed-in person, on every device (this one too). */
export async function signOutEverywhere (deps: Deps, ctx: Ctx, me: Principal): Promise<number> {
  return await deps.db.transaction(async (tx) => {
    const ended = await endUserSessions(tx, me.userId, ctx.now)
    await recordAudit(tx, ctx, {
      councilId: me.councilId,
      entityType: 'user',
      entityId: me.userId,
      action: 'sign_out_everywhere',
      after: { sessionsEnded: ended }
    })
    return ended
  })
}
