// The provider's portal (README: For providers), registered with the prefix /provider: one plugin per page group,
// all with HTML error pages. Every page signs in through providerOrRedirect and acts through the API's use cases.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { useHtmlErrorPages } from '../plugin.js'
import { applicationRoutes } from './application-routes.js'
import { awardRoutes } from './award-routes.js'
import { decisionRoutes } from './decision-routes.js'
import { itemRoutes } from './item-routes.js'
import { keepingRoutes } from './keeping-routes.js'
import { listingRoutes } from './listing-routes.js'
import { standingRoutes } from './standing-routes.js'
import { withdrawRoutes } from './withdraw-routes.js'

export const providerPortalRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  await app.register(applicationRoutes, { deps })
  await app.register(itemRoutes, { deps })
  await app.register(standingRoutes, { deps })
  await app.register(decisionRoutes, { deps })
  await app.register(awardRoutes, { deps })
  await app.register(keepingRoutes, { deps })
  await app.register(listingRoutes, { deps })
  await app.register(withdrawRoutes, { deps })
}
