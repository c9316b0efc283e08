// The public views' reads (ORUK feed, native feed, directory): the listings themselves come from the publication
// store (src/db/stores/publication.ts); this module coalesces the per-request council reads.
import type { Queryable } from '../../db/client.js'
import { findPublicCouncil, type PublicCouncil } from '../../db/stores/publication.js'
import { notFound } from '../access.js'

export {
  findListing,
  listDirectoryAreas,
  listListedProviderIds,
  listListings,
  listPastAwards,
  type Listing,
  type ListingFilter,
  type PublicCouncil
} from '../../db/stores/publication.js'

interface Waiter {
  resolve: (c: PublicCouncil) => void
  reject: (e: unknown) => void
}
interface SlugReads {
  running: boolean
  queued: Waiter[]
}
const pendingReads = new WeakMap<Queryable, Map<string, SlugReads>>()

/**
 * The council of a public URL and its publication version (bumped by triggers on any change), read fresh for
 * every request. Requests for the same council that arrive while a read is running share the NEXT read, which
 * starts after they arrived, so each still sees every change committed before it came in (no staleness), while
 * a burst of requests costs one database round trip instead of one each.
 */
export async function loadPublicCouncil (q: Queryable, slug: string): Promise<PublicCouncil> {
  let bySlug = pendingReads.get(q)
  if (bySlug === undefined) pendingReads.set(q, (bySlug = new Map()))
  let reads = bySlug.get(slug)
  if (reads === undefined) bySlug.set(slug, (reads = { running: false, queued: [] }))
  const state = reads
  return await new Promise<PublicCouncil>((resolve, reject) => {
    state.queued.push({ resolve, reject })
    // drainReads settles every waiter itself and never rejects, so nothing awaits it
    if (!state.running) drainReads(q, slug, state, bySlug)
  })
}

async function drainReads (
  q: Queryable,
  slug: string,
  state: SlugReads,
  bySlug: Map<string, SlugReads>
): Promise<void> {
  state.running = true
  while (state.queued.length > 0) {
    const batch = state.queued
    state.queued = []
    try {
      const row = await findPublicCouncil(q, slug)
      for (const w of batch) row === undefined ? w.reject(notFound('Council')) : w.resolve(row)
    } catch (err) {
      for (const w of batch) w.reject(err)
    }
  }
  state.running = false
  bySlug.delete(slug)
}
