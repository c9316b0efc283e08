// Routes for councils, users, tokens, "who am I" and the audit trail.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../use-cases/context.js'
import { etagOf, requireIfMatch } from '../../use-cases/concurrency.js'
import {
  createCouncil,
  createTokenForUser,
  createUser,
  getCouncil,
  listCouncils,
  listTokens,
  listUsers,
  revokeToken,
  setUserActive,
  updateCouncil
} from '../../use-cases/admin.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import { requireStaff } from '../../use-cases/access.js'
import { actorOf } from '../plugins/auth.js'
import { IF_MATCH_REQUIRED_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import {
  councilCreateSchema,
  councilPatchSchema,
  councilSchema,
  meSchema,
  tokenCreateSchema,
  tokenCreatedSchema,
  tokenSchema,
  userCreateSchema,
  userSchema
} from '../schemas/admin.js'
import { auditListSchema, auditQuery } from '../schemas/audit.js'
import { ctxOf } from './context.js'

export const adminRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/me',
    {
      config: { roles: ['admin', 'coordinator', 'reviewer', 'provider'] },
      schema: { tags: ['admin'], summary: 'Who the presented token belongs to', response: { 200: meSchema } }
    },
    async (request) => {
      const p = actorOf(request)
      if (p.kind !== 'user') throw new Error('unreachable')
      return { userId: p.userId, role: p.role, councilId: p.councilId, providerId: p.providerId }
    }
  )

  app.post(
    '/councils',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'Create a council (its default scheme version is installed)',
        body: councilCreateSchema,
        response: {
          201: councilSchema,
          ...problemResponses('COUNCIL_SLUG_TAKEN', 'SIZE_BOUNDS_INCONSISTENT', 'BRAND_COLOUR_TOO_LIGHT')
        }
      }
    },
    async (request, reply) => reply.code(201).send(await createCouncil(deps, ctxOf(request), request.body))
  )

  app.get(
    '/councils',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: 'List councils',
        response: { 200: z.object({ items: z.array(councilSchema) }) }
      }
    },
    async (request) => ({ items: await listCouncils(deps, ctxOf(request)) })
  )

  app.get(
    '/councils/:id',
    {
      config: { roles: ['admin', 'coordinator'] },
      schema: {
        tags: ['admin'],
        summary: 'Read a council',
        params: idParams,
        response: { 200: councilSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const row = await getCouncil(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.patch(
    '/councils/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: "Change a council's name or size-band bounds (size bands are recomputed)",
        params: idParams,
        headers: ifMatchHeaders,
        body: councilPatchSchema,
        response: {
          200: councilSchema,
          ...problemResponses(
            'NOT_FOUND', ...IF_MATCH_REQUIRED_CODES, 'SIZE_BOUNDS_INCONSISTENT', 'BRAND_COLOUR_TOO_LIGHT'
          )
        }
      }
    },
    async (request, reply) => {
      const row = await updateCouncil(
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
    '/users',
    {
      config: { roles: ['admin', 'coordinator'] },
      schema: {
        tags: ['admin'],
        summary: 'Create a user (co-ordinators: provider users of their council)',
        body: userCreateSchema,
        response: {
          201: userSchema,
          ...problemResponses(
            'FORBIDDEN', 'NOT_FOUND', 'ADMIN_HAS_NO_COUNCIL', 'COUNCIL_REQUIRED', 'PROVIDER_ID_MISMATCH'
          )
        }
      }
    },
    async (request, reply) => reply.code(201).send(await createUser(deps, ctxOf(request), request.body))
  )

  app.get(
    '/users',
    {
      config: { roles: ['admin', 'coordinator'] },
      schema: {
        tags: ['admin'],
        summary: 'List users (co-ordinators: their council)',
        querystring: z.strictObject({ councilId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(userSchema) }) }
      }
    },
    async (request) => ({ items: await listUsers(deps, ctxOf(request), request.query.councilId) })
  )

  app.post(
    '/users/:id/deactivate',
    {
      config: { roles: ['admin', 'coordinator'] },
      schema: {
        tags: ['admin'],
        summary: 'Deactivate a user: all their tokens stop working',
        params: idParams,
        response: { 200: userSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await setUserActive(deps, ctxOf(request), request.params.id, false)
  )

  app.post(
    '/users/:id/tokens',
    {
      config: { roles: ['admin', 'coordinator', 'reviewer', 'provider'] },
      schema: {
        tags: ['admin'],
        summary:
          "Issue a token for a user; the secret is in this answer only. Staff may not issue a provider's token (403)",
        params: idParams,
        body: tokenCreateSchema,
        response: {
          201: tokenCreatedSchema,
          ...problemResponses('NOT_FOUND', 'TOKEN_FOR_PROVIDER_REFUSED', 'USER_INACTIVE')
        }
      }
    },
    async (request, reply) => {
      const { token, record } = await createTokenForUser(
        deps,
        ctxOf(request),
        request.params.id,
        request.body.label,
        request.body.expiresAt === undefined ? null : new Date(request.body.expiresAt)
      )
      return await reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...record, token })
    }
  )

  app.get(
    '/users/:id/tokens',
    {
      config: { roles: ['admin', 'coordinator', 'reviewer', 'provider'] },
      schema: {
        tags: ['admin'],
        summary: "List a user's tokens (never the secrets)",
        params: idParams,
        response: { 200: z.object({ items: z.array(tokenSchema) }), ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => ({
      items: (await listTokens(deps, ctxOf(request), request.params.id)).map(({ tokenHash: _h, ...t }) => t)
    })
  )

  app.post(
    '/tokens/:id/revoke',
    {
      config: { roles: ['admin', 'coordinator', 'reviewer', 'provider'] },
      schema: {
        tags: ['admin'],
        summary: 'Revoke a token at once',
        params: idParams,
        response: { 200: tokenSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const { tokenHash: _h, ...t } = await revokeToken(deps, ctxOf(request), request.params.id)
      return t
    }
  )

  app.get(
    '/audit',
    {
      config: { roles: ['coordinator'] },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail of one record of your council (assessment, award, provider, ...)',
        querystring: auditQuery,
        response: { 200: auditListSchema }
      }
    },
    async (request) => {
      const staff = requireStaff(actorOf(request))
      return {
        items: await listAuditEvents(deps.db, staff.councilId, request.query.entityType, request.query.entityId)
      }
    }
  )
}
