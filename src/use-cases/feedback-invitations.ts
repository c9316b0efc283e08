// Single-use feedback invitations (README: Feedback from people who use services): a co-ordinator creates links for an
// assessment, each carrying a random token (256 bits) stored only as a SHA-256 hash; links are shown once; the list
// shows statuses, never tokens.
import type { Queryable } from '../db/client.js'
import {
  findInvitationByTokenHash,
  insertInvitations,
  listAssessmentInvitations,
  lockInvitation,
  updateInvitation,
  type InvitationRecord
} from '../db/stores/feedback-invitations.js'
import { hasSpend } from '../db/stores/held-feedback.js'
import { DomainError } from '../domain/errors.js'
import type { FeedbackMode, RespondentType } from '../domain/scheme/index.js'
import { assertStaffAccess, notFound } from './access.js'
import { recordAudit } from './audit.js'
import { actorUserId, isoDate, type Ctx, type Deps } from './context.js'
import {
  assertCollectingFeedback,
  isCollectingFeedback,
  loadFeedbackTarget,
  requireFeedbackTarget,
  type FeedbackTarget
} from './feedback-instrument.js'
import { generateSecret, sha256Hex } from './tokens.js'

/** Feedback link tokens have their own prefix, so one can never be mistaken for (or tried as) an API token. */
export const FEEDBACK_TOKEN_PREFIX = 'qmf_'
export const isFeedbackTokenShaped = (token: string): boolean =>
  token.startsWith(FEEDBACK_TOKEN_PREFIX) && token.length <= 100

export type InvitationRow = InvitationRecord
export type InvitationStatus = 'unused' | 'used' | 'expired' | 'revoked'
const LINK_REFUSALS = {
  used: 'FEEDBACK_LINK_USED',
  expired: 'FEEDBACK_LINK_EXPIRED',
  revoked: 'FEEDBACK_LINK_REVOKED'
} as const

/**
 * The modes a respondent answers in by themselves through a link; interview and assisted answers come through the API.
 */
export const LINK_MODES = ['self', 'easy_read'] as const satisfies readonly FeedbackMode[]

export function invitationStatus (
  row: Pick<InvitationRow, 'usedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date
): InvitationStatus {
  if (row.revokedAt !== null) return 'revoked'
  if (row.usedAt !== null) return 'used'
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'unused'
}

/** What the list shows: never the token or its hash; used on a day only (src/domain/README.md: privacy). */
export const presentInvitation = (row: InvitationRow, now: Date) => ({
  id: row.id,
  assessmentId: row.assessmentId,
  respondentType: row.respondentType,
  mode: row.mode,
  status: invitationStatus(row, now),
  expiresAt: row.expiresAt.toISOString(),
  usedOn: row.usedAt === null ? null : isoDate(row.usedAt),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString()
})

export interface InvitationsInput {
  count: number
  respondentType: RespondentType
  mode: 'self' | 'easy_read'
  expiresInDays: number
}

function assertInstrumentAllows (target: FeedbackTarget, input: InvitationsInput): void {
  const { respondentTypes, modes } = target.instrument
  const errors = [
    ...(respondentTypes.includes(input.respondentType)
      ? []
      : [{ path: 'body.respondentType', message: `this instrument asks ${respondentTypes.join(', ')}` }]),
    ...(modes.some((m) => m === input.mode)
      ? []
      : [{ path: 'body.mode', message: `this instrument offers ${modes.join(', ')}` }])
  ]
  if (errors.length > 0) {
    throw new DomainError('FEEDBACK_INVITATION_INVALID', 'invalid', 'The instrument does not allow this', { errors })
  }
}

/** Returns each link ONCE: only the hash is kept, so a lost link cannot be shown again (revoke it and make another). */
export async function createFeedbackInvitations (deps: Deps, ctx: Ctx, assessmentId: string, input: InvitationsInput) {
  return await deps.db.transaction(async (tx) => {
    const target = assertStaffAccess(ctx.actor, await loadFeedbackTarget(tx, assessmentId), 'Assessment')
    assertCollectingFeedback(target)
    assertInstrumentAllows(target, input)
    const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000)
    const tokens = Array.from({ length: input.count }, () => generateSecret(FEEDBACK_TOKEN_PREFIX))
    // Each stored row by the hash of its link's token: the token itself is never stored.
    const byHash = new Map(tokens.map((token) => [sha256Hex(token), token]))
    const tokenOf = (hash: string): string => {
      const token = byHash.get(hash)
      if (token === undefined) throw new Error('an invitation was stored that was not made here')
      return token
    }
    const rows = await insertInvitations(
      tx,
      tokens.map((token) => ({
        councilId: target.councilId,
        assessmentId,
        tokenHash: sha256Hex(token),
        respondentType: input.respondentType,
        mode: input.mode,
        expiresAt,
        createdBy: actorUserId(ctx.actor),
        createdAt: ctx.now
      }))
    )
    await recordAudit(tx, ctx, {
      councilId: target.councilId,
      entityType: 'assessment',
      entityId: assessmentId,
      action: 'create_feedback_invitations',
      after: {
        count: input.count,
        respondentType: input.respondentType,
        mode: input.mode,
        expiresAt: expiresAt.toISOString()
      }
    })
    return {
      items: rows.map((row) => ({
        ...presentInvitation(row, ctx.now),
        link: `${deps.config.publicBaseUrl}/feedback/${tokenOf(row.tokenHash)}`
      }))
    }
  })
}

export async function listFeedbackInvitations (deps: Deps, ctx: Ctx, assessmentId: string) {
  assertStaffAccess(ctx.actor, await loadFeedbackTarget(deps.db, assessmentId), 'Assessment')
  const rows = await listAssessmentInvitations(deps.db, assessmentId)
  const items = rows.map((row) => presentInvitation(row, ctx.now))
  const counts: Record<InvitationStatus, number> = { unused: 0, used: 0, expired: 0, revoked: 0 }
  for (const item of items) counts[item.status]++
  return { items, counts }
}

/** A used invitation cannot be revoked (its response stands); revoking twice is harmless. */
export async function revokeFeedbackInvitation (deps: Deps, ctx: Ctx, invitationId: string) {
  return await deps.db.transaction(async (tx) => {
    const current = assertStaffAccess(ctx.actor, await lockInvitation(tx, invitationId), 'Feedback invitation')
    if (current.usedAt !== null) {
      throw new DomainError(
        'FEEDBACK_INVITATION_USED',
        'conflict',
        'This invitation has been used: its response stands and it cannot be revoked'
      )
    }
    if (current.revokedAt !== null) return presentInvitation(current, ctx.now)
    const after = await updateInvitation(tx, current.id, { revokedAt: ctx.now })
    await recordAudit(tx, ctx, {
      councilId: current.councilId,
      entityType: 'feedback_invitation',
      entityId: current.id,
      action: 'revoke',
      fromState: invitationStatus(current, ctx.now),
      toState: 'revoked'
    })
    return presentInvitation(after, ctx.now)
  })
}

export interface OpenInvitation {
  invitation: InvitationRow
  target: FeedbackTarget
  /** Marked used, its answers not yet received: the respondent may send them (once). */
  spent: boolean
}

/**
 * The invitation behind a link and what the form needs. Unknown → 404; used, revoked, expired or its assessment
 * no longer collecting → 410, each with a code the page explains kindly.
 */
export async function openFeedbackInvitation (
  q: Queryable,
  token: string,
  now: Date,
  opts: { lock?: boolean } = {}
): Promise<OpenInvitation> {
  if (!isFeedbackTokenShaped(token)) throw notFound('Feedback link')
  const invitation = await findInvitationByTokenHash(q, sha256Hex(token), { lock: opts.lock === true })
  if (invitation === undefined) throw notFound('Feedback link')
  const status = invitationStatus(invitation, now)
  // Spent but its answers never arrived (a failure between the two steps of recordFeedbackFromLink): still open.
  const spent = status === 'used' && (await hasSpend(q, spendKeyOf(token)))
  if (status !== 'unused' && !spent) {
    throw new DomainError(LINK_REFUSALS[status], 'gone', `This feedback link has been ${status}`)
  }
  const target = await requireFeedbackTarget(q, invitation.assessmentId)
  if (!isCollectingFeedback(target)) {
    throw new DomainError('FEEDBACK_LINK_CLOSED', 'gone', "This provider's assessment no longer collects feedback")
  }
  return { invitation, target, spent }
}

/** The spend record's key: only whoever holds the link's token can compute it (src/db/schema/feedback.ts). */
export const spendKeyOf = (token: string) => sha256Hex(`spend:${token}`)
