// The people of a provider who may use its portal (README: For providers, Your account). Any of them sees the list,
// invites another person by email (at most as many people as a micro-enterprise has staff) and takes a person's
// access away; never for another provider, never their own access. Each change is audited in its transaction.
import * as store from '../db/stores/councils.js'
import { lockProvider } from '../db/stores/providers.js'
import { DomainError } from '../domain/errors.js'
import { peopleLimitOf } from '../domain/providers.js'
import { notFound, requireProviderPerson } from './access.js'
import { addUser } from './admin.js'
import { recordAudit } from './audit.js'
import type { Ctx, Deps } from './context.js'

export interface Person {
  id: string
  name: string
  email: string | null
  active: boolean
  you: boolean
}

export interface People {
  people: Person[]
  /** how many people may have access at once */
  limit: number
}

/** The provider's people with access (active) and without (removed), with the micro bound. */
export async function listMyPeople (deps: Deps, ctx: Ctx): Promise<People> {
  const me = requireProviderPerson(ctx.actor)
  const council = await store.findCouncil(deps.db, me.councilId)
  const rows = await store.listProviderPeople(deps.db, me.providerId)
  return {
    people: rows.map((u) => ({ id: u.id, name: u.name, email: u.email, active: u.active, you: u.id === me.userId })),
    limit: peopleLimitOf(council?.microMaxFte ?? 5)
  }
}

/** Adds a person to the provider and emails them the invitation (admin.ts addUser). */
export async function invitePerson (deps: Deps, ctx: Ctx, input: { name: string; email: string }) {
  const me = requireProviderPerson(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    // The provider's row lock makes two invitations at once count each other.
    if ((await lockProvider(tx, me.providerId)) === undefined) throw notFound('Provider')
    const council = await store.findCouncil(tx, me.councilId)
    const limit = peopleLimitOf(council?.microMaxFte ?? 5)
    const active = (await store.listProviderPeople(tx, me.providerId)).filter((u) => u.active).length
    if (active >= limit) {
      throw new DomainError(
        'PEOPLE_LIMIT_REACHED',
        'conflict',
        `Up to ${limit} people can have access. Remove someone who no longer needs it first.`
      )
    }
    return await addUser(tx, ctx, {
      councilId: me.councilId,
      role: 'provider',
      name: input.name,
      email: input.email,
      providerId: me.providerId
    })
  })
}

/** One of the provider's people, or 404 (another provider's people are never confirmed). */
export async function findMyPerson (deps: Deps, ctx: Ctx, userId: string): Promise<Person> {
  const me = requireProviderPerson(ctx.actor)
  const u = await store.findUser(deps.db, userId)
  if (u === undefined || u.providerId !== me.providerId) throw notFound('Person')
  return { id: u.id, name: u.name, email: u.email, active: u.active, you: u.id === me.userId }
}

/** Takes a person's access away: their sessions stop working at once (a session needs an active user). */
export async function removePerson (deps: Deps, ctx: Ctx, userId: string): Promise<void> {
  const me = requireProviderPerson(ctx.actor)
  if (userId === me.userId) throw new DomainError('PERSON_IS_YOU', 'conflict', 'You cannot remove yourself.')
  await deps.db.transaction(async (tx) => {
    const u = await store.findUser(tx, userId)
    if (u === undefined || u.providerId !== me.providerId) throw notFound('Person')
    if (!u.active) return
    await store.setUserActiveRow(tx, u, false, ctx.now)
    await recordAudit(tx, ctx, {
      councilId: me.councilId,
      entityType: 'user',
      entityId: u.id,
      action: 'deactivate',
      reason: 'removed by their provider'
    })
  })
}
