// The provider's application pages (README: For providers): the task list at /provider, starting an assessment,
// sending it and answering the co-ordinator's request for information. Post/Redirect/Get throughout.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { actOnAssessment, openAssessment } from '../../use-cases/assessments.js'
import { isoDate, type Deps } from '../../use-cases/context.js'
import { getMyApplication, viewMyApplication } from '../../use-cases/provider-portal.js'
import { pageCtx, PROVIDER_HOME, providerOrRedirect } from '../portal.js'
import { keptPages } from '../kept-pages.js'
import { startView, taskListView } from './application-page.js'

const NOTICES = { sent: 'Your application has been sent.', answered: 'Your answer has been sent.' } as const
const noticeQuery = z.object({ done: z.enum(['sent', 'answered']).optional() })
const form = z.record(z.string(), z.string())
const ANSWER_MAX = 4000

/** Registered inside the provider portal (src/web/provider/routes.ts). */
export const applicationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const csrf = { preValidation: app.csrfProtection }
  const keptTaskLists = keptPages()

  app.get('/', { schema: { hide: true, querystring: noticeQuery } }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const mine = await viewMyApplication(deps, ctx)
    const token = reply.generateCsrf()
    const assessment = mine.assessment
    if (assessment === null || assessment.state === 'withdrawn') {
      return await reply.page(200, 'provider-start', startView(token, mine))
    }
    const done = request.query.done
    const today = isoDate(ctx.now)
    // The page is a function of the kept application, the day and the notice; only its forms' token is new.
    const html = await keptTaskLists.withToken(mine, `${today} ${done ?? ''}`, token, async (csrf) =>
      await reply.renderPage('provider-task-list', taskListView({
        csrf,
        app: { ...mine, assessment },
        today,
        notice: done === undefined ? undefined : NOTICES[done]
      })))
    return await reply.sendPage(200, html)
  })

  app.post('/start', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    await openAssessment(deps, pageCtx(deps, me, request), { kind: 'initial' })
    return await reply.redirect(PROVIDER_HOME, 303)
  })

  app.post('/send', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const { assessment } = await getMyApplication(deps, ctx)
    if (assessment !== null) await actOnAssessment(deps, ctx, assessment.id, 'submit', undefined, null)
    return await reply.redirect(`${PROVIDER_HOME}?done=sent`, 303)
  })

  app.post('/answer', { schema: { hide: true, body: form }, ...csrf }, async (request, reply) => {
    const me = await providerOrRedirect(request, reply)
    if (me === null) return reply
    const ctx = pageCtx(deps, me, request)
    const mine = await getMyApplication(deps, ctx)
    const answer = (request.body.answer ?? '').trim()
    const error = answer === ''
      ? 'Enter your answer'
      : answer.length > ANSWER_MAX ? `Your answer must be ${ANSWER_MAX} characters or fewer` : null
    if (mine.assessment === null) return await reply.redirect(PROVIDER_HOME, 303)
    if (error !== null) {
      return await reply.page(400, 'provider-task-list', taskListView({
        csrf: reply.generateCsrf(),
        app: { ...mine, assessment: mine.assessment },
        today: isoDate(ctx.now),
        answer: { value: request.body.answer ?? '', error }
      }))
    }
    await actOnAssessment(deps, ctx, mine.assessment.id, 'respond_info', undefined, answer)
    return await reply.redirect(`${PROVIDER_HOME}?done=answered`, 303)
  })
}
