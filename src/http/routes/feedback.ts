// Feedback API routes: invitations, interview entry, responses and moderation for co-ordinators, aggregates for
// providers and co-ordinators. The respondent's web form is in src/web/feedback.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import {
  createFeedbackInvitations,
  listFeedbackInvitations,
  revokeFeedbackInvitation
} from '../../use-cases/feedback-invitations.js'
import {
  flagFeedbackSafeguarding,
  listFeedbackResponses,
  moderateFeedbackComment,
  recordInterviewFeedback
} from '../../use-cases/feedback-responses.js'
import { getAssessmentFeedbackAggregate, getProviderFeedbackAggregate } from '../../use-cases/feedback-aggregates.js'
import { providerSideRoles, staffRoles } from '../plugins/auth.js'
import { idParams } from '../schemas/common.js'
import { problemResponses } from '../schemas/problem.js'
import {
  aggregateSchema,
  createdInvitationsSchema,
  interviewResponseCreateSchema,
  invitationListSchema,
  invitationSchema,
  invitationsCreateSchema,
  moderationSchema,
  responseListQuery,
  responseListSchema,
  responseSchema,
  safeguardingFlagResultSchema,
  safeguardingFlagSchema
} from '../schemas/feedback.js'
import { ctxOf } from './context.js'

const tags = ['feedback']

export const feedbackRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/assessments/:id/feedback-invitations',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Create single-use feedback links (each shown in this answer only)',
        params: idParams,
        body: invitationsCreateSchema,
        response: {
          201: createdInvitationsSchema,
          ...problemResponses('NOT_FOUND', 'FEEDBACK_CLOSED', 'FEEDBACK_INVITATION_INVALID')
        }
      }
    },
    async (request, reply) => {
      const created = await createFeedbackInvitations(deps, ctxOf(request), request.params.id, request.body)
      return await reply.code(201).header('cache-control', 'no-store').send(created)
    }
  )

  app.get(
    '/assessments/:id/feedback-invitations',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: "List an assessment's invitations: used, unused, expired, revoked (never the links)",
        params: idParams,
        response: { 200: invitationListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await listFeedbackInvitations(deps, ctxOf(request), request.params.id)
  )

  app.post(
    '/feedback-invitations/:id/revoke',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Revoke an unused invitation',
        params: idParams,
        response: { 200: invitationSchema, ...problemResponses('NOT_FOUND', 'FEEDBACK_INVITATION_USED') }
      }
    },
    async (request) => await revokeFeedbackInvitation(deps, ctxOf(request), request.params.id)
  )

  app.post(
    '/assessments/:id/feedback-responses',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Record answers gathered in an interview or with assistance',
        params: idParams,
        body: interviewResponseCreateSchema,
        response: {
          201: responseSchema,
          ...problemResponses('NOT_FOUND', 'FEEDBACK_CLOSED', 'FEEDBACK_ANSWERS_INVALID')
        }
      }
    },
    async (request, reply) =>
      await reply.code(201).send(await recordInterviewFeedback(deps, ctxOf(request), request.params.id, request.body))
  )

  app.get(
    '/assessments/:id/feedback-responses',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary:
          "The assessment's anonymous responses with their comments (co-ordinators only); " +
          'link answers appear in batches',
        params: idParams,
        querystring: responseListQuery,
        response: { 200: responseListSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await listFeedbackResponses(deps, ctxOf(request), request.params.id, request.query)
  )

  app.post(
    '/feedback-responses/:id/comment-moderation',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: "Approve or hide a response's comment",
        params: idParams,
        body: moderationSchema,
        response: { 200: responseSchema, ...problemResponses('NOT_FOUND', 'FEEDBACK_NO_COMMENT') }
      }
    },
    async (request) => await moderateFeedbackComment(deps, ctxOf(request), request.params.id, request.body)
  )

  app.post(
    '/feedback-responses/:id/safeguarding',
    {
      config: { roles: staffRoles },
      schema: {
        tags,
        summary: 'Flag a response for safeguarding: opens a concern',
        params: idParams,
        body: safeguardingFlagSchema,
        response: { 200: safeguardingFlagResultSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await flagFeedbackSafeguarding(deps, ctxOf(request), request.params.id, request.body)
  )

  app.get(
    '/assessments/:id/feedback-aggregate',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: 'Answer counts, means, Q, G and n for an assessment (hidden from providers below 3 responses)',
        params: idParams,
        response: { 200: aggregateSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await getAssessmentFeedbackAggregate(deps, ctxOf(request), request.params.id)
  )

  app.get(
    '/providers/:id/feedback-aggregate',
    {
      config: { roles: providerSideRoles },
      schema: {
        tags,
        summary: 'Answer counts, means, Q, G and n for a provider (hidden from providers below 3 responses)',
        params: idParams,
        response: { 200: aggregateSchema, ...problemResponses('NOT_FOUND') }
      }
    },
    async (request) => await getProviderFeedbackAggregate(deps, ctxOf(request), request.params.id)
  )
}
