// The co-ordinator's feedback pages under /manage/feedback (README: Feedback letters and interviews), one plugin per
// page group, with HTML error pages: another council's assessment is "Page not found", as in the API.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../../use-cases/context.js'
import { useHtmlErrorPages } from '../../plugin.js'
import { feedbackInterviewRoutes } from './interview.js'
import { feedbackLetterRoutes } from './letters.js'
import { feedbackModerationRoutes } from './moderation.js'
import { feedbackOverviewRoutes } from './overview.js'
import { feedbackResultRoutes } from './results.js'

export const manageFeedbackRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  useHtmlErrorPages(app)
  await app.register(feedbackOverviewRoutes, { deps })
  await app.register(feedbackLetterRoutes, { deps })
  await app.register(feedbackInterviewRoutes, { deps })
  await app.register(feedbackModerationRoutes, { deps })
  await app.register(feedbackResultRoutes, { deps })
}
