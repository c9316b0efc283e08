// Use cases for councils, users and tokens (src/domain/README.md: admin manages councils, users and tokens;
// co-ordinators may onboard their own providers' users).
import { and, asc, eq, isNull } from 'drizzle-orm'
import { apiTokens, councils, providers, users, type UserRole } from '../db/schema/index.js'
import { sizeBandOf } from '../domain/providers.js'
import { DomainError } from '../domain/errors.js'
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
import { issueToken } from './tokens.js'
import type { Queryable } from '../db/client.js'
import { enqueueNotification } from '../db/stores/notifications.js'

export type CouncilRow = typeof councils.$inferSelect
export type UserRow = typeof users.$inferSelect

/** Hooks run inside createCouncil's transaction (e.g. installing the default scheme version). */
export type CouncilSetup = (tx: Queryable, ctx: Ctx, council: CouncilRow) => Promise<void>
const councilSetups: CouncilSetup[] = []
export function onCouncilCreated (setup: CouncilSetup) {
  councilSetups.push(setup)
}

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
    const [existing] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.slug, input.slug))
    if (existing !== undefined) {
      throw new DomainError('COUNCIL_SLUG_TAKEN', 'conflict', `A council with slug ${input.slug} exists already`)
    }
    const bounds = {
      microMaxFte: input.microMaxFte ?? 5,
      smallMaxFte: input.smallMaxFte ?? 49,
      mediumMaxFte: input.mediumMaxFte ?? 249
    }
    checkBounds(bounds)
    const [row] = await tx
      .insert(councils)
      .values({
        ...input,
        ...bounds,
        brandColour: checkedBrandColour(input.brandColour),
        createdAt: ctx.now,
        updatedAt: ctx.now
      })
      .returning()
    await recordAudit(tx, ctx, {
      councilId: row!.id,
      entityType: 'council',
      entityId: row!.id,
      action: 'create',
      after: row
    })
    for (const setup of councilSetups) await setup(tx, ctx, row!)
    return row!
  })
}

export async function listCouncils (deps: Deps, ctx: Ctx) {
  requireAdmin(ctx.actor)
  return await deps.db.select().from(councils).orderBy(asc(councils.name))
}

export async function getCouncil (deps: Deps, ctx: Ctx, id: string) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || (actor.role !== 'admin' && actor.councilId !== id)) throw notFound('Council')
  const [row] = await deps.db.select().from(councils).where(eq(councils.id, id))
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
    const [before] = await tx.select().from(councils).where(eq(councils.id, id)).for('update')
    if (before === undefined) throw notFound('Council')
    assertVersion(before.version, expectedVersion, 'The council')
    const next = { ...before, ...patch }
    checkBounds(next)
    const brandColour = checkedBrandColour(patch.brandColour)
    const [after] = await tx
      .update(councils)
      .set({ ...patch, brandColour, updatedAt: ctx.now, version: before.version + 1 })
      .where(eq(councils.id, id))
      .returning()
    // Size bands are stored for fast filtering: recompute them when the council moves the bounds.
    const rows = await tx
      .select({ id: providers.id, fte: providers.fte, sizeBand: providers.sizeBand })
      .from(providers)
      .where(eq(providers.councilId, id))
    for (const p of rows) {
      const band = sizeBandOf(p.fte, next)
      if (band !== p.sizeBand) await tx.update(providers).set({ sizeBand: band }).where(eq(providers.id, p.id))
    }
    await recordAudit(tx, ctx, { councilId: id, entityType: 'council', entityId: id, action: 'update', before, after })
    return after!
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
  const isAdmin = actor.role === 'admin'
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
      const [c] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId))
      if (c === undefined) throw notFound('Council')
    }
    if (input.providerId !== undefined) {
      const [p] = await tx
        .select({ councilId: providers.councilId })
        .from(providers)
        .where(eq(providers.id, input.providerId))
      if (p === undefined || p.councilId !== councilId) throw notFound('Provider')
    }
    const [row] = await tx
      .insert(users)
      .values({
        councilId: councilId ?? null,
        role: input.role,
        name: input.name,
        email: input.email ?? null,
        providerId: input.providerId ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now
      })
      .returning()
    await recordAudit(tx, ctx, {
      councilId: councilId ?? null,
      entityType: 'user',
      entityId: row!.id,
      action: 'create',
      after: { ...row, email: row!.email === null ? null : '[set]' }
    })
    // Invited when it has an address to be invited at; a person added without one is told nothing.
    if (row!.role === 'provider' && row!.councilId !== null && row!.email !== null) {
      await enqueueNotification(tx, {
        councilId: row!.councilId,
        kind: 'provider_invited',
        dedupeKey: `provider-invited:${row!.id}`,
        recipientUserId: row!.id,
        payload: { providerId: row!.providerId },
        now: ctx.now
      })
    }
    return row!
  })
}

/** The user a token operation is about, if the actor may manage it. */
async function manageableUser (q: Queryable, actor: Actor, userId: string): Promise<UserRow> {
  const [u] = await q.select().from(users).where(eq(users.id, userId))
  if (u === undefined || actor.kind !== 'user') throw notFound('User')
  if (actor.role === 'admin' || actor.userId === u.id) return u
  const staff = actor.role === 'coordinator' || actor.role === 'reviewer'
  if (staff && u.role === 'provider' && u.councilId === actor.councilId) return u
  throw notFound('User')
}

export async function listUsers (deps: Deps, ctx: Ctx, councilId: string | undefined) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.role === 'provider') throw forbidden('Not allowed')
  const scope = actor.role === 'admin' ? councilId : actor.councilId!
  const rows = await deps.db
    .select()
    .from(users)
    .where(scope === undefined ? undefined : eq(users.councilId, scope))
    .orderBy(asc(users.name), asc(users.id))
  return rows
}

export async function setUserActive (deps: Deps, ctx: Ctx, userId: string, active: boolean) {
  return await deps.db.transaction(async (tx) => {
    const before = await manageableUser(tx, ctx.actor, userId)
    const [after] = await tx
      .update(users)
      .set({ active, updatedAt: ctx.now, version: before.version + 1 })
      .where(eq(users.id, userId))
      .returning()
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: 'user',
      entityId: userId,
      action: active ? 'activate' : 'deactivate'
    })
    return after!
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
  return await deps.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.createdAt))
}

export async function revokeToken (deps: Deps, ctx: Ctx, tokenId: string) {
  return await deps.db.transaction(async (tx) => {
    const [t] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId))
    if (t === undefined) throw notFound('Token')
    const user = await manageableUser(tx, ctx.actor, t.userId)
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning()
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
