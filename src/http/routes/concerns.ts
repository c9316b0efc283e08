// Routes of concerns about providers: one endpoint per lifecycle action, staff-only except reading.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { parseIfMatch } from '../../use-cases/concurrency.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import {
  closeConcern,
  getConcern,
  listConcerns,
  raiseConcern,
  recordConcernOutcome,
  reinstateAwardAfterConcern,
  startConcernInvestigation,
  triageConcern
} from '../../use-cases/concerns.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { IF_MATCH_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { auditListSchema } from '../schemas/audit.js'
import { problemResponses } from '../schemas/problem.js'
import {
  concernCreateSchema,
  concernListQuery,
  concernListSchema,
  concernNoteSchema,
  concernOutcomeSchema,
  concernReinstateSchema,
  concernSchema,
  concernTriageSchema
} from '../schemas/concerns.js'
import { ctxOf } from './context.js'

/** What every change to a concern may answer (src/use-cases/concerns.ts: lockConcern). */
const CHANGE_CODES = ['NOT_FOUND', ...IF_MATCH_CODES] as const
const actionResponses = { 200: concernSchema, ...problemResponses(...CHANGE_CODES, 'CONCERN_TRANSITION_NOT_ALLOWED') }
type ConcernBody = z.input<typeof concernSchema>

export const concernRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['concerns'],
        summary: 'Record a concern received about a provider',
        body: concernCreateSchema,
        response: { 201: concernSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request, reply) => {
      const row = await raiseConcern(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('location', `/api/v1/concerns/${row.id}`)
        .send(row)
    }
  )

  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['concerns'],
        summary: 'List concerns (a provider sees only those disclosed to it)',
        querystring: concernListQuery,
        response: { 200: concernListSchema }
      }
    },
    async (request) => (await listConcerns(deps, ctxOf(request), request.query))
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['concerns'],
        summary: 'Read a concern',
        params: idParams,
        response: { 200: concernSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => (await getConcern(deps, ctxOf(request), request.params.id))
  )

  // One endpoint per lifecycle action, all alike: staff only, optional If-Match, the concern back.
  const action = <B extends z.ZodObject>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: Ctx, id: string, input: z.infer<B> & { expectedVersion: number | undefined }) => Promise<ConcernBody>
  ) => {
    app.post(
      path,
      {
        config: { roles: staffRoles },
        schema: {
          tags: ['concerns'],
          summary,
          params: idParams,
          headers: ifMatchHeaders,
          body,
          response: actionResponses
        }
      },
      // Fastify validated the body against `body`; a generic route cannot name its type, so the (already valid)
      // body is parsed once more for it — these schemas only check, so a second parse changes nothing.
      async (request) => await run(ctxOf(request), request.params.id, {
        ...body.parse(request.body),
        expectedVersion: parseIfMatch(request.headers['if-match'])
      })
    )
  }
  action(
    '/:id/triage',
    "Triage or re-triage; safeguarding suspends the provider's live award",
    concernTriageSchema,
    async (ctx, id, input) => await triageConcern(deps, ctx, id, input)
  )
  action(
    '/:id/start-investigation',
    'Start investigating a triaged concern',
    concernNoteSchema,
    async (ctx, id, input) => await startConcernInvestigation(deps, ctx, id, input)
  )
  action(
    '/:id/outcome',
    "Record the investigation's outcome",
    concernOutcomeSchema,
    async (ctx, id, input) => await recordConcernOutcome(deps, ctx, id, input)
  )
  action(
    '/:id/close',
    'Close a concern that has an outcome',
    concernNoteSchema,
    async (ctx, id, input) => await closeConcern(deps, ctx, id, input)
  )

  app.post(
    '/:id/reinstate-award',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['concerns'],
        summary: 'Reinstate the award a closed safeguarding concern suspended (refused while another is open)',
        params: idParams,
        headers: ifMatchHeaders,
        body: concernReinstateSchema,
        response: {
          200: z.object({
            concern: concernSchema,
            award: z.object({ id: z.uuid(), status: z.string(), version: z.number().int() })
          }),
          ...problemResponses(
            ...CHANGE_CODES,
            'CONCERN_NOT_CLOSED',
            'CONCERN_SUSPENDED_NO_AWARD',
            'SAFEGUARDING_CONCERN_OPEN',
            'AWARD_TRANSITION_NOT_ALLOWED'
          )
        }
      }
    },
    async (request) =>
      (await reinstateAwardAfterConcern(deps, ctxOf(request), request.params.id, {
        ...request.body,
        expectedVersion: parseIfMatch(request.headers['if-match'])
      }))
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['concerns', 'audit'],
        summary: "The concern's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const concern = await getConcern(deps, ctxOf(request), request.params.id)
      return { items: await listAuditEvents(deps.db, concern.councilId, 'concern', concern.id) }
    }
  )
}
