// The results (README: Feedback letters and interviews): answer counts and means per question, Q, G and n, and the
// approved comments, from the aggregate use case the API and the scorer share. Never a single person's answers, and
// nothing at all for fewer than 3 responses, on this page too (src/domain/README.md: reports never reveal a group < 3).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../../use-cases/context.js'
import { getAssessmentFeedbackAggregate, HIDDEN_REASON } from '../../../use-cases/feedback-aggregates.js'
import { getFeedbackTarget } from '../../../use-cases/feedback-collections.js'
import type { PageView } from '../../layout.js'
import { assessmentParams, assessmentPath, feedbackLayout, staffCtx } from './common.js'

interface QuestionResult {
  caption: string
  wording: string
  answered: number
  mean: string
  counts: Array<{ answer: string; count: number }>
}

export interface ResultsView extends PageView {
  backHref: string
  providerName: string
  hidden: string | null
  summary: Array<{ key: { text: string }; value: { text: string } }>
  questions: QuestionResult[]
  comments: string[]
}

declare module '../../views.js' {
  interface PageViews {
    'manage-feedback-results': ResultsView
  }
}

const figure = (n: number | null) => (n === null ? 'not enough answers' : String(n))

export const feedbackResultRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get('/:id/results', { schema: { hide: true, params: assessmentParams } }, async (request, reply) => {
    const ctx = await staffCtx(deps, request, reply)
    if (ctx === null) return reply
    const { id } = request.params
    const target = await getFeedbackTarget(deps, ctx, id)
    const aggregate = await getAssessmentFeedbackAggregate(deps, ctx, id)
    const { instrument } = target
    const hidden = aggregate.smallGroup ? `No results yet: ${HIDDEN_REASON}.` : null
    const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } })
    const scales = new Map(instrument.scales.map((s) => [s.code, s]))
    let number = 0
    const questions = instrument.items.flatMap((item): QuestionResult[] => {
      if (item.kind !== 'scale') return []
      number++
      const result = aggregate.items.find((i) => i.code === item.code)
      const answers = scales.get(item.scale)?.answers ?? []
      return [{
        caption: `Question ${number}`,
        wording: item.wording.plain,
        answered: result?.answered ?? 0,
        mean: figure(result?.mean ?? null),
        counts: answers.map((a) => ({
          answer: a.wording.plain,
          count: result?.counts.find((c) => c.value === a.value)?.count ?? 0
        }))
      }]
    })
    return await reply.page(200, 'manage-feedback-results', {
      layout: feedbackLayout(`Feedback results: ${target.providerName}`, target),
      backHref: assessmentPath(id),
      providerName: target.providerName,
      hidden,
      summary: hidden !== null
        ? []
        : [
            row('Responses', String(aggregate.responses)),
            row('Counted for the score (n)', String(aggregate.n)),
            row('Feedback quality (Q, out of 100)', figure(aggregate.q)),
            row('Difference the support makes (G, from −3 to +3)', figure(aggregate.g))
          ],
      questions: hidden !== null ? [] : questions,
      comments: hidden !== null ? [] : aggregate.comments
    })
  })
}
