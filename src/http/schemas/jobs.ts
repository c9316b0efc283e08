// The jobs API contract: what one run of the monitoring jobs did.
import { z } from 'zod'

export const jobResultSchema = z
  .object({
    job: z.enum(['evidence-reminders', 'limiter-suspensions', 'award-renewals', 'comment-erasure', 'outbox-delivery']),
    ran: z.boolean().describe('false when another instance was running this job at the same moment'),
    done: z.number().int(),
    failed: z.number().int(),
    actions: z.array(z.string())
  })
  .meta({ id: 'JobResult' })

export const jobsReportSchema = z
  .object({
    at: z.string(),
    results: z.array(jobResultSchema),
    messages: z
      .object({ sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() })
      .describe('Messages to people sent after the jobs: sent, to be tried again, failed for good')
  })
  .meta({ id: 'JobsReport' })
