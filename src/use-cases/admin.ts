// Use cases for councils, users and tokens (src/domain/README.md: admin manages councils, users and tokens;
// co-ordinators may onboard their own providers' users).
import type { Queryable } from '../db/client.js'
import * as store from '../db/stores/councils.js'
import type { CouncilRecord, TokenRecord, UserRecord } from '../db/stores/councils.js'
import { findProvider } from '../db/stores/providers.js'
import { sizeBandOf } from '../domain/providers.js'
import { DomainError } from '../domain/errors.js'
import { isStaffRole, type UserRole } from '../domain/roles.js'
import {
  MIN_CONTRAST,
  brandColourProblem,
  contrastWithWhite,
  normaliseBrandColour
} from '../domain/branding.js'
import { forbidden, notFound } from './access.js'
import { recordAudit } from './audit.js'
import { assertVersion } from './concurrency.js'
import type { Actor, Ctx, Deps } from './context.js'
import { installDefaultScheme } from './schemes.js'
import { issueToken } from './tokens.js'
import { enqueueNotification } from '../db/stores/notifications.js'

export type CouncilRow = CouncilRecord
export type UserRow = UserRecord

const requireAdmin = (actor: Actor) => {
  if (actor.kind !== 'user' || actor.role !== 'admin') throw forbidden('Only an admin may do this')
  return actor
}

export interface CouncilInput {
  slug: string
  name: string
  contactEmail?: string | undefined
  microMaxFte?: number | undefined
  smallMaxFte?: number | undefined
  mediumMaxFte?: number | undefined
  /** '#' and six hex digits; null (or absent) for the service's default (src/domain/branding.ts). */
  brandColour?: string | null | undefined
  accessibilityEmail?: string | null | undefined
  dataProtectionEmail?: string | null | undefined
  safeguardingPhone?: string | null | undefined
}

/** The colour as stored, refused when white text on it would be hard to read (WCAG 2.2 SC 1.4.3). */
function checkedBrandColour (colour: string | null | undefined): string | null | undefined {
  if (colour === null || colour === undefined) return colour
  const problem = brandColourProblem(colour)
  if (problem === null) return normaliseBrandColour(colour)
  const message = problem === 'not a colour'
    ? 'must be # and six hex digits, e.g. #5a2d81'
    : `white text on it has a contrast of ${contrastWithWhite(normaliseBrandColour(colour)).toFixed(2)}:1; ` +
      `it needs at least ${MIN_CONTRAST}:1`
  throw new DomainError('BRAND_COLOUR_TOO_LIGHT', 'invalid', 'White text on this colour would be hard to read', {
    errors: [{ path: 'body.brandColour', message }]
  })
}

function checkBounds (b: { microMaxFte: number; smallMaxFte: number; mediumMaxFte: number }) {
  if (!(b.microMaxFte < b.smallMaxFte && b.smallMaxFte < b.mediumMaxFte)) {
    throw new DomainError(
      'SIZE_BOUNDS_INCONSISTENT',
      'invalid',
      'Size bands must grow: microMaxFte < smallMaxFte < mediumMaxFte',
      {
        errors: [
          {
            path: 'body.microMaxFte',
            message: `micro ${b.microMaxFte}, small ${b.smallMaxFte}, medium ${b.mediumMaxFte} are not increasing`
          }
        ]
      }
    )
  }
}

export async function createCouncil (deps: Deps, ctx: Ctx, input: CouncilInput): Promise<CouncilRow> {
  requireAdmin(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    if ((await store.findCouncilBySlug(tx, input.slug)) !== undefined) {
      throw new DomainError('COUNCIL_SLUG_TAKEN', 'conflict', `A council with slug ${input.slug} exists already`)
    }
    const bounds = {
      microMaxFte: input.microMaxFte ?? 5,
      smallMaxFte: input.smallMaxFte ?? 49,
      mediumMaxFte: input.mediumMaxFte ?? 249
    }
    checkBounds(bounds)
    const row = await store.insertCouncil(tx, {
      ...input,
      ...bounds,
      brandColour: checkedBrandColour(input.brandColour),
      createdAt: ctx.now,
      updatedAt: ctx.now
    })
    await recordAudit(tx, ctx, {
      councilId: row.id,
      entityType: 'council',
      entityId: row.id,
      action: 'create',
      after: row
    })
    // src/domain/README.md: every new council gets the default scheme, published, so assessments can start at once.
    await installDefaultScheme(tx, ctx, row.id)
    return row
  })
}

export async function listCouncils (deps: Deps, ctx: Ctx) {
  requireAdmin(ctx.actor)
  return await store.listAllCouncils(deps.db)
}

export async function getCouncil (deps: Deps, ctx: Ctx, id: string) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || (actor.role !== 'admin' && actor.councilId !== id)) throw notFound('Council')
  const row = await store.findCouncil(deps.db, id)
  if (row === undefined) throw notFound('Council')
  return row
}

export async function updateCouncil (
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<CouncilInput, 'slug'>>
) {
  requireAdmin(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const before = await store.lockCouncil(tx, id)
    if (before === undefined) throw notFound('Council')
    assertVersion(before.version, expectedVersion, 'The council')
    const next = { ...before, ...patch }
    checkBounds(next)
    const brandColour = checkedBrandColour(patch.brandColour)
    const after = await store.updateCouncilRow(tx, before, { ...patch, brandColour }, ctx.now)
    // Size bands are stored for fast filtering: recompute them when the council moves the bounds.
    for (const p of await store.listProviderSizes(tx, id)) {
      const band = sizeBandOf(p.fte, next)
      if (band !== p.sizeBand) await store.setProviderSizeBand(tx, p.id, band)
    }
    await recordAudit(tx, ctx, { councilId: id, entityType: 'council', entityId: id, action: 'update', before, after })
    return after
  })
}

export interface UserInput {
  councilId?: string | undefined
  role: UserRole
  name: string
  email?: string | undefined
  providerId?: string | undefined
}

/** Admins create anyone; co-ordinators create provider users for their own council's providers. */
export async function createUser (deps: Deps, ctx: Ctx, input: UserInput): Promise<UserRow> {
  const actor = ctx.actor
  if (actor.kind !== 'user') throw forbidden('Not allowed')
  const isAdmin = mayAddStaff(actor)
  const councilId = isAdmin ? input.councilId : (actor.councilId ?? undefined)
  if (!isAdmin && input.role !== 'provider') {
    throw forbidden('Co-ordinators may only create provider users; ask an admin for staff accounts')
  }
  if (!isAdmin && input.councilId !== undefined && input.councilId !== actor.councilId) throw notFound('Council')
  if (input.role === 'admin' && input.councilId !== undefined) {
    throw new DomainError('ADMIN_HAS_NO_COUNCIL', 'invalid', 'An admin belongs to no council', {
      errors: [{ path: 'body.councilId', message: 'must be absent for an admin' }]
    })
  }
  if (input.role !== 'admin' && councilId === undefined) {
    throw new DomainError('COUNCIL_REQUIRED', 'invalid', 'Co-ordinators, reviewers and providers belong to a council', {
      errors: [{ path: 'body.councilId', message: 'is required for this role' }]
    })
  }
  if ((input.role === 'provider') !== (input.providerId !== undefined)) {
    throw new DomainError(
      'PROVIDER_ID_MISMATCH',
      'invalid',
      'A provider user needs providerId; other roles must not have one',
      {
        errors: [
          {
            path: 'body.providerId',
            message: input.role === 'provider' ? 'is required for a provider user' : 'is only for provider users'
          }
        ]
      }
    )
  }
  return await deps.db.transaction(async (tx) => {
    if (councilId !== undefined) {
      if ((await store.findCouncil(tx, councilId)) === undefined) throw notFound('Council')
    }
    if (input.providerId !== undefined) {
      const p = await findProvider(tx, input.providerId)
      if (p === undefined || p.councilId !== councilId) throw notFound('Provider')
    }
    return await addUser(tx, ctx, {
      councilId: councilId ?? null,
      role: input.role,
      name: input.name,
      email: input.email ?? null,
      providerId: input.providerId ?? null
    })
  })
}

/**
 * Writes a user with its audit event; a person with an email address is sent an invitation (a provider's person
 * to their business's pages, staff to the council's portal).
 */
export async function addUser (
  tx: Queryable,
  ctx: Ctx,
  values: Pick<UserRecord, 'councilId' | 'role' | 'name' | 'email' | 'providerId'>
): Promise<UserRow> {
  const row = await store.insertUser(tx, { ...values, createdAt: ctx.now, updatedAt: ctx.now })
  await recordAudit(tx, ctx, {
    councilId: row.councilId,
    entityType: 'user',
    entityId: row.id,
    action: 'create',
    after: { ...row, email: row.email === null ? null : '[set]' }
  })
  // Invited when it has an address to be invited at; a person added without one is told nothing.
  if (row.councilId !== null && row.email !== null) {
    const kind = row.role === 'provider' ? 'provider_invited' : 'staff_invited'
    await enqueueNotification(tx, {
      councilId: row.councilId,
      kind,
      dedupeKey: `${kind.replace('_', '-')}:${row.id}`,
      recipientUserId: row.id,
      payload: { providerId: row.providerId },
      now: ctx.now
    })
  }
  return row
}

/** Whether the actor may look after this user (deactivate them, list and revoke their tokens). */
export function mayManageUser (actor: Actor, u: Pick<UserRow, 'id' | 'role' | 'councilId'>): boolean {
  if (actor.kind !== 'user') return false
  if (actor.role === 'admin' || actor.userId === u.id) return true
  return isStaffRole(actor.role) && u.role === 'provider' && u.councilId === actor.councilId
}

/** Only an admin adds co-ordinators and reviewers (createUser). */
export const mayAddStaff = (actor: Actor): boolean => actor.kind === 'user' && actor.role === 'admin'

/** The user a token operation is about, if the actor may manage it. */
async function manageableUser (q: Queryable, actor: Actor, userId: string): Promise<UserRow> {
  const u = await store.findUser(q, userId)
  if (u === undefined || !mayManageUser(actor, u)) throw notFound('User')
  return u
}

export async function listUsers (deps: Deps, ctx: Ctx, councilId: string | undefined) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role === 'provider') throw forbidden('Not allowed')
  // Every user but an admin belongs to a council (users_council_unless_admin): staff see their own.
  const scope = actor.role === 'admin' ? councilId : (actor.councilId ?? undefined)
  return await store.listUsersOf(deps.db, scope)
}

export async function setUserActive (deps: Deps, ctx: Ctx, userId: string, active: boolean) {
  return await deps.db.transaction(async (tx) => {
    const before = await manageableUser(tx, ctx.actor, userId)
    const after = await store.setUserActiveRow(tx, before, active, ctx.now)
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: 'user',
      entityId: userId,
      action: active ? 'activate' : 'deactivate'
    })
    return after
  })
}

/**
 * Staff may look after a provider's tokens (list, revoke) but never hold one: a token is the provider's own
 * signature on its answers and on accepting a decision, so acting as the provider is refused, not audited
 * (README: Security and privacy). An admin issues a provider's first token; the provider issues more itself.
 */
function assertMayIssueFor (actor: Actor, user: UserRow): void {
  if (actor.kind === 'user' && actor.role !== 'admin' && actor.userId !== user.id && user.role === 'provider') {
    throw new DomainError(
      'TOKEN_FOR_PROVIDER_REFUSED',
      'forbidden',
      "Council staff may not issue a provider's token: that would let them act as the provider. An admin issues " +
        "a provider's first token; the provider can then issue more for itself."
    )
  }
}

/** Without an expiry a token lasts TOKEN_DEFAULT_TTL_DAYS: a forgotten token stops working on its own. */
export async function createTokenForUser (deps: Deps, ctx: Ctx, userId: string, label: string, expiresAt: Date | null) {
  return await deps.db.transaction(async (tx) => {
    const user = await manageableUser(tx, ctx.actor, userId)
    assertMayIssueFor(ctx.actor, user)
    if (!user.active) throw new DomainError('USER_INACTIVE', 'conflict', 'The user is deactivated')
    const expires = expiresAt ?? new Date(ctx.now.getTime() + deps.config.TOKEN_DEFAULT_TTL_DAYS * 86_400_000)
    const issued = await issueToken(tx, user.id, label, expires)
    await recordAudit(tx, ctx, {
      councilId: user.councilId,
      entityType: 'api_token',
      entityId: issued.record.id,
      action: 'create',
      after: { userId, label, prefix: issued.record.prefix, expiresAt: expires.toISOString() }
    })
    return issued
  })
}

export async function listTokens (deps: Deps, ctx: Ctx, userId: string) {
  await manageableUser(deps.db, ctx.actor, userId)
  return await store.listTokensOf(deps.db, userId)
}

export async function revokeToken (deps: Deps, ctx: Ctx, tokenId: string): Promise<TokenRecord> {
  return await deps.db.transaction(async (tx) => {
    const t = await store.findToken(tx, tokenId)
    if (t === undefined) throw notFound('Token')
    const user = await manageableUser(tx, ctx.actor, t.userId)
    const after = await store.revokeTokenRow(tx, tokenId, ctx.now)
    if (after !== undefined) {
      await recordAudit(tx, ctx, {
        councilId: user.councilId,
        entityType: 'api_token',
        entityId: tokenId,
        action: 'revoke'
      })
    }
    return after ?? t
  })
}
