// The service's front page at /: which councils run a Quality Mark here, with links to their directory
// and open data feed, and to the API documentation — so the address `npm start` prints leads somewhere.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listPublicCouncils } from '../../use-cases/publication/public-councils.js'
import { homeView } from './home-page.js'

export const homeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const councils = await listPublicCouncils(deps.db)
    return await reply.header('cache-control', 'no-cache').page(200, 'home', homeView(councils))
  })
}
