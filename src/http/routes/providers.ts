// Routes of the provider registry: thin, each declaring its whole contract and who may call it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { etagOf, requireIfMatch } from '../../use-cases/concurrency.js'
import {
  createProvider,
  deactivateProvider,
  getProvider,
  listProviders,
  updateProvider
} from '../../use-cases/providers.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { idParams, ifMatchHeaders } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import {
  providerCreateSchema,
  providerListQuery,
  providerListSchema,
  providerPatchSchema,
  providerSchema
} from '../schemas/providers.js'
import { auditListSchema } from '../schemas/audit.js'
import { ctxOf } from './context.js'

export const providerRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers'],
        summary: 'Register a provider',
        body: providerCreateSchema,
        response: { 201: providerSchema, ...problemResponses(413, 415) }
      }
    },
    async (request, reply) => {
      const row = await createProvider(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('etag', etagOf(row.version))
        .header('location', `/api/v1/providers/${row.id}`)
        .send(row as never)
    }
  )

  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['providers'],
        summary: 'List providers (a provider token sees only its own)',
        querystring: providerListQuery,
        response: { 200: providerListSchema }
      }
    },
    async (request) => (await listProviders(deps, ctxOf(request), request.query)) as never
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['providers'],
        summary: 'Read a provider',
        params: idParams,
        response: { 200: providerSchema, ...problemResponses(404) }
      }
    },
    async (request, reply) => {
      const row = await getProvider(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(row.version)).send(row as never)
    }
  )

  app.patch(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['providers'],
        summary: 'Change a provider (send If-Match with the ETag you read)',
        params: idParams,
        headers: ifMatchHeaders,
        body: providerPatchSchema,
        response: { 200: providerSchema, ...problemResponses(404, 412, 428) }
      }
    },
    async (request, reply) => {
      const row = await updateProvider(
        deps,
        ctxOf(request),
        request.params.id,
        requireIfMatch(request.headers['if-match']),
        request.body
      )
      return await reply.header('etag', etagOf(row.version)).send(row as never)
    }
  )

  app.post(
    '/:id/deactivate',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers'],
        summary: 'Deactivate a provider that has left (its record and history are kept)',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(3).max(1000) }),
        response: { 200: providerSchema, ...problemResponses(404) }
      }
    },
    async (request) => (await deactivateProvider(deps, ctxOf(request), request.params.id, request.body.reason)) as never
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers', 'audit'],
        summary: "The provider record's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses(404) }
      }
    },
    async (request) => {
      const ctx = ctxOf(request)
      const provider = await getProvider(deps, ctx, request.params.id)
      return { items: await listAuditEvents(deps.db, provider.councilId, 'provider', provider.id) }
    }
  )
}
