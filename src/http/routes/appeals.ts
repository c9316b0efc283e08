// Routes of appeals: the provider lodges and may withdraw; staff acknowledge and close; a reviewer hears and decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import type { Ctx, Deps } from '../../use-cases/context.js'
import { parseIfMatch } from '../../use-cases/concurrency.js'
import { listAuditEvents } from '../../use-cases/audit.js'
import {
  actOnAppeal,
  decideAppeal,
  getAppeal,
  listAppeals,
  lodgeAppeal,
  startAppealReview,
  withdrawAppeal
} from '../../use-cases/appeals.js'
import type { UserRole } from '../../db/schema/index.js'
import type { ErrorCode } from '../../domain/errors.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { IF_MATCH_CODES, idParams, ifMatchHeaders } from '../schemas/common.js'
import { auditListSchema } from '../schemas/audit.js'
import { problemResponses } from '../schemas/problem.js'
import {
  appealDecidedSchema,
  appealDecisionSchema,
  appealListQuery,
  appealListSchema,
  appealLodgeSchema,
  appealNoteSchema,
  appealSchema
} from '../schemas/appeals.js'
import { ctxOf } from './context.js'

/** What every step of an appeal may answer (src/use-cases/appeals.ts: lockAppeal, moveAppeal). */
const STEP_CODES = ['NOT_FOUND', ...IF_MATCH_CODES, 'APPEAL_TRANSITION_NOT_ALLOWED'] as const

export const appealRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/',
    {
      config: { roles: ['provider'] },
      schema: {
        tags: ['appeals'],
        summary: "Lodge an appeal within the scheme's appeal window (28 days by default)",
        body: appealLodgeSchema,
        response: {
          201: appealSchema,
          ...problemResponses(
            'NOT_FOUND',
            'APPEAL_SUBJECT_INVALID',
            'APPEAL_SUBJECT_UNKNOWN',
            'APPEAL_BEFORE_SUBJECT',
            'APPEAL_WINDOW_CLOSED',
            'APPEAL_ALREADY_OPEN'
          )
        }
      }
    },
    async (request, reply) => {
      const row = await lodgeAppeal(deps, ctxOf(request), request.body)
      return await reply
        .code(201)
        .header('location', `/api/v1/appeals/${row.id}`)
        .send(row)
    }
  )

  app.get(
    '/',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['appeals'],
        summary: 'List appeals (a provider sees its own)',
        querystring: appealListQuery,
        response: { 200: appealListSchema }
      }
    },
    async (request) => (await listAppeals(deps, ctxOf(request), request.query))
  )

  app.get(
    '/:id',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags: ['appeals'],
        summary: 'Read an appeal',
        params: idParams,
        response: { 200: appealSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => (await getAppeal(deps, ctxOf(request), request.params.id))
  )

  // The note-only steps, all alike: optional If-Match, the appeal back.
  const action = (
    path: string,
    roles: UserRole[],
    summary: string,
    codes: readonly ErrorCode[],
    run: (
      ctx: Ctx,
      id: string,
      input: { reason?: string | undefined; expectedVersion: number | undefined }
    ) => Promise<z.input<typeof appealSchema>>
  ) => {
    app.post(
      path,
      {
        config: { roles },
        schema: {
          tags: ['appeals'],
          summary,
          params: idParams,
          headers: ifMatchHeaders,
          body: appealNoteSchema,
          response: { 200: appealSchema, ...problemResponses(...STEP_CODES, ...codes) }
        }
      },
      async (request) =>
        (await run(ctxOf(request), request.params.id, {
          ...request.body,
          expectedVersion: parseIfMatch(request.headers['if-match'])
        }))
    )
  }
  action(
    '/:id/acknowledge',
    staffRoles,
    'Acknowledge a lodged appeal',
    [],
    async (ctx, id, input) => await actOnAppeal(deps, ctx, id, 'acknowledge', input)
  )
  action(
    '/:id/start-review',
    ['reviewer'],
    'A reviewer who did not make the decision takes the appeal',
    ['REVIEWER_NOT_INDEPENDENT'],
    async (ctx, id, input) => await startAppealReview(deps, ctx, id, input)
  )
  action(
    '/:id/close',
    staffRoles,
    'Close a decided appeal',
    [],
    async (ctx, id, input) => await actOnAppeal(deps, ctx, id, 'close', input)
  )
  action(
    '/:id/withdraw',
    ['provider'],
    'The provider withdraws its appeal before it is decided',
    [],
    async (ctx, id, input) => await withdrawAppeal(deps, ctx, id, input)
  )

  app.post(
    '/:id/decide',
    {
      config: { roles: ['reviewer'] },
      schema: {
        tags: ['appeals'],
        summary:
          'The hearing reviewer decides; an upheld appeal applies its outcome (reinstatement, an award, or a ' +
            'reassessment)',
        params: idParams,
        headers: ifMatchHeaders,
        body: appealDecisionSchema,
        response: {
          200: appealDecidedSchema,
          ...problemResponses(
            ...STEP_CODES,
            'FORBIDDEN', // not the reviewer hearing it
            'APPEAL_LEVEL_NOT_APPLICABLE',
            'APPEAL_LEVEL_ABOVE_COMPUTED',
            // applying an upheld appeal: reinstating or issuing an award, or opening a reassessment
            'SAFEGUARDING_CONCERN_OPEN',
            'AWARD_TRANSITION_NOT_ALLOWED',
            'ASSESSMENT_ALREADY_OPEN',
            'SCHEME_NOT_PUBLISHED'
          )
        }
      }
    },
    async (request) =>
      (await decideAppeal(deps, ctxOf(request), request.params.id, {
        ...request.body,
        expectedVersion: parseIfMatch(request.headers['if-match'])
      }))
  )

  app.get(
    '/:id/history',
    {
      config: { roles: staffRoles },
      schema: {
        tags: ['appeals', 'audit'],
        summary: "The appeal's audit trail",
        params: idParams,
        response: { 200: auditListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => {
      const appeal = await getAppeal(deps, ctxOf(request), request.params.id)
      return { items: await listAuditEvents(deps.db, appeal.councilId, 'appeal', appeal.id) }
    }
  )
}
