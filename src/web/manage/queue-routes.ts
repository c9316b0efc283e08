// The work queue, the co-ordinator's landing page (README: For co-ordinators). Registered with the prefix /manage.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { loadWorkQueue, QUEUE_SECTIONS } from '../../use-cases/work-queue.js'
import { keptPages } from '../kept-pages.js'
import { useHtmlErrorPages } from '../plugin.js'
import { pageCtx, staffOrRedirect } from '../portal.js'
import { queueView } from './queue-page.js'

// A filter the page did not offer is ignored rather than refused: the queue still shows.
const queueQuery = z.object({
  mine: z.literal('yes').optional().catch(undefined),
  section: z.enum(QUEUE_SECTIONS).optional().catch(undefined)
})

export const workQueueRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  // The page is a function of its sections, its filters and the day, and a kept answer of loadWorkQueue stands for
  // all three (they are its key; the layout names no one): it is rendered once per kept answer.
  const kept = keptPages()
  app.get('/', { schema: { hide: true, querystring: queueQuery } }, async (request, reply) => {
    const me = await staffOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const query = { mine: request.query.mine === 'yes', section: request.query.section }
    const sections = await loadWorkQueue(deps, ctx, query)
    const html = await kept.html(sections, '', async () =>
      await reply.renderPage('manage-queue', queueView(sections, query, ctx.now)))
    return await reply.sendPage(200, html)
  })
}
