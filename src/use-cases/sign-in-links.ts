// Email sign-in links (README: Sign-in and sessions): single use, SIGN_IN_LINK_MINUTES long, only a hash stored.
// Whoever asks gets the same answer whether or not the address belongs to someone, and a known address gets at
// most SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR links (counted in the database, so every instance agrees).
import { findRecipients, loadMessageContext } from '../db/stores/notifications.js'
import {
  countRecentLinks,
  findActiveUser,
  findSignInLink,
  findUserByEmail,
  insertSignInLink,
  useSignInLink
} from '../db/stores/sign-in-links.js'
import { signInLinkState, type LinkState } from '../domain/sign-in/index.js'
import { recordAudit } from './audit.js'
import type { Ctx, Deps } from './context.js'
import { sendDirectMessage } from './notifications.js'
import { startSession } from './sessions.js'
import { generateSecret, sha256Hex } from './tokens.js'

const LINK_PREFIX = 'qml_'
export const signInLinkUrl = (deps: Deps, secret: string) => `${deps.config.publicBaseUrl}/sign-in/link/${secret}`

/** Makes a link for a user and returns its address (shown once: only its hash is kept). */
export async function issueSignInLink (deps: Deps, userId: string, councilId: string | null): Promise<string> {
  const now = deps.clock()
  const secret = generateSecret(LINK_PREFIX)
  const expiresAt = new Date(now.getTime() + deps.config.SIGN_IN_LINK_MINUTES * 60_000)
  await deps.db.transaction(async (tx) => {
    await insertSignInLink(tx, { tokenHash: sha256Hex(secret), userId, createdAt: now, expiresAt })
    const ctx: Ctx = { actor: { kind: 'system' }, now }
    await recordAudit(tx, ctx, { councilId, entityType: 'user', entityId: userId, action: 'sign_in_link_issued' })
  })
  return signInLinkUrl(deps, secret)
}

/**
 * Someone asked for a link for this address. Resolves once the request is recorded; the email itself is sent in
 * the background (`delivery`), so a known address takes no longer to answer than an unknown one.
 */
export async function requestSignInLink (deps: Deps, email: string): Promise<{ delivery: Promise<void> }> {
  const user = await findUserByEmail(deps.db, email)
  if (user === undefined) return { delivery: Promise.resolve() }
  const since = new Date(deps.clock().getTime() - 3_600_000)
  if ((await countRecentLinks(deps.db, user.id, since)) >= deps.config.SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR) {
    deps.log.info({ userId: user.id }, 'sign-in link not sent: the per-address limit is reached')
    return { delivery: Promise.resolve() }
  }
  const link = await issueSignInLink(deps, user.id, user.councilId)
  const delivery = sendLink(deps, user, link).catch((error: unknown) => {
    deps.log.error({ err: error, userId: user.id }, 'sign-in link could not be stored for sending')
  })
  return { delivery }
}

async function sendLink (deps: Deps, user: { id: string; councilId: string | null }, link: string) {
  const [recipient] = await findRecipients(deps.db, { councilId: user.councilId, userId: user.id, providerId: null })
  if (recipient === undefined) return
  const context = await loadMessageContext(deps.db, user.councilId, null)
  const facts = { councilName: context.councilName, link, validMinutes: deps.config.SIGN_IN_LINK_MINUTES }
  await sendDirectMessage(deps, deps.db, 'sign_in_link', facts, { ...recipient, channel: 'email' }, user.councilId)
}

/** What a link would do now, without using it (the landing page asks before signing in). */
export async function checkSignInLink (deps: Deps, secret: string): Promise<LinkState> {
  if (!secret.startsWith(LINK_PREFIX) || secret.length > 200) return 'unknown'
  return signInLinkState(await findSignInLink(deps.db, sha256Hex(secret)), deps.clock())
}

export type RedeemResult = { state: 'signed_in'; secret: string } | { state: Exclude<LinkState, 'valid'> }

/** Uses a link (once, even when two requests race) and opens a session for its user. */
export async function redeemSignInLink (
  deps: Deps,
  secret: string,
  userAgent: string | undefined,
  requestId?: string
): Promise<RedeemResult> {
  if (!secret.startsWith(LINK_PREFIX) || secret.length > 200) return { state: 'unknown' }
  const now = deps.clock()
  const used = await useSignInLink(deps.db, sha256Hex(secret), now)
  const user = used === undefined ? undefined : await findActiveUser(deps.db, used.userId)
  if (user === undefined) {
    const state = signInLinkState(await findSignInLink(deps.db, sha256Hex(secret)), now)
    return { state: state === 'valid' ? 'unknown' : state }
  }
  const started = await startSession(deps, user, 'email_link', userAgent, requestId)
  return { state: 'signed_in', secret: started.secret }
}
