// Public badges: GET /badges/{awardId}.svg states the award's truth now (a revoked, suspended or expired mark
// says so) and revalidates by the council's version. Its verification page is in src/web/verify.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { loadAwardTruth } from '../../use-cases/publication/award-truth.js'
import { etagOfView, matchesIfNoneMatch } from '../page-cache.js'
import { renderBadge } from '../../render/badge-svg.js'
import { problemResponses } from '../schemas/problem.js'
import { PUBLIC_CACHE_CONTROL } from './feed.js'

const badgeParams = z.object({ file: z.string().regex(/^[0-9a-f-]{36}\.svg$/i, 'must be {awardId}.svg') })

export const badgeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/badges/:file',
    {
      schema: {
        tags: ['badges'],
        summary: 'An SVG badge of one award, linking to its verification page',
        params: badgeParams,
        produces: ['image/svg+xml'],
        response: problemResponses('NOT_FOUND')
      }
    },
    async (request, reply) => await sendBadge(deps, request, reply, request.params.file.slice(0, 36).toLowerCase())
  )
}

/** The badge, or 304 when the client holds it; an SVG body, not the JSON the route's schemas describe. */
async function sendBadge (deps: Deps, request: FastifyRequest, reply: FastifyReply, awardId: string) {
  const truth = await loadAwardTruth(deps.db, awardId)
  const etag = etagOfView(truth.council, `badge:${awardId}`)
  reply.header('etag', etag).header('cache-control', PUBLIC_CACHE_CONTROL)
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return await reply.code(304).send()
  // Embedded on providers' own sites: allow cross-origin use of the image.
  reply.header('cross-origin-resource-policy', 'cross-origin')
  return await reply
    .type('image/svg+xml; charset=utf-8')
    .send(renderBadge(truth, `${deps.config.publicBaseUrl}/verify/${awardId}`).value)
}
