// The native public feed at /api/v1/public/{council}: awards as a change feed, public fields only, no key,
// ETag + If-None-Match → 304 and a short, revalidated cache lifetime (src/domain/README.md: Publication).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LRUCache } from 'lru-cache'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Queryable } from '../../db/client.js'
import type { Deps } from '../../use-cases/context.js'
import type { PublicationFreshness } from '../../use-cases/publication/freshness.js'
import type { PublicCouncil } from '../../use-cases/publication/listings.js'
import { getPublicAward, listAwardChanges } from '../../use-cases/publication/native-feed.js'
import {
  cachedBody,
  createBodyCache,
  sendVersionedBody,
  versionedBody,
  versionedHeaders,
  type VersionedBody
} from '../page-cache.js'
import {
  changeFeedQuery,
  changeFeedSchema,
  feedAwardParams,
  feedCouncilParams,
  publicAwardSchema
} from '../schemas/feed.js'
import { problemResponses } from '../schemas/problem.js'

/** Short lifetime, then revalidate: a client may reuse a page for 30 s, a 304 afterwards costs one tiny query. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, must-revalidate'

/** Sends a versioned JSON body (gzip when accepted), or 304 when the client already holds it (RFC 9110 §13.1.2). */
export async function sendCachedJson (request: FastifyRequest, reply: FastifyReply, out: VersionedBody) {
  const { gzip, notModified } = versionedHeaders(request, reply, out.etag, PUBLIC_CACHE_CONTROL)
  if (notModified) return await reply.code(304).send()
  return await sendVersionedBody(reply, out, gzip, 'application/json; charset=utf-8')
}

/** Raw URLs remembered for the fast path, at most, and the longest remembered (a valid query is short). */
const KNOWN_URLS = 10_000
const KNOWN_URL_MAX_LENGTH = 512

/**
 * Serves one view of a council's public data: the council and its publication version first (from memory while
 * the instance hears announcements), then the body from the version-keyed cache or `compute` on a database at
 * least as new as that version, with ETag/304. One per route plugin (its own cache).
 *
 * A URL served once is remembered with its view, so the next request for the very same URL is answered before
 * fastify validates the query (the same raw URL always validates to the same view): in an `onRequest` hook, when
 * the council's version is known in memory (while listening; never after the listener is lost, until it is read
 * again) and that version's body is still cached. Anything else goes the whole way.
 */
export function publicViewServer (app: FastifyInstance, publication: PublicationFreshness) {
  const cache = createBodyCache()
  const views = new LRUCache<string, { slug: string; view: string }>({ max: KNOWN_URLS })
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return
    const known = views.get(request.url)
    const source = known === undefined ? undefined : publication.held(known.slug)
    if (known === undefined || source === undefined) return
    const body = cachedBody(cache, source.council, known.view)
    if (body !== undefined) return await sendCachedJson(request, reply, body)
  })
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    view: string,
    compute: (council: PublicCouncil, db: Queryable) => unknown
  ) => {
    const source = await publication.source(slug)
    const body = await versionedBody(cache, source.council, view, async () =>
      await publication.read(source, async (db) => await compute(source.council, db))
    )
    if (request.method === 'GET' && request.url.length <= KNOWN_URL_MAX_LENGTH) views.set(request.url, { slug, view })
    return await sendCachedJson(request, reply, body)
  }
}

/** Options of the public feeds' route plugins. */
export interface PublicFeedOptions {
  deps: Deps
  publication: PublicationFreshness
}

export const feedRoutes: FastifyPluginAsyncZod<PublicFeedOptions> = async (app, { deps, publication }) => {
  const serve = publicViewServer(app, publication)
  const base = deps.config.publicBaseUrl

  app.get(
    '/awards',
    {
      schema: {
        tags: ['public-feed'],
        summary:
          "Change feed of a council's awards, oldest change first; follow nextCursor, then poll with modified_after",
        params: feedCouncilParams,
        querystring: changeFeedQuery,
        response: { 200: changeFeedSchema, ...problemResponses('NOT_FOUND', 'INVALID_CURSOR') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `awards:${JSON.stringify(request.query)}`,
        async (council, db) => await listAwardChanges(db, council, base, request.query)
      )
  )

  app.get(
    '/awards/:id',
    {
      schema: {
        tags: ['public-feed'],
        summary: 'One award as published now',
        params: feedAwardParams,
        response: { 200: publicAwardSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) =>
      await serve(
        request,
        reply,
        request.params.council,
        `award:${request.params.id}`,
        async (council, db) => await getPublicAward(db, council, base, request.params.id)
      )
  )
}
