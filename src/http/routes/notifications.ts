// Delivery status of the messages sent to a council's people, for staff to see who was not reached and why.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listDeliveries } from '../../use-cases/notifications.js'
import { deliveryListSchema, deliveryQuery } from '../schemas/notifications.js'
import { ctxOf } from './context.js'

export const notificationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { roles: ['coordinator', 'reviewer'] },
      schema: {
        tags: ['notifications'],
        summary: 'Messages sent to the council’s providers and staff, newest first, with their delivery status',
        querystring: deliveryQuery,
        response: { 200: deliveryListSchema }
      }
    },
    async (request, reply) => {
      // Addresses are personal data: never kept by a browser or proxy cache.
      reply.header('cache-control', 'no-store')
      return { items: await listDeliveries(deps, ctxOf(request), request.query) }
    }
  )
}
