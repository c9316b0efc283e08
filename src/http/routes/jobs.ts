// Run the monitoring jobs now (demos, tests, an impatient co-ordinator): staff for their own council, admin for all.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Deps } from '../../use-cases/context.js'
import { runJobs } from '../../use-cases/jobs/run-jobs.js'
import { jobsReportSchema } from '../schemas/jobs.js'
import { problemResponses } from '../schemas/problem.js'
import { ctxOf } from './context.js'

export const jobRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/run',
    {
      config: { roles: ['coordinator', 'reviewer', 'admin'] },
      schema: {
        tags: ['jobs'],
        summary:
          'Run every monitoring job once now: reminders, lapsed-limiter suspensions, renewals, expiry, comment ' +
            'erasure, delivery',
        // renewals open assessments pinned to the current scheme (src/use-cases/jobs/award-renewals.ts)
        response: { 200: jobsReportSchema, ...problemResponses('SCHEME_NOT_PUBLISHED') }
      }
    },
    async (request) => {
      const ctx = ctxOf(request)
      // A co-ordinator's run touches only their council; the scheduler and an admin run for every council.
      const councilId =
        ctx.actor.kind === 'user' && ctx.actor.role !== 'admin' ? (ctx.actor.councilId ?? undefined) : undefined
      return await runJobs(deps, ctx.now, { councilId })
    }
  )
}
