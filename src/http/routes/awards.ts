// Routes of awards: read (staff: their council; provider: its own) and the co-ordinators' lifecycle actions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import { changeAward, getAward, listAwards } from '../../use-cases/awards.js'
import { etagOf, parseIfMatch } from '../../use-cases/concurrency.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { auditListSchema } from '../schemas/audit.js'
import { awardActionSchema, awardListQuery, awardListSchema, awardSchema, suspendSchema } from '../schemas/awards.js'
import { IF_MATCH_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import { ctxOf } from './context.js'

export const awardRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['awards'],
        summary: 'List awards (a provider token sees only its own)',
        querystring: awardListQuery,
        response: { 200: awardListSchema }
      }
    },
    async (request) => (await listAwards(deps, ctxOf(request), request.query))
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['awards'],
        summary: 'Read an award',
        params: idParams,
        response: { 200: awardSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const row = await getAward(deps, ctxOf(request), request.params.id)
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['awards', 'audit'],
        summary: "The award's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const award = await getAward(deps, ctxOf(request), request.params.id)
      return { items: await listAuditEvents(deps.db, award.councilId, 'award', award.id) }
    }
  )

  const actionSchema = (summary: string) => ({
    tags: ['awards'],
    summary,
    params: idParams,
    headers: ifMatchHeaders,
    body: awardActionSchema,
    response: { 200: awardSchema, ...problemResponses('NOT_FOUND', ...IF_MATCH_CODES, 'AWARD_TRANSITION_NOT_ALLOWED') }
  })

  app.post(
    '/:id/suspend',
    {
      config: { roles: staffRoles },
      schema: {
        ...actionSchema('Suspend an active or renewal-due award (the reason is never published)'),
        body: suspendSchema
      }
    },
    async (request, reply) => {
      const { reason, note } = request.body
      const row = await changeAward(
        deps,
        ctxOf(request),
        request.params.id,
        'suspend',
        note === undefined ? reason : `${reason}: ${note}`,
        parseIfMatch(request.headers['if-match'])
      )
      return await reply.header('etag', etagOf(row.version)).send(row)
    }
  )

  const actions = [
    ['reinstate', 'reinstate', 'Reinstate a suspended award'],
    ['revoke', 'revoke', 'Revoke a suspended award'],
    ['withdraw', 'withdraw', 'Withdraw an award (the provider leaves the scheme)']
  ] as const
  for (const [path, event, summary] of actions) {
    app.post(
      `/:id/${path}`,
      { config: { roles: staffRoles }, schema: actionSchema(summary) },
      async (request, reply) => {
        const row = await changeAward(
          deps,
          ctxOf(request),
          request.params.id,
          event,
          request.body.reason,
          parseIfMatch(request.headers['if-match'])
        )
        return await reply.header('etag', etagOf(row.version)).send(row)
      }
    )
  }
}
