// Serialised public responses keyed by the council's publication version (a database counter bumped by
// triggers on every change): a hit is never stale, whichever instance made the change (README: Publication).
import { gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'
import { sha256Hex } from '../use-cases/tokens.js'
import type { PublicCouncil } from '../use-cases/publication/listings.js'

// Bytes, not strings: UTF-8 encoding and gzip are done once per version, not once per response.
export interface VersionedBody {
  etag: string
  body: Buffer
  gzipped: () => Buffer
}

export type BodyCache = LRUCache<string, Buffer>

/** The ETag of the gzip representation: a different validator for different bytes (RFC 9110 §8.8.3). */
export const gzipEtagOf = (etag: string): string => `${etag.slice(0, -1)}-gz"`

// What an entry costs beyond its bytes: the Buffer and ArrayBuffer objects, the backing store's bookkeeping and
// the LRU's map slot (measured with scripts/bench-memory.ts, rounded up).
const ENTRY_OVERHEAD_BYTES = 512

/**
 * One per route plugin: at most `maxBytes` of memory really retained, least recently used evicted first. An
 * entry counts the whole ArrayBuffer it keeps alive, not its length, so a slice can never pin more than is
 * counted (README: Publication, memory).
 */
export const createBodyCache = (maxBytes = 16 * 1024 * 1024): BodyCache =>
  new LRUCache<string, Buffer>({
    maxSize: maxBytes,
    sizeCalculation: (v, key) => v.buffer.byteLength + key.length + ENTRY_OVERHEAD_BYTES
  })

/**
 * The bytes in a buffer of their own. Small Buffers are views of Node's shared 8 KB pool slabs and a small gzip
 * output is a view of a 16 KB zlib chunk: kept as they are, each would hold its whole block alive.
 */
export function ownBytes (b: Buffer): Buffer {
  if (b.byteOffset === 0 && b.buffer.byteLength === b.length) return b
  const own = Buffer.allocUnsafeSlow(b.length)
  b.copy(own)
  return own
}

/** The validator of one view of a council's data: changes whenever the data or the view (query) changes. */
export const etagOfView = (council: PublicCouncil, view: string): string =>
  `"${council.id.slice(0, 8)}.${council.version}.${sha256Hex(view).slice(0, 12)}"`

/**
 * The view's body from the cache or computed now. The council (and its version) must have been read before
 * the data `compute` reads, so a body is never older than the version it is filed under.
 */
export async function versionedBody (
  cache: BodyCache,
  council: PublicCouncil,
  view: string,
  compute: () => Promise<unknown> | unknown
): Promise<VersionedBody> {
  const kept = cachedBody(cache, council, view)
  if (kept !== undefined) return kept
  const etag = etagOfView(council, view)
  const key = `${council.id}${etag}`
  const body = ownBytes(Buffer.from(JSON.stringify(await compute())))
  cache.set(key, body)
  return withGzip(cache, key, etag, body, true)
}

/** The view's body at the council's version when it is still cached, or undefined. */
export function cachedBody (cache: BodyCache, council: PublicCouncil, view: string): VersionedBody | undefined {
  const etag = etagOfView(council, view)
  const key = `${council.id}${etag}`
  const body = cache.get(key)
  return body === undefined ? undefined : withGzip(cache, key, etag, body, true)
}

/**
 * A body filed under `key` with its gzip bytes, compressed on first demand and, when `keep`, kept beside it so
 * that is done once per version (worth the smallest bytes then).
 */
export function withGzip (cache: BodyCache, key: string, etag: string, body: Buffer, keep: boolean): VersionedBody {
  const gzipped = () => {
    let gz = keep ? cache.get(`${key}gz`) : undefined
    if (gz === undefined) {
      gz = ownBytes(gzipSync(body, { level: 9 }))
      if (keep) cache.set(`${key}gz`, gz)
    }
    return gz
  }
  return { etag, body, gzipped }
}

/**
 * The headers of a versioned body — its validator (the gzip representation's own, RFC 9110 §8.8.3), caching and
 * Vary — and whether the client takes gzip and already holds this version (answer 304 then).
 */
export function versionedHeaders (request: FastifyRequest, reply: FastifyReply, etag: string, cacheControl: string) {
  const gzip = acceptsGzip(request.headers['accept-encoding'])
  reply
    .header('etag', gzip ? gzipEtagOf(etag) : etag)
    .header('cache-control', cacheControl)
    .header('vary', 'accept-encoding')
  return { gzip, notModified: matchesIfNoneMatch(request.headers['if-none-match'], etag) }
}

/** Sends a versioned body as `type`, gzipped when the client takes it. */
export async function sendVersionedBody (reply: FastifyReply, out: VersionedBody, gzip: boolean, type: string) {
  reply.type(type)
  return gzip ? await reply.header('content-encoding', 'gzip').send(out.gzipped()) : await reply.send(out.body)
}

/** True when the client takes gzip (Accept-Encoding lists it without q=0). */
export const acceptsGzip = (header: string | undefined): boolean =>
  header !== undefined &&
  header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))
  })

/** RFC 9110 §13.1.2: If-None-Match matches any listed tag by weak comparison, or "*". */
export function matchesIfNoneMatch (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag) || bare(t) === gzipEtagOf(etag))
}
