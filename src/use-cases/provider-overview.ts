// What the co-ordinator's provider pages show (README: For co-ordinators): a page of the provider list with each
// provider's live award, and one provider's whole record — awards, assessments, concerns, appeals, people and the
// audit trail. Staff of the provider's council only; another council's provider is not found. Fixed query counts.
import { findAuditEvents } from '../db/stores/audit.js'
import { listConcernsAbout } from '../db/stores/concerns.js'
import {
  appealsOfProvider,
  assessmentsOfProvider,
  awardsOfProvider,
  liveAwardsOf,
  peopleOfProvider
} from '../db/stores/provider-records.js'
import { requireStaff } from './access.js'
import type { Ctx, Deps } from './context.js'
import { listProviders, loadProvider } from './providers.js'

export type ProviderListQuery = Parameters<typeof listProviders>[2]

/**
 * A page of the council's providers with their live awards. Kept until the council's providers or awards change
 * (src/use-cases/council-read-cache.ts), as the work queue is: the answer may be shared, so callers never change it.
 */
export async function listProvidersWithAwards (deps: Deps, ctx: Ctx, query: ProviderListQuery) {
  const staff = requireStaff(ctx.actor)
  const load = async () => {
    const page = await listProviders(deps, ctx, query)
    const live = await liveAwardsOf(deps.db, page.items.map((p) => p.id))
    const awardOf = new Map(live.map((a) => [a.providerId, a]))
    return { ...page, items: page.items.map((p) => ({ ...p, liveAward: awardOf.get(p.id) ?? null })) }
  }
  if (deps.councilReads === undefined) return await load()
  return await deps.councilReads.read(staff.councilId, `providers ${JSON.stringify(query)}`, load)
}

export async function getProviderOverview (deps: Deps, ctx: Ctx, id: string) {
  requireStaff(ctx.actor)
  const provider = await loadProvider(deps.db, ctx, id)
  const [awards, assessments, concerns, appeals, people, history] = await Promise.all([
    awardsOfProvider(deps.db, id),
    assessmentsOfProvider(deps.db, id),
    listConcernsAbout(deps.db, id),
    appealsOfProvider(deps.db, id),
    peopleOfProvider(deps.db, id),
    findAuditEvents(deps.db, provider.councilId, 'provider', id)
  ])
  return { provider, awards, assessments, concerns, appeals, people, history }
}
export type ProviderOverview = Awaited<ReturnType<typeof getProviderOverview>>
