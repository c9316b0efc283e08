// The service's front page at /: which councils run a Quality Mark here, with links to their directory
// and open data feed, and to the API documentation — so the address `npm start` prints leads somewhere.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listPublicCouncils } from '../../use-cases/publication/public-councils.js'
import { statementsView } from '../directory/council-pages.js'
import { homeView } from './home-page.js'

export const homeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const councils = await listPublicCouncils(deps.db)
    return await reply.header('cache-control', 'no-cache').page(200, 'home', homeView(councils))
  })
  // Pages of no council (the front page) link each council's own statements from their footer.
  for (const kind of ['accessibility', 'privacy'] as const) {
    app.get(`/${kind}`, { schema: { hide: true } }, async (_request, reply) => {
      const councils = await listPublicCouncils(deps.db)
      return await reply.header('cache-control', 'no-cache').page(200, 'statements', statementsView(kind, councils))
    })
  }
}
