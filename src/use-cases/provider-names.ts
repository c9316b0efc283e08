// The names of the providers a page of records is about, for the staff of their council only.
import { findProviderNames } from '../db/stores/provider-names.js'
import { requireStaff } from './access.js'
import type { Ctx, Deps } from './context.js'

/** provider id → name, for the ids of the actor's own council (others are simply absent). */
export async function nameProviders (deps: Deps, ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const staff = requireStaff(ctx.actor)
  return await findProviderNames(deps.db, staff.councilId, ids)
}
