// The feedback pages' start (README: Feedback letters and interviews): the council's assessments still collecting
// feedback, and one assessment's feedback at a glance — its links by status, responses received and waiting, comments
// to moderate — with the way to each task.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { longDate } from '../../../use-cases/publication/public-award.js'
import type { Deps } from '../../../use-cases/context.js'
import { getFeedbackTarget, listFeedbackCollections } from '../../../use-cases/feedback-collections.js'
import { listFeedbackInvitations } from '../../../use-cases/feedback-invitations.js'
import { listFeedbackResponses } from '../../../use-cases/feedback-responses.js'
import type { PageView } from '../../layout.js'
import { ASSESSMENTS } from '../assessment-views.js'
import { assessmentParams, assessmentPath, feedbackLayout, staffCtx } from './common.js'

export interface FeedbackIndexView extends PageView {
  rows: Array<{ href: string; providerName: string; state: string; openedOn: string; responses: number }>
}

export interface FeedbackAssessmentView extends PageView {
  providerName: string
  notice: string | null
  summary: Array<{ key: { text: string }; value: { text: string } }>
  tasks: Array<{ href: string; text: string; hint: string }>
  /** the assessment's review, where the live score counts these responses */
  reviewHref: string
}

declare module '../../views.js' {
  interface PageViews {
    'manage-feedback-index': FeedbackIndexView
    'manage-feedback-assessment': FeedbackAssessmentView
  }
}

const doneQuery = z.object({ done: z.string().max(20).optional() })

const STATE_NAMES: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  under_review: 'Under review',
  info_requested: 'Information requested',
  ready_for_decision: 'Ready for decision'
}

/** Banners after a change (Post/Redirect/Get): the redirect names what happened, never any data. */
const NOTICES: Record<string, string> = {
  interview: 'The interview answers have been saved.'
}

export const feedbackOverviewRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const collections = await listFeedbackCollections(deps, ctx)
    return await reply.page(200, 'manage-feedback-index', {
      layout: feedbackLayout('Feedback', null),
      rows: collections.map((c) => ({
        href: assessmentPath(c.assessmentId),
        providerName: c.providerName,
        state: STATE_NAMES[c.state] ?? c.state,
        openedOn: longDate(c.openedAt),
        responses: c.responses
      }))
    })
  })

  app.get(
    '/:id',
    { schema: { hide: true, params: assessmentParams, querystring: doneQuery } },
    async (request, reply) => {
      const ctx = await staffCtx(deps, request, reply)
      if (ctx === null) return reply
      const { id } = request.params
      const target = await getFeedbackTarget(deps, ctx, id)
      const invitations = await listFeedbackInvitations(deps, ctx, id)
      const responses = await listFeedbackResponses(deps, ctx, id)
      const pending = responses.items.filter((r) => r.commentStatus === 'pending').length
      const c = invitations.counts
      const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } })
      const base = assessmentPath(id)
      return await reply.page(200, 'manage-feedback-assessment', {
        layout: feedbackLayout(`Feedback: ${target.providerName}`, target),
        providerName: target.providerName,
        notice: NOTICES[request.query.done ?? ''] ?? null,
        summary: [
          row('Assessment', STATE_NAMES[target.assessmentState] ?? target.assessmentState),
          row('Links', `${c.unused} unused, ${c.used} used, ${c.expired} expired, ${c.revoked} revoked`),
          row('Responses', `${responses.items.length} received`),
          row('Waiting to be released', `${responses.waiting} (answers sent through links arrive in batches of 3)`),
          row('Comments to moderate', String(pending))
        ],
        reviewHref: `${ASSESSMENTS}/${id}`,
        tasks: [
          { href: `${base}/letters`, text: 'Print feedback letters', hint: 'New single-use links, one letter each' },
          { href: `${base}/interview`, text: 'Enter an interview', hint: 'Answers given to you in person' },
          { href: `${base}/comments`, text: 'Moderate comments', hint: 'Approve or hide what people wrote' },
          { href: `${base}/results`, text: 'See the results', hint: 'Totals only, from 3 or more responses' }
        ]
      })
    }
  )
}
