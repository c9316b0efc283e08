// Public badges and verification pages: GET /badges/{awardId}.svg and GET /verify/{awardId}. Both state the
// award's truth now (a revoked, suspended or expired mark says so) and revalidate by the council's version.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { loadAwardTruth } from '../../use-cases/publication/award-truth.js'
import { etagOfView, matchesIfNoneMatch } from '../page-cache.js'
import { useHtmlErrorPages } from '../../web/plugin.js'
import { renderBadge } from '../../web/verify/badge-svg.js'
import { renderVerifyPage } from '../../web/verify/verify-page.js'
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
        produces: ['image/svg+xml']
      }
    },
    async (request, reply) => {
      const awardId = request.params.file.slice(0, 36).toLowerCase()
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
  )

  await app.register(
    async (pages) => {
      useHtmlErrorPages(pages)
      pages.withTypeProvider<ZodTypeProvider>().get(
        '/:id',
        {
          schema: { hide: true, params: z.object({ id: z.uuid() }) }
        },
        async (request, reply) => {
          const truth = await loadAwardTruth(deps.db, request.params.id)
          return reply.header('cache-control', 'no-cache').html(200, renderVerifyPage(truth, deps.clock()))
        }
      )
    },
    { prefix: '/verify' }
  )
}
