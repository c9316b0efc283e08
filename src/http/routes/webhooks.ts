// Webhook routes for co-ordinators: register a directory's endpoint (secret shown once), list, stop, and read
// the delivery log. Deliveries themselves are sent by deliverWebhooks, run by the scheduler.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import {
  deactivateWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook
} from '../../use-cases/webhooks.js'
import { staffRoles } from '../plugins/auth.js'
import { idParams } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import {
  deliveryListSchema,
  deliveryQuery,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookListSchema,
  webhookSchema
} from '../schemas/webhooks.js'
import { ctxOf } from './context.js'

const tags = ['webhooks']

export const webhookRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: "Register a directory's endpoint for award events; the signing secret is in this answer only",
        body: webhookCreateSchema,
        response: { 201: webhookCreatedSchema, ...problemResponses('WEBHOOK_URL_NOT_ALLOWED', 'WEBHOOK_LIMIT_REACHED') }
      }
    },
    async (request, reply) => {
      const row = await registerWebhook(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('location', `/api/v1/webhooks/${row.id}`)
        .header('cache-control', 'no-store')
        .send(row)
    }
  )

  app.get(
    '/',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: "The council's webhook subscriptions (never their secrets)",
        response: { 200: webhookListSchema }
      }
    },
    async (request) => ({ items: await listWebhooks(deps, ctxOf(request)) })
  )

  app.get(
    '/:id',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'One subscription',
        params: idParams,
        response: { 200: webhookSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await getWebhook(deps, ctxOf(request), request.params.id)
  )

  app.delete(
    '/:id',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Stop a subscription (pending deliveries are abandoned; the log stays)',
        params: idParams,
        response: { 200: webhookSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await deactivateWebhook(deps, ctxOf(request), request.params.id)
  )

  app.get(
    '/:id/deliveries',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'The delivery log: every event, its attempts, statuses and the next retry',
        params: idParams,
        querystring: deliveryQuery,
        response: { 200: deliveryListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await listWebhookDeliveries(deps, ctxOf(request), request.params.id, request.query)
  )
}
