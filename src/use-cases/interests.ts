// Requests to join the scheme (README: For providers, Apply to join): a micro-enterprise asks on the public page and
// is sent a confirmation; a co-ordinator of that council accepts (the provider is registered and the person invited
// by email, in one transaction) or declines with a reason the person is emailed. Each step is audited.
import type { Queryable } from '../db/client.js'
import { findCouncil, findCouncilBySlug } from '../db/stores/councils.js'
import {
  answerInterestRow,
  findInterest,
  insertInterest,
  listInterestsOf,
  lockInterest,
  type InterestRecord
} from '../db/stores/interests.js'
import { insertMessages } from '../db/stores/notifications.js'
import type { InterestState } from '../db/schema/index.js'
import { DomainError } from '../domain/errors.js'
import type { MessageKind } from '../domain/notifications/index.js'
import { isMicro, type LegalForm } from '../domain/providers.js'
import type { ServiceType } from '../domain/scheme/enums.js'
import { assertStaffAccess, notFound, requireStaff } from './access.js'
import { addUser } from './admin.js'
import { recordAudit } from './audit.js'
import type { Ctx, Deps } from './context.js'
import { messageFor, sendDueMessages } from './notifications.js'
import { registerProvider } from './providers.js'

export interface InterestInput {
  businessName: string
  legalForm: LegalForm
  contactName: string
  email: string
  phone: string | null
  postcode: string
  serviceTypes: ServiceType[]
  offer: string
  fte: number
}

export type Interest = InterestRecord
/** What the register form gives (registerProvider's input), without naming the API's contract here. */
type ProviderCreate = Parameters<typeof registerProvider>[4]

/** The council a public page is for, or 404; with its micro bound for the page to explain. */
export async function councilForJoining (deps: Deps, slug: string) {
  const council = await findCouncilBySlug(deps.db, slug)
  if (council === undefined) throw notFound('Council')
  const { id, name, microMaxFte, contactEmail } = council
  return { id, slug: council.slug, name, microMaxFte, contactEmail }
}

/** One email to the person who asked, written in the caller's transaction and sent once it commits. */
async function tellThePerson (deps: Deps, q: Queryable, kind: MessageKind, i: InterestRecord, now: Date) {
  const council = await findCouncil(q, i.councilId)
  const facts = {
    councilName: council?.name ?? 'Your council',
    providerName: i.businessName,
    link: `${deps.config.publicBaseUrl}/join/${council?.slug ?? ''}`,
    note: i.reason ?? undefined
  }
  const to = { userId: null, email: i.email, channel: 'email' as const, phone: null, easyRead: false }
  await insertMessages(q, [messageFor(deps, kind, facts, to, { councilId: i.councilId, outboxId: null }, now)])
}

/** The public form: only a micro-enterprise may ask (src/domain/README.md: size band). */
export async function submitInterest (deps: Deps, slug: string, input: InterestInput, requestId: string) {
  const council = await councilForJoining(deps, slug)
  const ctx: Ctx = { actor: { kind: 'public', councilId: council.id }, now: deps.clock(), requestId }
  if (!isMicro(input.fte, council)) {
    throw new DomainError('NOT_MICRO', 'invalid', `The Quality Mark is for up to ${council.microMaxFte} staff`, {
      errors: [{ path: 'body.fte', message: `must be at most ${council.microMaxFte}` }]
    })
  }
  const row = await deps.db.transaction(async (tx) => {
    const saved = await insertInterest(tx, { ...input, councilId: council.id, createdAt: ctx.now, updatedAt: ctx.now })
    await recordAudit(tx, ctx, {
      councilId: council.id,
      entityType: 'interest',
      entityId: saved.id,
      action: 'create',
      toState: 'received',
      after: { businessName: saved.businessName, fte: saved.fte, serviceTypes: saved.serviceTypes }
    })
    await tellThePerson(deps, tx, 'interest_received', saved, ctx.now)
    return saved
  })
  await sendDueMessages(deps)
  return row
}

export async function listInterests (deps: Deps, ctx: Ctx, state: InterestState, limit = 100) {
  const staff = requireStaff(ctx.actor)
  return await listInterestsOf(deps.db, staff.councilId, state, limit)
}

export async function getInterest (deps: Deps, ctx: Ctx, id: string): Promise<Interest> {
  return assertStaffAccess(ctx.actor, await findInterest(deps.db, id), 'Request to join')
}

/** The request, locked, while it still waits for an answer. */
async function openInterest (q: Queryable, ctx: Ctx, id: string): Promise<InterestRecord> {
  const i = assertStaffAccess(ctx.actor, await lockInterest(q, id), 'Request to join')
  if (i.state !== 'received') {
    throw new DomainError('INTEREST_ALREADY_ANSWERED', 'conflict', `This request was already ${i.state}.`)
  }
  return i
}

/** Registers the business as a provider and invites the person, as the co-ordinator's register page does. */
export async function acceptInterest (
  deps: Deps,
  ctx: Ctx,
  id: string,
  provider: ProviderCreate,
  person: { name: string; email: string }
) {
  const staff = requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const before = await openInterest(tx, ctx, id)
    const registered = await registerProvider(deps, tx, ctx, staff.councilId, provider)
    await addUser(tx, ctx, {
      councilId: staff.councilId,
      role: 'provider',
      name: person.name,
      email: person.email,
      providerId: registered.id
    })
    await answerInterestRow(tx, before, {
      state: 'accepted',
      reason: null,
      decidedBy: staff.userId,
      decidedAt: ctx.now,
      providerId: registered.id
    })
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: 'interest',
      entityId: id,
      action: 'accept',
      fromState: 'received',
      toState: 'accepted',
      after: { providerId: registered.id }
    })
    return registered
  })
}

/** Declines with a reason, which the person is emailed. */
export async function declineInterest (deps: Deps, ctx: Ctx, id: string, reason: string): Promise<void> {
  const staff = requireStaff(ctx.actor)
  await deps.db.transaction(async (tx) => {
    const before = await openInterest(tx, ctx, id)
    const after = await answerInterestRow(tx, before, {
      state: 'declined',
      reason,
      decidedBy: staff.userId,
      decidedAt: ctx.now,
      providerId: null
    })
    await recordAudit(tx, ctx, {
      councilId: staff.councilId,
      entityType: 'interest',
      entityId: id,
      action: 'decline',
      fromState: 'received',
      toState: 'declined',
      reason
    })
    await tellThePerson(deps, tx, 'interest_declined', after, ctx.now)
  })
  await sendDueMessages(deps)
}
