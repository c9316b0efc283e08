// Serialised public responses keyed by the council's publication version (a database counter bumped by
// triggers on every change): a hit is never stale, whichever instance made the change (issue 6 §6).
import { LRUCache } from 'lru-cache'
import { sha256Hex } from '../tokens.js'
import type { PublicCouncil } from './listings.js'

export interface VersionedBody { etag: string, body: string }

export type BodyCache = LRUCache<string, string>

/** One per route plugin: at most `maxBytes` of JSON kept, least recently used evicted first. */
export const createBodyCache = (maxBytes = 32 * 1024 * 1024): BodyCache =>
  new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (v) => Math.max(1, v.length) })

/** The validator of one view of a council's data: changes whenever the data or the view (query) changes. */
export const etagOfView = (council: PublicCouncil, view: string): string =>
  `"${council.id.slice(0, 8)}.${council.version}.${sha256Hex(view).slice(0, 12)}"`

/**
 * The view's body from the cache or computed now. The council (and its version) must have been read before
 * the data `compute` reads, so a body is never older than the version it is filed under.
 */
export async function versionedBody (cache: BodyCache, council: PublicCouncil, view: string, compute: () => Promise<unknown> | unknown): Promise<VersionedBody> {
  const etag = etagOfView(council, view)
  const key = `${council.id}${etag}`
  let body = cache.get(key)
  if (body === undefined) {
    body = JSON.stringify(await compute())
    cache.set(key, body)
  }
  return { etag, body }
}

/** RFC 9110 §13.1.2: If-None-Match matches any listed tag by weak comparison, or "*". */
export function matchesIfNoneMatch (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag))
}
