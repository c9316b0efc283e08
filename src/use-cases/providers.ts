// Use cases of the provider registry: create, read, list, update, deactivate — each audited in its transaction.
import type { Queryable, Tx } from '../db/client.js'
import { findCouncil } from '../db/stores/councils.js'
import {
  countProviders,
  findProvider,
  insertProvider,
  listProviderPage,
  lockProvider,
  updateProviderRecord,
  type ProviderFilter,
  type ProviderRecord,
  type ProviderSort
} from '../db/stores/providers.js'
import { sizeBandOf } from '../domain/providers.js'
import type { ProviderCreate, ProviderListQuery, ProviderPatch } from './provider-input.js'
import { assertProviderAccess, forbidden, notFound, requireStaff } from './access.js'
import { recordAudit } from './audit.js'
import { fetchPage } from './pagination.js'
import { withdrawProviderAwards } from './awards.js'
import { assertVersion } from './concurrency.js'
import type { Ctx, Deps } from './context.js'
import { placeProviderPostcode } from './postcodes.js'

export type ProviderRow = ProviderRecord

async function councilBounds (q: Queryable, councilId: string) {
  const c = await findCouncil(q, councilId)
  if (c === undefined) throw notFound('Council')
  return c
}

export async function createProvider (deps: Deps, ctx: Ctx, input: ProviderCreate): Promise<ProviderRow> {
  const staff = requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => await registerProvider(deps, tx, ctx, staff.councilId, input))
}

/** Registers a provider in the caller's transaction (also when a request to join is accepted), audited. */
export async function registerProvider (
  deps: Deps,
  tx: Tx,
  ctx: Ctx,
  councilId: string,
  input: ProviderCreate
): Promise<ProviderRow> {
  const council = await councilBounds(tx, councilId)
  const location = await placeProviderPostcode(deps, tx, input.postcode)
  const row = await insertProvider(tx, {
    ...input,
    ...location,
    councilId: council.id,
    sizeBand: sizeBandOf(input.fte, council),
    createdAt: ctx.now,
    updatedAt: ctx.now
  })
  await recordAudit(tx, ctx, {
    councilId: council.id,
    entityType: 'provider',
    entityId: row.id,
    action: 'create',
    toState: 'active',
    after: row
  })
  return row
}

export async function loadProvider (q: Queryable, ctx: Ctx, id: string): Promise<ProviderRow> {
  const row = await findProvider(q, id)
  return assertProviderAccess(ctx.actor, row === undefined ? undefined : { ...row, providerId: row.id }, 'Provider')
}

export async function getProvider (deps: Deps, ctx: Ctx, id: string) {
  return await loadProvider(deps.db, ctx, id)
}

export async function listProviders (deps: Deps, ctx: Ctx, query: ProviderListQuery) {
  const actor = ctx.actor
  if (actor.kind !== 'user' || actor.councilId === null) throw forbidden('Only council users may list providers')
  const own = actor.role === 'provider' ? actor.providerId : undefined
  if (own === null) throw forbidden('This account belongs to no provider')
  const filter: ProviderFilter = {
    councilId: actor.councilId,
    // A provider user sees only its own record in any list.
    onlyId: own,
    status: query.status,
    sizeBand: query.sizeBand,
    serviceType: query.serviceType,
    clientGroup: query.clientGroup,
    text: query.q
  }
  const sort = { by: sortOf(query.sort), descending: query.sort.startsWith('-') }
  return await fetchPage(
    query,
    async (limit, offset) => await listProviderPage(deps.db, filter, sort, { limit, offset }),
    async () => await countProviders(deps.db, filter)
  )
}

const sortOf = (sort: ProviderListQuery['sort']): ProviderSort => {
  const by = sort.replace(/^-/, '')
  return by === 'createdAt' || by === 'fte' || by === 'updatedAt' ? by : 'name'
}

export async function updateProvider (deps: Deps, ctx: Ctx, id: string, expectedVersion: number, patch: ProviderPatch) {
  return await deps.db.transaction(async (tx) => {
    const current = await lockProvider(tx, id)
    const before = assertProviderAccess(
      ctx.actor,
      current === undefined ? undefined : { ...current, providerId: current.id },
      'Provider'
    )
    assertVersion(before.version, expectedVersion, 'The provider')
    if (patch.cqcRating !== undefined && ctx.actor.kind === 'user' && ctx.actor.role === 'provider') {
      throw forbidden('Only the council records a CQC rating')
    }
    if (before.status === 'inactive') throw notFound('Provider')
    const council = await councilBounds(tx, before.councilId)
    const fte = patch.fte ?? before.fte
    // A new postcode is placed again; an unplaced provider is placed once reference data is there.
    const location =
      patch.postcode !== undefined || before.latitude === null
        ? await placeProviderPostcode(deps, tx, patch.postcode ?? before.postcode)
        : {}
    const after = await updateProviderRecord(tx, id, {
      ...patch,
      ...location,
      sizeBand: sizeBandOf(fte, council),
      updatedAt: ctx.now,
      version: before.version + 1
    })
    await recordAudit(tx, ctx, {
      councilId: before.councilId,
      entityType: 'provider',
      entityId: id,
      action: 'update',
      before,
      after
    })
    return after
  })
}

export async function deactivateProvider (deps: Deps, ctx: Ctx, id: string, reason: string) {
  const staff = requireStaff(ctx.actor)
  return await deps.db.transaction(async (tx) => {
    const current = await lockProvider(tx, id)
    if (current === undefined || current.councilId !== staff.councilId) throw notFound('Provider')
    if (current.status === 'inactive') return current
    const after = await updateProviderRecord(tx, id, {
      status: 'inactive', deactivatedAt: ctx.now, updatedAt: ctx.now, version: current.version + 1
    })
    await recordAudit(tx, ctx, {
      councilId: current.councilId,
      entityType: 'provider',
      entityId: id,
      action: 'deactivate',
      fromState: 'active',
      toState: 'inactive',
      reason
    })
    // src/domain/README.md: an award is withdrawn when the provider leaves — in the same transaction, so the
    // directory never lists a mark for a provider that has gone.
    await withdrawProviderAwards(tx, ctx, id, reason)
    return after
  })
}
