// GET /verify/{awardId}: the page a badge links to, stating the award's truth now (src/domain/README.md: Badge).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { loadAwardTruth } from '../../use-cases/publication/award-truth.js'
import { useHtmlErrorPages } from '../plugin.js'
import { verifyView } from './verify-page.js'

export const verifyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  app.get('/:id', { schema: { hide: true, params: z.object({ id: z.uuid() }) } }, async (request, reply) => {
    const truth = await loadAwardTruth(deps.db, request.params.id)
    return await reply.header('cache-control', 'no-cache').page(200, 'verify', verifyView(truth, deps.clock()))
  })
}
