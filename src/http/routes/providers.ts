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
import { eraseProvider, exportProviderData } from '../../use-cases/provider-data.js'
import { sendFile } from '../file-reply.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { IF_MATCH_REQUIRED_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
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
        response: { 201: providerSchema, ...problemResponses('UNKNOWN_POSTCODE') }
      }
    },
    async (request, reply) => {
      const row = await createProvider(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('etag', etagOf(row.version))
        .header('location', `/api/v1/providers/${row.id}`)
        .send(row)
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
    async (request) => (await listProviders(deps, ctxOf(request), request.query))
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['providers'],
        summary: 'Read a provider',
        params: idParams,
        response: { 200: providerSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const row = await getProvider(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(row.version)).send(row)
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
        response: {
          200: providerSchema,
          ...problemResponses('NOT_FOUND', 'FORBIDDEN', ...IF_MATCH_REQUIRED_CODES, 'UNKNOWN_POSTCODE')
        }
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
      return await reply.header('etag', etagOf(row.version)).send(row)
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
        response: { 200: providerSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => (await deactivateProvider(deps, ctxOf(request), request.params.id, request.body.reason))
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers', 'audit'],
        summary: "The provider record's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const ctx = ctxOf(request)
      const provider = await getProvider(deps, ctx, request.params.id)
      return { items: await listAuditEvents(deps.db, provider.councilId, 'provider', provider.id) }
    }
  )

  app.get(
    '/:id/export',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers'],
        summary:
          'Export everything held about a provider and its people: provider.json and the evidence files, one zip ' +
          'archive (refused while an appeal or concern is open)',
        produces: ['application/zip'],
        params: idParams,
        response: { 200: z.any().describe('A zip archive'), ...problemResponses('NOT_FOUND', 'PROVIDER_CASE_OPEN') }
      }
    },
    async (request, reply) => {
      const { filename, zip } = await exportProviderData(deps, ctxOf(request), request.params.id)
      return await sendFile(reply, { type: 'application/zip', filename }, zip)
    }
  )

  app.post(
    '/:id/erasure',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['providers'],
        summary:
          "Erase a provider's personal data on request, keeping its awards as published, anonymous answers and the " +
          "audit's shape (refused while an appeal or concern is open; confirm with the provider's name)",
        params: idParams,
        body: z.strictObject({
          confirm: z.string().max(1000).describe("The provider's name, exactly as registered: erasure cannot be undone")
        }),
        response: {
          200: z.object({ providerId: z.uuid(), erasedAt: z.iso.datetime() }).meta({ id: 'ProviderErasure' }),
          ...problemResponses('NOT_FOUND', 'PROVIDER_CASE_OPEN', 'PROVIDER_ALREADY_ERASED', 'ERASURE_NOT_CONFIRMED')
        }
      }
    },
    async (request) => await eraseProvider(deps, ctxOf(request), request.params.id, request.body)
  )
}
