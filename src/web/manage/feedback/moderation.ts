// The moderation queue (README: Feedback letters and interviews): comments people wrote, waiting ones first, each
// approved or hidden with one button (the API's use case, audited); no answers are shown beside a comment, so none
// is attributed. Post/Redirect/Get back to the queue.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../../use-cases/context.js'
import { getFeedbackTarget } from '../../../use-cases/feedback-collections.js'
import { listFeedbackResponses, moderateFeedbackComment } from '../../../use-cases/feedback-responses.js'
import type { PageView } from '../../layout.js'
import { assessmentParams, assessmentPath, feedbackLayout, staffCtx } from './common.js'

interface CommentCard {
  id: string
  text: string
  action: string
  /** What the buttons do: both for a waiting comment, the other one for a moderated one. */
  choices: Array<{ status: 'approved' | 'hidden'; text: string; secondary: boolean }>
}

export interface ModerationView extends PageView {
  csrf: string
  backHref: string
  providerName: string
  notice: string | null
  groups: Array<{ heading: string; empty: string; comments: CommentCard[] }>
}

declare module '../../views.js' {
  interface PageViews {
    'manage-feedback-comments': ModerationView
  }
}

const NOTICES: Record<string, string> = {
  approved: 'The comment is approved: the provider will see it with the totals.',
  hidden: 'The comment is hidden: only co-ordinators will see it.'
}

const APPROVE = { status: 'approved', text: 'Approve', secondary: false } as const
const HIDE = { status: 'hidden', text: 'Hide', secondary: true } as const

export const feedbackModerationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/:id/comments',
    {
      schema: {
        hide: true,
        params: assessmentParams,
        querystring: z.object({ done: z.string().max(20).optional() })
      }
    },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const { id } = request.params
      const target = await getFeedbackTarget(deps, ctx, id)
      const { items } = await listFeedbackResponses(deps, ctx, id)
      const withComment = items.flatMap((r) => (r.comment === null ? [] : [{ ...r, comment: r.comment }]))
      const cards = (status: string, choices: CommentCard['choices']) =>
        withComment
          .filter((r) => r.commentStatus === status)
          .map((r) => ({ id: r.id, text: r.comment, action: `${assessmentPath(id)}/comments/${r.id}`, choices }))
      return await reply.page(200, 'manage-feedback-comments', {
        layout: feedbackLayout(`Moderate comments: ${target.providerName}`, target),
        csrf: reply.generateCsrf(),
        backHref: assessmentPath(id),
        providerName: target.providerName,
        notice: NOTICES[request.query.done ?? ''] ?? null,
        groups: [
          {
            heading: 'Waiting for moderation',
            empty: 'No comment is waiting.',
            comments: cards('pending', [APPROVE, HIDE])
          },
          { heading: 'Approved', empty: 'No approved comments.', comments: cards('approved', [HIDE]) },
          { heading: 'Hidden', empty: 'No hidden comments.', comments: cards('hidden', [APPROVE]) }
        ]
      })
    }
  )

  app.post(
    '/:id/comments/:responseId',
    {
      schema: {
        hide: true,
        params: assessmentParams.extend({ responseId: z.uuid() }),
        body: z.object({ _csrf: z.string().optional(), status: z.enum(['approved', 'hidden']) })
      },
      preValidation: app.csrfProtection
    },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const { id, responseId } = request.params
      await getFeedbackTarget(deps, ctx, id)
      await moderateFeedbackComment(deps, ctx, responseId, { status: request.body.status })
      return await reply.redirect(`${assessmentPath(id)}/comments?done=${request.body.status}`, 303)
    }
  )
}
